"""Renderers: the same diagnosis as text, JSON (and later Markdown, HTML, PDF), in the reader's language."""
