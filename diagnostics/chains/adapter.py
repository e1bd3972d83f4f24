"""What the engine needs from a chain family's adapter, and how failures are put into words."""

from __future__ import annotations

import json
import queue
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from enum import Enum
from time import perf_counter
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from diagnostics.bounds import nesting
from diagnostics.model import Found, Hints, Network, NetworkFacts, NotFound, Unavailable
from diagnostics.request import DEFAULT_TIMEOUT_SECONDS

__all__ = ["DEFAULT_TIMEOUT_SECONDS"]  # the adapters' default, defined with the request that carries it
# No answer an adapter reads legitimately comes near this: an Esplora transaction of 100 kvB (the largest
# standard one) is about 1 MB of JSON, an EVM batch with a receipt of a thousand logs well under 2 MB.
MAX_ANSWER_BYTES = 4 * 1024 * 1024
# Node answers are a few levels deep (Esplora five, a JSON-RPC batch six, a java-tron block about ten), but a
# call trace nests two levels per call, and the EVM allows calls 1,024 deep; the C stack overflows only past
# tens of thousands of levels.
MAX_NESTING = 2_100


class Lifetime(Enum):
    """How long an answer is the same for every case of a network (a batch asks it once for that long)."""

    BLOCK = "block"  # the head, the fee market, the pool: until the next block
    RUN = "run"  # chain id, block 0, a token's symbol and decimals: for the whole batch


# Which of a family's reads are shared by every case: (JSON-RPC method or URL path, its params or body) ->
# how long the answer holds, or ``None`` for a read about one transaction.
SharedReads = Callable[[str, Any], Lifetime | None]


def nothing_shared(_name: str, _params: Any) -> Lifetime | None:
    return None


class Transport(Protocol):
    """What a batch lends its adapters' sessions: one connection pool, polite rate limits per endpoint, and
    the answers every case shares (see ``diagnostics.batch.transport``)."""

    def attach(self, session: requests.Session, network: Network, shared: SharedReads) -> None: ...


class ChainAdapter(Protocol):
    family: str
    timeout: float  # seconds one round of requests may take; a gather takes at most two rounds

    def gather(self, network: Network, tx_hash: str, hints: Hints | None = None) -> NetworkFacts:
        """Every fact about ``tx_hash`` on ``network``; failures become ``Unavailable``, never exceptions.

        ``hints`` are what the case already says (a raw signed transaction, the user's address), which an adapter
        may ask about in its first round; each adapter uses what its chain can say more about.
        """
        ...


def endpoint_host(url: str) -> str:
    """The part of an endpoint a report may show: keys ride in the path, query or user:password@."""
    parts = urlsplit(url)
    if not parts.hostname:
        return "(endpoint)"
    try:
        port = parts.port
    except ValueError:  # "…:99999": not a port; the request will say so, this only names the host
        port = None
    return f"{parts.hostname}:{port}" if port else parts.hostname


def is_plain_remote(url: str) -> bool:
    """An endpoint on another machine asked over plain http: anyone on the way can read and change its answers."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    loopback = host in {"localhost", "::1"} or host.startswith("127.")
    return parts.scheme == "http" and bool(host) and not loopback


def is_api_host(url: str, hosts: frozenset[str]) -> bool:
    """Whether ``url`` is https to one of ``hosts`` on its own port, with no user:password@: the only endpoints a
    user's API key for that API is sent to (an endpoint such as "http://127.0.0.1/trongrid/" or
    "https://trongrid.example.com" gets none)."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme.lower() == "https"
        and parts.hostname in hosts
        and port in (None, 443)
        and parts.username is None
        and parts.password is None
    )


def is_endpoint_url(url: str) -> bool:
    """Whether ``url`` can name a node: http(s), a host, and a port that is one."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port  # ValueError when it is no port at all ("…:99999")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and (port is None or port > 0)


def all_within(seconds: float, jobs: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run ``jobs`` side by side; each gives its result, or the exception it raised or a timeout.

    requests' timeout bounds each socket read, not the request: a node that drips one byte at a time
    would hold a diagnosis for ever. These daemon threads are abandoned at the deadline instead, and a
    daemon thread never keeps the program from exiting.
    """
    results: list[Any] = [requests.Timeout(f"no complete answer within {seconds:g} s")] * len(jobs)
    threads = []
    for index, job in enumerate(jobs):

        def run(index: int = index, job: Callable[[], Any] = job) -> None:
            try:
                results[index] = job()
            except Exception as exc:  # handed back to the caller, who decides what it means
                results[index] = exc

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        threads.append(thread)
    deadline = perf_counter() + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - perf_counter()))  # one deadline for all, not one per thread
    return list(results)


class _RefusedAnswerError(ValueError):
    """An answer refused before any parser saw it: larger, or nested deeper, than any node's answer."""


def check_answer(body: bytes) -> None:
    """Refuse an answer no node gives, before a parser sees it.

    The size bounds memory. The nesting bounds the parser's recursion: web3 imports py_ecc, which raises
    Python's recursion limit to 100,000, and then ``json.loads("[" * 300_000)`` overflows the C stack and
    the whole process dies instead of raising.
    """
    if len(body) > MAX_ANSWER_BYTES:
        raise _RefusedAnswerError(f"the answer is larger than {MAX_ANSWER_BYTES} bytes: no node answer is")
    if nesting(body) > MAX_NESTING:
        raise _RefusedAnswerError(f"the answer is nested deeper than {MAX_NESTING} levels: no node answer is")


def parse_json(text: str | bytes) -> Any:
    """A node's JSON answer, checked by ``check_answer`` before it is parsed."""
    body = text.encode() if isinstance(text, str) else text
    check_answer(body)
    return json.loads(body)


def _read_checked(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """A session's response hook: the body read now, at most one byte past the limit, and checked.

    requests calls response hooks before it reads the body, and a body already in ``_content`` is the one
    ``.content``, ``.json()`` and the libraries built on them (web3, tronpy) read: they parse only checked bytes.
    """
    try:
        body = response.raw.read(MAX_ANSWER_BYTES + 1, decode_content=True)
    except urllib3.exceptions.ReadTimeoutError as exc:  # what requests' own reading would have raised
        response.close()
        raise requests.ReadTimeout(str(exc)) from exc
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
        response.close()
        raise requests.ConnectionError(str(exc)) from exc
    if len(body) > MAX_ANSWER_BYTES:
        response.close()  # the rest is never read
    check_answer(body)
    response._content = body
    return response


def guard_session(session: requests.Session) -> requests.Session:
    """``session``, reading every answer through ``check_answer`` before anything parses it.

    Every adapter's requests go through a session guarded here: web3's ``HTTPProvider(session=…)``,
    tronpy's ``provider.sess`` and the Esplora client's own.
    """
    session.hooks["response"].append(_read_checked)
    return session


_BLOCK_ID = re.compile(r"(0x)?[0-9a-fA-F]{64}")
_BASE58_ID = re.compile(r"[1-9A-HJ-NP-Za-km-z]{32,44}")


def wrong_network(host: str, chain: str, network: Network, genesis: Any) -> Unavailable | None:
    """Why ``host`` is no node of ``network``, when the id it gave for block 0 says so; ``None`` when it
    matches, or when the node gave no block id to compare (a pruned node, an odd answer: other lookups judge).

    ``chain`` names the chain in words ("Bitcoin", "Tron", "Solana"); networks of it are told apart by their first
    block, whose id is hex (compared without case or ``0x``) or Base58 (Solana's, compared exactly).
    """
    if not network.genesis_hash or not isinstance(genesis, str):
        return None
    got, want = genesis.strip(), network.genesis_hash
    if _BLOCK_ID.fullmatch(got):
        got, want = got.lower().removeprefix("0x"), want.lower().removeprefix("0x")
    elif not _BASE58_ID.fullmatch(got):
        return None
    if got == want:
        return None
    text = "{host} serves another {chain} network (its first block is {got}…), not {network}"
    return unavailable("wrong_network", text, host=host, chain=chain, got=got[:16], network=network.name)


def unavailable(key: str, text: str, **params: object) -> Unavailable:
    """An ``Unavailable`` whose English ``text`` a report can also say in other languages, by ``key``."""
    words = {name: str(value) for name, value in params.items()}
    return Unavailable(text.format(**words), key, tuple(words.items()))


def describe_failure(exc: Exception, url: str, timeout: float) -> Unavailable:
    """Why ``url`` could not be used, in a sentence a person understands."""
    host = endpoint_host(url)
    if isinstance(exc, requests.Timeout):
        return unavailable("timeout", "{host} did not answer within {seconds} s", host=host, seconds=f"{timeout:g}")
    if isinstance(exc, requests.ConnectionError):
        return unavailable(
            "connect", "could not connect to {host} (the node is down, or the address is wrong)", host=host
        )
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        status = exc.response.status_code
        if status == 429:
            text = "{host} is limiting requests (HTTP 429 Too Many Requests): try later or use another endpoint"
            return unavailable("http_429", text, host=host)
        if status >= 500:
            return unavailable(
                "http_5xx", "{host} answered with a server error (HTTP {status})", host=host, status=status
            )
        return unavailable("http_refused", "{host} refused the request (HTTP {status})", host=host, status=status)
    if isinstance(exc, ValueError):
        text = "{host} did not answer in the node's API format (the answer could not be read)"
        return unavailable("not_api", text, host=host)
    return unavailable("other", "{host} could not be used: {error}", host=host, error=exc)


_NOT_FOUND_QUORUM = 2  # nodes that must agree a hash is unknown, where the profile lists that many


def ask_endpoints(network: Network, urls: Sequence[str], attempt: Callable[[str], NetworkFacts]) -> NetworkFacts:
    """Ask every one of ``urls`` at once; the first that knows the transaction answers, or two that agree
    they do not.

    One dead public node does not make a network unavailable, and one pruned or lagging node does not
    make a transaction "not found" (a false "not found" can make a user send the money twice). All are
    asked side by side, so a dead node costs no more than the timeout, whichever one it is.
    ``round_trips`` counts requests made one after another, not all requests.
    """
    started = perf_counter()
    answers: queue.SimpleQueue[NetworkFacts] = queue.SimpleQueue()

    def ask(url: str) -> None:
        try:
            answers.put(_in_full(attempt(url)))
        except Exception as exc:  # an attempt must not raise; if one does, it is this endpoint's failure
            dead = describe_failure(exc, url, 0)
            answers.put(NetworkFacts(network.slug, endpoint_host(url), tx=dead, head=dead))

    for url in urls:
        threading.Thread(target=ask, args=(url,), daemon=True).start()
    quorum = min(_NOT_FOUND_QUORUM, len(urls))
    failed: list[NetworkFacts] = []
    missing: list[NetworkFacts] = []
    round_trips = 0
    facts = NetworkFacts(
        network.slug, "", tx=unavailable("no_endpoint", "no endpoint is set for {network}", network=network.name)
    )
    for _ in urls:
        answer = answers.get()  # each attempt is bounded by its own timeout per round
        round_trips = max(round_trips, answer.round_trips)
        if isinstance(answer.tx, Found):
            facts = answer  # the others' answers no longer matter: they are left to finish alone
            break
        (missing if isinstance(answer.tx, NotFound) else failed).append(answer)
        if len(missing) == quorum:
            break
    if not isinstance(facts.tx, Found) and (missing or failed):
        facts = _not_found(missing) if missing else _all_failed(failed)
    plain = any(is_plain_remote(url) for url in urls)
    return replace(facts, elapsed_seconds=perf_counter() - started, round_trips=round_trips, unencrypted=plain)


def _in_full(facts: NetworkFacts) -> NetworkFacts:
    """ "Not found" only from a node that answered in full: one whose newest block could not be read has not
    shown that it is a working node of the chain at all (a server answering 404, or ``{}``, to every path
    would otherwise say "not found" of everything)."""
    if isinstance(facts.tx, NotFound) and isinstance(facts.head, Unavailable):
        return replace(facts, tx=facts.head)
    return facts


def _not_found(missing: Sequence[NetworkFacts]) -> NetworkFacts:
    """Every node that answered said "not found": the facts of the first that knows whether it was replaced
    (some nodes keep a record of replacements, others do not), else the first one's, naming all who said so."""
    told = next((f for f in missing if isinstance(f.replacement, Found)), missing[0])
    return replace(told, endpoint=", ".join(f.endpoint for f in missing))


def _all_failed(failed: Sequence[NetworkFacts]) -> NetworkFacts:
    """One answer for a network none of whose endpoints could be used: every reason, said once."""
    if len(failed) == 1:
        return failed[0]
    hosts = ", ".join(f.endpoint for f in failed)
    reasons = [f.tx.reason for f in failed if isinstance(f.tx, Unavailable)]
    if all(r.startswith("could not connect") for r in reasons):
        text = "could not connect to any of its nodes ({hosts}): is this computer offline?"
        dead = unavailable("offline", text, hosts=hosts)
    else:
        dead = Unavailable("; ".join(reasons))
    return replace(
        failed[0],
        endpoint=hosts,
        tx=dead,
        head=dead,
        fees=dead if failed[0].fees else None,
        replacement=dead if failed[0].replacement else None,
    )


class EndpointAdapter(ABC):
    """What every adapter does alike: the user's endpoint overrides, the timeout, and asking endpoints in order.

    A subclass says how one endpoint is asked, in ``_gather_at``, which never raises.
    """

    family = ""
    shared: SharedReads = staticmethod(nothing_shared)

    def __init__(
        self,
        endpoints: Mapping[str, str | Sequence[str]] | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        transport: Transport | None = None,
        api_key: str | None = None,
    ) -> None:
        """``api_key``: the user's key for the family's public API (TronGrid's, toncenter's), which the adapter
        sends to that API's own hosts only."""
        self._endpoints = {
            slug: [urls] if isinstance(urls, str) else list(urls) for slug, urls in (endpoints or {}).items()
        }
        self.timeout = timeout
        self.transport = transport
        self._api_key = api_key

    @property
    def thrifty(self) -> bool:
        """In a batch, requests cost more than round trips (an endpoint's limit is in requests): a read only some
        transactions need is asked in a second round, once the first shows it is needed."""
        return self.transport is not None

    def prepare(self, session: requests.Session, network: Network) -> requests.Session:
        """``session`` guarded (every answer bounded before a parser sees it) and, in a batch, sent through the
        batch's transport."""
        guard_session(session)
        if self.transport is not None:
            self.transport.attach(session, network, type(self).shared)
        return session

    def endpoints_for(self, network: Network) -> list[str]:
        return list(self._endpoints.get(network.slug) or network.rpc_urls)

    def gather(self, network: Network, tx_hash: str, hints: Hints | None = None) -> NetworkFacts:
        urls = self.endpoints_for(network)
        given = hints or Hints()
        return ask_endpoints(network, urls, lambda url: self._gather_at(url, network, tx_hash, given))

    @abstractmethod
    def _gather_at(self, url: str, network: Network, tx_hash: str, hints: Hints) -> NetworkFacts:
        """Every fact one endpoint gave; its failures as ``Unavailable``, never an exception."""
