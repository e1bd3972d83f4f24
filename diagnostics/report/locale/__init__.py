"""Report strings, one module per language: a new language is a new file, named here.

Each module holds ``LANGUAGE``, ``HTML_LANG`` and the dicts ``REPORT``, ``TERMS``, ``EVIDENCE``, ``VERDICTS`` and
``FINDINGS``, with the same keys and placeholders as ``en`` (a test holds them in agreement).
"""

LANGUAGES = ("en", "zh")
