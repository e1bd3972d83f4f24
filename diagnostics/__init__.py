"""Deposit Doctor's core: gathers chain facts, turns them into findings, renders reports. No Qt here."""

__version__ = "0.1.0"
