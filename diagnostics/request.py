"""A diagnosis asked for, as plain data: the case, and how its networks are to be asked.

The CLI, the batch runner, the window's engine process and the benches all build a ``Request``, so one case
is diagnosed the same way whoever asks (and it crosses the window's process pipe as it is).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from diagnostics.model import Case

DEFAULT_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Request:
    case: Case
    endpoints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> URLs, over the profiles'
    timeout: float = DEFAULT_TIMEOUT_SECONDS  # per round of requests to one endpoint
    tron_api_key: str | None = None
    ton_api_key: str | None = None  # toncenter's, sent to its own hosts only
    confirmations: Mapping[str, int] = field(default_factory=dict)  # the user's own, by network slug
    # The networks the search may ask besides the chosen one: ``None`` every network, ``()`` the chosen only.
    search: tuple[str, ...] | None = None
    exchange: str | None = None  # the exchange for a case that names none (the window's picker, a batch's)

    def for_case(self, case: Case) -> Request:
        """The same way of asking, for another case (a batch's rows, a watch's re-check)."""
        return replace(self, case=case)

    @property
    def effective_case(self) -> Case:
        """The case with the request's exchange where the case itself names none."""
        if self.case.exchange is not None or self.exchange is None:
            return self.case
        return replace(self.case, exchange=self.exchange)
