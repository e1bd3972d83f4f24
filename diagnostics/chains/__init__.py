"""Chain adapters: the only code that talks to nodes. Each returns facts, never verdicts."""
