"""Packaged lexicon data files (YAML); see docs/lexicon-format.md."""
