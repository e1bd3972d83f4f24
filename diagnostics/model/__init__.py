"""Frozen dataclasses the whole core speaks: cases, networks, facts, findings and diagnoses."""

from diagnostics.model.case import AUTO_DETECT, Case, Direction, SignedTransaction
from diagnostics.model.diagnosis import Diagnosis, Verdict
from diagnostics.model.facts import (
    Amount,
    ChainHead,
    ContractCall,
    Facts,
    FeeMarket,
    NetworkFacts,
    NonceState,
    TokenInfo,
    Transfer,
    TronCost,
    TxFacts,
)
from diagnostics.model.finding import Evidence, EvidenceValue, Finding, Severity, Term
from diagnostics.model.lookup import Found, Lookup, NotFound, Unavailable, known
from diagnostics.model.network import Explorer, Network, Token

__all__ = [
    "AUTO_DETECT",
    "Amount",
    "Case",
    "ChainHead",
    "ContractCall",
    "Diagnosis",
    "Direction",
    "Evidence",
    "EvidenceValue",
    "Explorer",
    "Facts",
    "FeeMarket",
    "Finding",
    "Found",
    "Lookup",
    "Network",
    "NetworkFacts",
    "NonceState",
    "NotFound",
    "Severity",
    "SignedTransaction",
    "Term",
    "Token",
    "TokenInfo",
    "Transfer",
    "TronCost",
    "TxFacts",
    "Unavailable",
    "Verdict",
    "known",
]
