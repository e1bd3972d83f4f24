"""Every parser that reads what comes from outside, against hostile inputs: is each linear, does any crash?

linear  each parser on every known hostile input (tests/diagnostics/intake/hostile.py: HOSTILE) of 1, 2 and 5 MiB;
        a parser is linear when 5 MiB takes at most 8 times what 1 MiB does (or under a quarter second).
fuzz    hypothesis, --examples per parser (10,000 by default), then a run with inputs up to 64 KiB
        (--big-examples); prints examples run, refusals, crashes (any exception but the parser's own refusal, or
        a process killed by a signal) and the slowest input.

Each measurement runs in its own child process with eth_account loaded, as the engine process has it (py_ecc
raises the recursion limit to 100,000, which is what turns deep JSON into a SIGSEGV): a crash or a hang is a
figure, not the end of the run. Prints figures; not part of the test run.
Usage: .venv/bin/python bench/fuzz_parsers.py [linear|fuzz|all] [--sizes 1,2,5] [--examples 10000]
       [--big-examples 2000] [--parsers csv,case_file,...] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINEAR_FACTOR = 8.0  # 5 MiB may take this many times 1 MiB (5 for a straight line, with room for noise)
QUICK = 0.25  # seconds under which no input is slow, whatever the ratio
SLOW = 1.0  # a fuzz input slower than this is listed


def _excerpt(text: str, limit: int = 60) -> str:
    """The start of ``text`` and its size: enough to rebuild a repeated input."""
    shown = repr(text[:limit])
    shown = shown if len(shown) <= limit + 20 else shown[: limit + 20] + "…"
    return f"{shown}{'…' if len(text) > limit else ''} ({len(text):,} chars)"


# Children ---------------------------------------------------------------------------------------------------------


def _child_time(parser_name: str, family: str, size: int) -> None:
    import eth_account  # noqa: F401, PLC0415 (the recursion limit the engine process runs with)

    from tests.diagnostics.intake.hostile import HOSTILE, PARSERS  # noqa: PLC0415

    text = HOSTILE[parser_name][family](size)
    parser = PARSERS[parser_name]
    start = time.perf_counter()
    try:
        parser.call(text)
        outcome = "read"
    except parser.refusals as exc:
        outcome = f"refused: {str(exc)[:70]}"
    except Exception as exc:
        outcome = f"RAISED {type(exc).__name__}: {str(exc)[:70]}"
    print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome, "size": len(text)}))


def _child_fuzz(parser_name: str, examples: int, big: bool, progress: str) -> None:
    import eth_account  # noqa: F401, PLC0415
    from hypothesis import HealthCheck, Phase, given, settings  # noqa: PLC0415

    from tests.diagnostics.intake.hostile import BIG_STRATEGIES, PARSERS, STRATEGIES  # noqa: PLC0415

    parser = PARSERS[parser_name]
    strategy = (BIG_STRATEGIES if big else STRATEGIES)[parser_name]
    figures: dict[str, Any] = {"examples": 0, "refused": 0, "crashes": {}, "slowest": [0.0, ""], "slow": 0}
    largest = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(text: str) -> None:
        nonlocal largest
        with open(progress, "w", encoding="utf-8", errors="backslashreplace") as note:
            note.write(_excerpt(text, 300))  # the input a signal killed the process on, for the parent to say
        figures["examples"] += 1
        largest = max(largest, len(text))
        start = time.perf_counter()
        try:
            parser.call(text)
        except parser.refusals:
            figures["refused"] += 1
        except Exception as exc:
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0][:80] if str(exc) else ''}"
            crash = figures["crashes"].setdefault(key, [0, _excerpt(text)])
            crash[0] += 1
        seconds = time.perf_counter() - start
        figures["slow"] += seconds > SLOW
        if seconds > figures["slowest"][0]:
            figures["slowest"] = [seconds, _excerpt(text)]

    run()
    figures["largest"] = largest
    print(json.dumps(figures))


# The parent -------------------------------------------------------------------------------------------------------


def _spawn(args: list[str], timeout: float) -> tuple[dict[str, Any] | None, str]:
    """A child's figures, or why there are none (a signal, a timeout, an error)."""
    try:
        run = subprocess.run(
            [sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
        )
    except subprocess.TimeoutExpired:
        return None, f"TIMEOUT (> {timeout:.0f} s)"
    if run.returncode < 0:
        return None, f"CRASH (killed by {signal.Signals(-run.returncode).name})"
    if run.returncode != 0:
        return None, f"ERROR (exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}"
    return json.loads(run.stdout.strip().splitlines()[-1]), ""


def linear(parsers: list[str], sizes: list[float], timeout: float) -> bool:
    from tests.diagnostics.intake.hostile import HOSTILE, MiB  # noqa: PLC0415

    shown = ", ".join(f"{s:g}" for s in sizes)
    print(f"Linear: each hostile input at {shown} MiB; one child each (timeout {timeout:.0f} s)")
    print(f"{'parser':<10} {'input':<44} " + " ".join(f"{f'{s:g} MiB':>10}" for s in sizes) + "  verdict")
    fine = True
    for name in parsers:
        for family in HOSTILE[name]:
            cells: list[str] = []
            seconds: list[float] = []
            outcome = ""
            for size in sizes:
                figures, failure = _spawn(["_time", name, family, str(int(size * MiB))], timeout)
                if figures is None:
                    cells.append(failure.split()[0])
                    outcome = failure
                    break
                cells.append(f"{figures['seconds']:.3f} s")
                seconds.append(figures["seconds"])
                outcome = figures["outcome"]
            if len(seconds) == len(sizes):
                ratio = seconds[-1] / max(seconds[0], 1e-9)
                allowed = LINEAR_FACTOR * sizes[-1] / sizes[0] / 5
                ok = seconds[-1] < QUICK or ratio <= allowed
                verdict = ("linear" if ok else f"SUPERLINEAR (x{ratio:.0f})") + f"; {outcome}"
                fine &= ok and not outcome.startswith("RAISED")
            else:
                verdict, fine = outcome, False
            print(f"{name:<10} {family[:44]:<44} " + " ".join(f"{c:>10}" for c in cells) + f"  {verdict}")
    return fine


def fuzz(parsers: list[str], examples: int, big_examples: int, jobs: int, timeout: float) -> bool:
    print(f"\nFuzz: hypothesis, {examples:,} examples per parser, then {big_examples:,} with inputs up to 64 KiB")
    runs = [(name, examples, False) for name in parsers] + [(name, big_examples, True) for name in parsers]
    fine = True

    def one(run: tuple[str, int, bool]) -> tuple[tuple[str, int, bool], dict[str, Any] | None, str, float]:
        name, count, big = run
        with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as note:
            progress = note.name
        start = time.perf_counter()
        figures, failure = _spawn(["_fuzz", name, str(count), "1" if big else "0", progress], timeout)
        elapsed = time.perf_counter() - start
        if figures is None and Path(progress).exists():
            failure += f" on {Path(progress).read_text(encoding='utf-8')}"
        Path(progress).unlink(missing_ok=True)
        return run, figures, failure, elapsed

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, runs))
    header = f"{'parser':<10} {'inputs':<9} {'examples':>9} {'refused':>8} {'crashes':>8} {'> 1 s':>6} {'largest':>9}"
    print(f"{header}  slowest")
    for (name, _, big), figures, failure, elapsed in results:
        label = "≤ 64 KiB" if big else "small"
        if figures is None:
            print(f"{name:<10} {label:<9} {failure}")
            fine = False
            continue
        crashes = sum(count for count, _ in figures["crashes"].values())
        seconds, slowest = figures["slowest"]
        counts = f"{figures['examples']:>9,} {figures['refused']:>8,} {crashes:>8,} {figures['slow']:>6,}"
        print(
            f"{name:<10} {label:<9} {counts} {figures['largest']:>9,}  {seconds:.3f} s on {slowest}  [{elapsed:.0f} s]"
        )
        for kind, (count, example) in figures["crashes"].items():
            print(f"{'':<20} crash x{count}: {kind} on {example}")
        fine &= crashes == 0
    return fine


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_time":
        _child_time(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_fuzz":
        _child_fuzz(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5])
        return 0
    from tests.diagnostics.intake.hostile import PARSERS  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("part", nargs="?", choices=["linear", "fuzz", "all"], default="all")
    parser.add_argument("--sizes", default="1,2,5", help="MiB, comma-separated (default 1,2,5)")
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--big-examples", type=int, default=2_000)
    parser.add_argument("--parsers", default=",".join(PARSERS))
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2))
    parser.add_argument("--timeout", type=float, default=600, help="seconds per child (default 600)")
    args = parser.parse_args()
    names = [n for n in args.parsers.split(",") if n]
    fine = True
    if args.part in ("linear", "all"):
        fine &= linear(names, [float(s) for s in args.sizes.split(",")], args.timeout)
    if args.part in ("fuzz", "all"):
        fine &= fuzz(names, args.examples, args.big_examples, args.jobs, max(args.timeout, 1800))
    print("\nall linear, no crash" if fine else "\nSOMETHING ABOVE IS SLOW OR CRASHES")
    return 0 if fine else 1


if __name__ == "__main__":
    sys.exit(main())
