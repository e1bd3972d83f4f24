from __future__ import annotations

from diagnostics.checks import REGISTRY, load_checks
from diagnostics.report.content import LANGUAGES, strings
from diagnostics.verdict import PRIORITY


def test_every_code_has_words_in_every_language() -> None:
    load_checks()
    for language in LANGUAGES:
        locale = strings(language)
        for code in [*REGISTRY, "INTERNAL_CHECK_ERROR"]:
            entry = locale.FINDINGS[code]
            assert entry["title"] and entry["explanation"], code
            steps = entry["next_steps"]
            assert "any" in steps or {"deposit", "withdrawal"} <= set(steps), code
        assert set(PRIORITY) | {"NO_FINDINGS"} <= set(locale.VERDICTS)
