from __future__ import annotations

from desktop.engine_process import Options
from diagnostics.model import Case


def test_the_window_s_options_make_the_one_request_type_the_engine_takes() -> None:
    options = Options(
        endpoints={"ethereum": ["http://127.0.0.1:8545"]},
        timeout=7.0,
        tron_api_key="tron-key",
        ton_api_key="ton-key",
        confirmations={"ethereum": 20},
        networks=("ethereum", "bsc"),
        exchange="okx",
    )
    request = options.request(Case("ethereum", "0x" + "ab" * 32))
    assert request.endpoints == {"ethereum": ("http://127.0.0.1:8545",)}
    assert (request.timeout, request.tron_api_key, request.ton_api_key) == (7.0, "tron-key", "ton-key")
    assert request.confirmations == {"ethereum": 20} and request.exchange == "okx"
    assert request.search == ("ethereum", "bsc")
    assert request.effective_case.exchange == "okx"
    watch = Options(search_others=False, networks=("ethereum",)).request(Case("bsc", "0x" + "cd" * 32))
    assert watch.search == ()  # a watch asks only the network the transaction is on
