"""The desktop shell: PySide6 lives only here."""
