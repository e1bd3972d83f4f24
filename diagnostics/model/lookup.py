"""Three-valued answers from a data source.

Unknown is not absent: a node that could not be asked must never be read as "the transaction does
not exist", or a user may send the money twice. Every lookup therefore says which of the three it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    value: T


@dataclass(frozen=True)
class NotFound:
    """The source answered, and it does not know the thing asked for."""


@dataclass(frozen=True)
class Unavailable:
    """The source could not be asked or gave an unusable answer; ``reason`` is for a person, in English.

    ``key`` and ``params`` let a report say the same in the reader's language (``REASONS`` in its locale);
    a reason without a key, or with one a language lacks, is shown as ``reason``.
    """

    reason: str
    key: str = ""
    params: tuple[tuple[str, str], ...] = ()


Lookup = Found[T] | NotFound | Unavailable


def known(lookup: Lookup[T] | None) -> T | None:
    """The value of a ``Found``; ``None`` for anything else (callers that must tell the two apart don't use this)."""
    return lookup.value if isinstance(lookup, Found) else None
