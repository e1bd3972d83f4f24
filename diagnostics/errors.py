"""The project's own exceptions: every one carries a sentence a user can read."""


class DiagnosticsError(Exception):
    """Root of the project's errors; ``user_message`` is what the CLI or the window shows."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class InputError(DiagnosticsError):
    """Something the user asked for cannot be run (an unknown network, a malformed ``--rpc``)."""


class DataSourceError(DiagnosticsError):
    """A node or API could not be used at all."""


class CatalogError(DiagnosticsError):
    """The shipped network or token tables are missing or malformed."""


class CancelledError(DiagnosticsError):
    """The user stopped a diagnosis: nothing was concluded, and nothing half-done is shown."""
