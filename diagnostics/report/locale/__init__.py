"""Report strings, one module per language: a new language is a new file."""
