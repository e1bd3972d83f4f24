"""What the window says about a dropped or opened file: a refused secret, and each problem the intake met.

The intake (diagnostics.intake) is pure and writes problems as keys with parameters; their words live here,
in the window's language, so the CLI and the window can each say them their own way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from diagnostics.intake.draft import IntakeProblem


class IntakeMessages(QObject):
    """The twenty-odd intake messages as one table; ``self.tr`` so lupdate finds every one."""

    def secret_text(self) -> str:
        return self.tr(
            "What you dropped holds what looks like a private key, a key file (keystore) or a seed phrase: nothing "
            "from it was used, stored or sent. Never share it with anyone, support included."
        )

    def problem_text(self, problem: IntakeProblem) -> str:
        params = dict(problem.params)
        texts = {
            "too_large": self.tr("The file is too large to be a transaction list ({size} bytes; at most {limit})."),
            "binary": self.tr("This is not a text file (a picture or a program?): nothing was read from it."),
            "unreadable": self.tr("{name} could not be read: {reason}"),
            "not_a_file": self.tr("{name} is not a file (a folder or a device): nothing was read from it."),
            "no_case": self.tr("No transaction hash was found in it."),
            "bad_json": self.tr("The JSON file cannot be read (line {line}, column {column})."),
            "unknown_version": self.tr("The case file is from a newer Deposit Doctor (version {version})."),
            "not_cases": self.tr("This JSON file holds no Deposit Doctor cases."),
            "case_no_hash": self.tr("Case {case} has no transaction hash and was skipped."),
            "bad_field": self.tr("Case {case}: the {field} cannot be read and was left out."),
            "csv_no_hash_column": self.tr("The CSV file has no column for the transaction hash (TxID)."),
            "csv_row_no_hash": self.tr("Row {row} has no transaction hash (saw: {value}) and was skipped.")
            if "value" in params
            else self.tr("Row {row} has no transaction hash (saw: an empty cell) and was skipped."),
            "csv_cell_too_long": self.tr(
                "Row {row} holds a cell longer than {limit} characters (an unclosed quote?): the rest of the file "
                "was not read."
            ),
            "amount_out_of_range": self.tr(
                "Row {row}: the amount {value} is out of range (10^30 or more, or more than 40 digits) and was "
                "left out."
            ),
            "json_too_deep": self.tr(
                "The JSON file is nested {depth} levels deep; no case file nests more than {limit}: nothing was "
                "read from it."
            ),
            "json_number_too_long": self.tr(
                "The JSON file holds a number {digits} digits long; no case file holds one over {limit} digits: "
                "nothing was read from it."
            ),
            "csv_row_internal_transfer": self.tr(
                "Row {row} was skipped: {value} is a transfer inside the exchange, which never goes on a "
                "blockchain, so there is no transaction to check."
            ),
            "csv_row_hash_as_number": self.tr(
                "Row {row} was skipped: its hash reads {value}, the form Excel gives a long number, and the digits "
                "it dropped cannot be recovered. Open the export as text (or copy the TxID from the exchange's page) "
                "and try again."
            ),
            "csv_row_truncated_hash": self.tr(
                "Row {row} was skipped: the hash {value} is shortened. Copy the whole hash from the exchange's or "
                "explorer's page."
            ),
            "csv_row_hash_wrong_length": self.tr(
                "Row {row} was skipped: {value} has {length} hex digits; a transaction hash has 64. A character was "
                "probably lost or added when it was copied."
            ),
            "csv_row_address_as_hash": self.tr("Row {row} was skipped: {value} is an address, not a transaction hash."),
            "csv_row_not_a_hash": self.tr(
                "Row {row} was skipped: {value} is not a transaction hash (an exchange's own record number, perhaps)."
            ),
            "csv_row_unsupported_network": self.tr(
                "Row {row} was skipped: it is on {network} ({value}), a network Deposit Doctor cannot check."
            ),
            "unsupported_network": self.tr(
                "Line {line}: {value} is on {network}, a network Deposit Doctor cannot check; it was left out."
            ),
            "csv_unreadable": self.tr("The CSV file cannot be read from row {row} on: {reason}"),
            "unknown_network": self.tr("Row {row}: unknown network {name}; Auto-detect will be used.")
            if "row" in params
            else self.tr("Case {case}: unknown network {name}; Auto-detect will be used."),
            "bad_amount": self.tr("Row {row}: the amount {value} is not a number and was left out."),
            "bad_raw_transaction": self.tr("The raw transaction cannot be decoded: {reason}"),
            "unknown_chain_id": self.tr(
                "The raw transaction is for chain id {chain_id}, which Deposit Doctor does not know."
            ),
        }
        text = texts.get(problem.key, self.tr("Something in it could not be read ({key})."))
        for name, value in {"key": problem.key, **params}.items():
            text = text.replace("{" + name + "}", value)
        return text
