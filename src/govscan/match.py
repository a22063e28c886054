"""One Aho-Corasick automaton over every lexicon term, with per-entry validation.

The automaton finds every occurrence of every term in one pass over the folded
text; each candidate is then checked against the entry's validity dates, its
exception phrases and (for short, ambiguous terms) jieba word boundaries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick

from govscan.hit import Hit
from govscan.lexicon.schema import Boundary, Entry, Lexicon
from govscan.models import Rule, RuleKind
from govscan.normalize import fold
from govscan.tokenize import is_word_aligned


def lexicon_rule(lexicon: Lexicon) -> Rule:
    """The public rule metadata of a lexicon file."""
    return Rule(
        code=lexicon.code,
        name=lexicon.name,
        severity=lexicon.severity,
        summary=lexicon.summary,
        description=lexicon.description,
        kind=RuleKind.LEXICON,
    )


@dataclass(frozen=True)
class _Term:
    """An entry ready for matching: folded term and folded exception phrases."""

    rule: Rule
    lexicon: Lexicon
    entry: Entry
    length: int
    boundary: Boundary
    # (phrase, offset of the term inside the phrase), both folded.
    exceptions: tuple[tuple[str, int], ...]


class LexiconMatcher:
    """Finds lexicon hits in folded text; immutable after construction."""

    def __init__(self, lexicons: Sequence[Lexicon]):
        self._automaton = ahocorasick.Automaton()
        terms: dict[str, list[_Term]] = {}
        for lexicon in lexicons:
            rule = lexicon_rule(lexicon)
            for entry in lexicon.entries:
                key = fold(entry.term).text
                exceptions = []
                for phrase in entry.exceptions:
                    folded = fold(phrase).text
                    offset = folded.find(key)
                    while offset != -1:
                        exceptions.append((folded, offset))
                        offset = folded.find(key, offset + 1)
                terms.setdefault(key, []).append(
                    _Term(rule, lexicon, entry, len(key), entry.boundary or lexicon.boundary, tuple(exceptions))
                )
        for key, group in terms.items():
            self._automaton.add_word(key, tuple(group))
        self._empty = not terms
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, as_of: dt.date) -> Iterator[Hit]:
        """Yield the confirmed hits in ``text`` (folded) for a document dated ``as_of``."""
        if self._empty:
            return
        for last, group in self._automaton.iter(text):
            for term in group:
                start = last + 1 - term.length
                if self._confirmed(term, text, start, as_of):
                    yield _hit(term, start, start + term.length)

    @staticmethod
    def _confirmed(term: _Term, text: str, start: int, as_of: dt.date) -> bool:
        if not term.entry.is_wrong_on(as_of):
            return False
        for phrase, offset in term.exceptions:
            begin = start - offset
            if begin >= 0 and text.startswith(phrase, begin):
                return False
        return term.boundary is Boundary.NONE or is_word_aligned(text, start, start + term.length)


def _hit(term: _Term, start: int, end: int) -> Hit:
    entry, lexicon = term.entry, term.lexicon
    message = entry.message or lexicon.message.format(term=entry.term, suggestion=entry.suggestion or "")
    explanation = f"词表 {lexicon.code} 条目「{entry.term}」"
    if entry.valid_from or entry.valid_until:
        explanation += f"，适用期 {entry.valid_from or '…'} 至 {entry.valid_until or '今'}"
    if term.boundary is Boundary.WORD:
        explanation += "，分词边界吻合"
    return Hit(
        rule=term.rule,
        start=start,
        end=end,
        message=message,
        explanation=explanation,
        severity=entry.severity or lexicon.severity,
        suggestion=entry.suggestion,
        source=entry.source,
    )
