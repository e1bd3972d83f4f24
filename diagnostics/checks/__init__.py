"""Checks turn facts into findings: small pure functions, each registered with its one code."""

from diagnostics.checks.registry import REGISTRY, Check, CheckContext, check


def load_checks() -> dict[str, Check]:
    """Import every check module so its checks register; the registry order is the report order."""
    from diagnostics.checks import (  # noqa: F401, PLC0415
        amount,
        confirmations,
        exchange,
        fees,
        input,
        location,
        memo,
        status,
        token,
        transfer,
    )

    return REGISTRY


__all__ = ["REGISTRY", "Check", "CheckContext", "check", "load_checks"]
