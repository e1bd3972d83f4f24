"""Data shipped with the app (network profiles, token tables); installed as ``diagnostics.resources``."""
