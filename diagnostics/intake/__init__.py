"""Pure parsers of what users paste or drop: they classify and normalise text, they never do I/O."""
