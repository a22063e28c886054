"""Lexicons: curated, cited YAML data files and their loader."""

from govscan.lexicon.load import lexicon_folders, load_lexicon, load_lexicons, packaged_lexicon_dir
from govscan.lexicon.schema import Entry, Examples, Lexicon

__all__ = ["Entry", "Examples", "Lexicon", "lexicon_folders", "load_lexicon", "load_lexicons", "packaged_lexicon_dir"]
