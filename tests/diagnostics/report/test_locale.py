from __future__ import annotations

import re
from pathlib import Path

import requests

from diagnostics.chains.adapter import describe_failure
from diagnostics.checks import REGISTRY, load_checks
from diagnostics.report.content import LANGUAGES, reason_text, strings
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


def test_node_failures_are_said_in_chinese_too() -> None:
    """Every reason an adapter gives a key for has Chinese words with the same placeholders."""

    zh = strings("zh")
    chains = Path(__file__).resolve().parents[3] / "diagnostics" / "chains"
    keys = {m for path in chains.glob("*.py") for m in re.findall(r'unavailable\(\s*"([a-z_0-9]+)"', path.read_text())}
    assert keys and keys <= set(zh.REASONS), keys - set(zh.REASONS)


def test_a_dead_node_reads_in_chinese() -> None:

    dead = describe_failure(requests.ConnectionError(), "https://api.trongrid.io/", 5)
    assert reason_text(dead, strings("zh")) == "无法连接 api.trongrid.io（节点已停止服务，或地址有误）"
    assert reason_text(dead, strings("en")) == dead.reason
