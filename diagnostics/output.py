"""Writing what the app produces: reports and summaries replace files atomically, times are shown in the
computer's own zone, and the TronGrid and toncenter keys come from the environment. Shared by the CLI, the batch runner
and the window, so each writes a file the same careful way."""

from __future__ import annotations

import os
import stat
import tempfile
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from diagnostics.errors import InputError

# TronGrid's API key, read from the environment so it never sits in shell history or a process list.
TRON_API_KEY_VARIABLE = "TRON_PRO_API_KEY"


# toncenter's API key (keyless, toncenter allows one request a second), read from the environment likewise.
TON_API_KEY_VARIABLE = "TONCENTER_API_KEY"


def tron_api_key() -> str | None:
    return os.environ.get(TRON_API_KEY_VARIABLE, "").strip() or None


def ton_api_key() -> str | None:
    return os.environ.get(TON_API_KEY_VARIABLE, "").strip() or None


def _not_a_file(target: Path) -> str | None:
    """Why ``target`` must not be replaced by a report, or ``None`` for a regular file or a new name.

    A report is written to a temporary file renamed over the target: over a device (``/dev/null``, as root),
    a named pipe or a socket, the rename would replace it with a file; over a symbolic link, it would replace
    the link and leave the file it points to as it was.
    """
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(mode):
        return "it is a symbolic link; give the path of the file it points to"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None  # a folder is refused by the caller, in its own words
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe, not a file"
    return "it is not a regular file"


def check_output(path: str) -> Path:
    """Refuse an unusable --output before spending time on a diagnosis."""
    if not path.strip():
        raise InputError("--output needs a file name")
    target = Path(path).expanduser()
    reason = _not_a_file(target)
    if reason is not None:
        raise InputError(f"cannot write the report to {path}: {reason}")
    if target.is_dir():
        raise InputError(f"cannot write the report to {path}: that is a folder; give a file name inside it")
    if not target.parent.is_dir():
        raise InputError(f"cannot write the report to {path}: the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise InputError(f"cannot write the report to {path}: the folder {target.parent} is not writable")
    return target


def write_atomically(target: Path, text: str | bytes) -> None:
    """Temp file then rename: a crash or a full disk never leaves half a report where the old one was.

    Only a regular file or a new name is replaced (see ``_not_a_file``), checked again just before the rename.
    """
    reason = _not_a_file(target)
    if reason is not None:
        raise InputError(f"cannot write the report to {target}: {reason}")
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write the report to {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must never expose a file whose bytes are not on disk
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # a report is an ordinary file, not mkstemp's private 0600
        reason = _not_a_file(target)  # what was checked before may have changed while the report was written
        if reason is not None:
            raise InputError(f"cannot write the report to {target}: {reason}")
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"cannot write the report to {target}: {exc.strerror}") from None
    except InputError:
        Path(temp).unlink(missing_ok=True)
        raise


def local_zone() -> tzinfo | None:
    """This computer's time zone as a real zone, so a block time across a daylight-saving change is shown
    with the offset it had then ($TZ, else /etc/localtime's zone name, else today's fixed offset)."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    localtime = os.path.realpath("/etc/localtime")
    if "zoneinfo/" in localtime:
        names.append(localtime.split("zoneinfo/", 1)[1])
    for name in filter(None, names):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo
