"""PDF report benchmark: time to print a typical report warm (goal ≤ 200 ms), and the file's size.

Prints figures; not part of the test run. Usage: .venv/bin/python bench/pdf_report.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.pdf import render_pdf
from diagnostics.report.html import render_html
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    cold_started = time.perf_counter()
    render_pdf(render_html(under_confirmed()))
    print(f"first PDF in this process (Qt start, fonts): {(time.perf_counter() - cold_started) * 1000:.0f} ms")
    for name, sample in (("EVM under-confirmed", under_confirmed), ("Tron OUT_OF_ENERGY", tron_out_of_energy)):
        for language in ("en", "zh"):
            diagnosis = sample()
            times, size = [], 0
            for _ in range(runs):
                started = time.perf_counter()
                pdf = render_pdf(render_html(diagnosis, language))  # the whole path: report, HTML, layout, PDF
                times.append((time.perf_counter() - started) * 1000)
                size = len(pdf)
            print(
                f"{name:>20} [{language}]: median {statistics.median(times):.1f} ms, "
                f"p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms, {size / 1024:.0f} KiB"
            )


if __name__ == "__main__":
    main()
