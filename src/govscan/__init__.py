"""govscan: check Chinese government web content for serious misstatements and leaked personal data.

>>> import govscan
>>> [f.code for f in govscan.scan_text("联系电话：13912345678")]
['PII002']
"""

from govscan.engine import Scanner, default_scanner, scan_text
from govscan.errors import ConfigError, GovscanError, InputError, LexiconError
from govscan.filters import RuleSelection
from govscan.lexicon import Lexicon, load_lexicons
from govscan.models import (
    Confidence,
    FileError,
    FileResult,
    Finding,
    Report,
    Rule,
    RuleKind,
    Severity,
    Source,
    Span,
)
from govscan.redact import mask, redact_text

__version__ = "0.1.0"

__all__ = [
    "Confidence",
    "ConfigError",
    "FileError",
    "FileResult",
    "Finding",
    "GovscanError",
    "InputError",
    "Lexicon",
    "LexiconError",
    "Report",
    "Rule",
    "RuleKind",
    "RuleSelection",
    "Scanner",
    "Severity",
    "Source",
    "Span",
    "__version__",
    "default_scanner",
    "load_lexicons",
    "mask",
    "redact_text",
    "scan_text",
]
