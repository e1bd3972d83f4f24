"""Every parser of what comes from outside, fuzzed: whatever the input, a result or the parser's own refusal, never
another exception. ``bench/fuzz_parsers.py`` runs the same strategies 10,000 times each and at 64 KiB; here a few
hundred, derandomized, so the suite stays fast and the same from run to run."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.diagnostics.intake.hostile import BIG_STRATEGIES, PARSERS, STRATEGIES

SETTINGS = settings(deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("name", list(PARSERS))
def test_no_input_makes_a_parser_raise(name: str) -> None:
    parser = PARSERS[name]

    @settings(SETTINGS, max_examples=300)
    @given(STRATEGIES[name])
    def parse(text: str) -> None:
        with contextlib.suppress(*parser.refusals):
            parser.call(text)

    parse()


@pytest.mark.parametrize("name", list(PARSERS))
def test_no_input_up_to_64_kib_makes_a_parser_raise(name: str) -> None:
    parser = PARSERS[name]

    @settings(SETTINGS, max_examples=25)
    @given(BIG_STRATEGIES[name])
    def parse(text: str) -> None:
        with contextlib.suppress(*parser.refusals):
            parser.call(text)

    parse()


@settings(SETTINGS, max_examples=2_000)
@given(st.text(alphabet="(（)）ab", max_size=12))
def test_the_unit_scan_reads_as_the_pattern_did(name: str) -> None:
    """``_without_unit`` replaced the pattern ``[(（][^)）]*[)）]$``, which backtracked; it must say the same."""
    import re  # noqa: PLC0415

    from diagnostics.intake.csv_export import _without_unit  # noqa: PLC0415

    assert _without_unit(name) == re.sub(r"[(（][^)）]*[)）]$", "", name)
