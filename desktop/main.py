"""Entry point ``deposit-doctor``: no arguments opens the window; ``--sandbox`` opens it on local chains with
every classic case; a subcommand runs the CLI.

Qt is imported only when the window opens, so the CLI starts fast and runs where no display is.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence


def _pdf(html: str, page_size: str) -> bytes:
    """The CLI's --format pdf, through Qt: imported only when a PDF is asked for."""
    from desktop.pdf import render_pdf  # noqa: PLC0415

    return render_pdf(html, page_size)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the engine process, in a frozen (bundled) build
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--sandbox"]:
        from desktop.app import run_sandbox  # noqa: PLC0415

        return run_sandbox()
    if args:
        from diagnostics.cli import main as cli_main  # noqa: PLC0415

        return cli_main(args, pdf=_pdf)
    from desktop.app import run_window  # noqa: PLC0415

    return run_window()


if __name__ == "__main__":
    sys.exit(main())
