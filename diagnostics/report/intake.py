"""What could not be read from an input (a dropped file, pasted text, a batch's files), in words.

The window and the batch command say the same sentence for the same problem, in English or Chinese.
"""

from __future__ import annotations

from diagnostics.intake.draft import IntakeProblem
from diagnostics.report.content import strings


def problem_text(problem: IntakeProblem, language: str = "en") -> str:
    words: dict[str, str] = strings(language).INTAKE
    params = dict(problem.params)
    key = problem.key
    if key == "unknown_network" and "row" not in params:
        key = "unknown_network_case"  # a case file's case, not a CSV row
    text = words.get(key, words["other"])
    for name, value in {"key": problem.key, **params}.items():
        text = text.replace("{" + name + "}", value)  # not format(): a value may hold braces
    return text


def secret_text(language: str = "en") -> str:
    """What is said of an input that held a private key, a key file or a seed phrase (it was not read)."""
    return str(strings(language).INTAKE["secret"])
