"""One Aho-Corasick automaton over every lexicon term, with per-entry validation.

The automaton finds every occurrence of every term (and of every name a file
declares current) in one pass over the folded text. A candidate lying inside a
longer match of the same file is dropped: the longest name decides, so
工商总局 inside 国家工商总局, 保监会 inside 银保监会 or 监察局 inside 国家矿山安全监察局
are judged as the longer name. Each remaining candidate is checked, cheapest
test first, against the entry's validity dates, exception phrases, context
rules, document titles, nearby words and former-name markers; jieba runs last,
on a small window, and only for candidates that got that far.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick

from govscan.hit import Hit
from govscan.lexicon.schema import Boundary, Entry, Kind, Lexicon, TitleRule
from govscan.models import Rule, RuleKind
from govscan.normalize import fold
from govscan.tokenize import is_word_aligned

# Characters of context handed to the before/after regexes of an entry.
CONTEXT_WINDOW = 24
# Longest place name allowed between a former-name marker and the term (原 + 平阳县 + 国土资源局).
PLACE_NAME_MAX = 12
# Longest document title searched for the 《…》 that encloses a term.
TITLE_MAX = 80

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_NOT_NAME = re.compile(r"[^\u3400-\u9fff]")
_TITLE_OPEN = "《〈"
_TITLE_CLOSE = "》〉"
# An edition note that may follow a law's name inside its title: 《合同法（1999年）》.
_EDITION = re.compile(r"(?:[(（][^()（）《》]{1,20}[)）])?[》〉]")


def lexicon_rule(lexicon: Lexicon) -> Rule:
    """The public rule metadata of a lexicon file."""
    return Rule.of_data_file(lexicon, RuleKind.LEXICON)


def _folded(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(fold(value).text for value in values or ())


def _compiled(patterns: Sequence[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(fold(pattern).text) for pattern in patterns or ())


@dataclass(frozen=True)
class _Term:
    """An entry ready for matching: folded term, exceptions and compiled context rules."""

    rule: Rule
    lexicon: Lexicon
    entry: Entry
    length: int
    boundary: Boundary
    # (phrase, offset of the term inside the phrase), both folded.
    exceptions: tuple[tuple[str, int], ...]
    followed_by: tuple[re.Pattern[str], ...]
    preceded_by: tuple[re.Pattern[str], ...]
    not_followed_by: tuple[re.Pattern[str], ...]
    not_preceded_by: tuple[re.Pattern[str], ...]
    not_near: tuple[str, ...]
    not_after: tuple[str, ...]
    in_title: TitleRule
    title_prefixes: tuple[str, ...]
    near_window: int

    @classmethod
    def of(cls, rule: Rule, lexicon: Lexicon, entry: Entry) -> _Term:
        key = fold(entry.term).text
        exceptions = []
        for phrase in _folded(entry.exceptions):
            offset = phrase.find(key)
            while offset != -1:
                exceptions.append((phrase, offset))
                offset = phrase.find(key, offset + 1)
        rules = lexicon.rules_of(entry)
        return cls(
            rule=rule,
            lexicon=lexicon,
            entry=entry,
            length=len(key),
            boundary=entry.boundary or lexicon.boundary,
            exceptions=tuple(exceptions),
            followed_by=_compiled(entry.followed_by),
            preceded_by=_compiled(entry.preceded_by),
            not_followed_by=_compiled(rules.not_followed_by),
            not_preceded_by=_compiled(rules.not_preceded_by),
            not_near=_folded(rules.not_near),
            not_after=_folded(rules.not_after),
            in_title=rules.in_title or TitleRule.ANY,
            title_prefixes=_folded(lexicon.title_prefixes),
            near_window=lexicon.near_window,
        )


@dataclass(frozen=True)
class _Current:
    """A name declared correct by a file; it only shadows that file's terms."""

    code: str
    length: int


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    code: str
    term: _Term | None  # None for a current name


class LexiconMatcher:
    """Finds lexicon hits in folded text; immutable after construction."""

    def __init__(self, lexicons: Sequence[Lexicon]):
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[_Term | _Current]] = {}
        for lexicon in lexicons:
            rule = lexicon_rule(lexicon)
            for entry in lexicon.entries:
                term = _Term.of(rule, lexicon, entry)
                keys.setdefault(fold(entry.term).text, []).append(term)
            for name in _folded(lexicon.current_names):
                keys.setdefault(name, []).append(_Current(lexicon.code, len(name)))
        for key, group in keys.items():
            self._automaton.add_word(key, tuple(group))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, as_of: dt.date) -> Iterator[Hit]:
        """Yield the confirmed hits in ``text`` (folded) for a document dated ``as_of``."""
        if self._empty:
            return
        candidates = []
        for last, group in self._automaton.iter(text):
            for item in group:
                start = last + 1 - item.length
                if isinstance(item, _Current):
                    candidates.append(_Candidate(start, last + 1, item.code, None))
                else:
                    candidates.append(_Candidate(start, last + 1, item.rule.code, item))
        for candidate in _longest(candidates):
            term = candidate.term
            if term is not None and _confirmed(term, text, candidate.start, as_of):
                yield _hit(term, candidate.start, candidate.end)


def _longest(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates lying inside a longer candidate of the same file."""
    candidates.sort(key=lambda c: (c.code, c.start, -c.end))
    kept = []
    reach: dict[str, int] = {}
    for candidate in candidates:
        if candidate.end <= reach.get(candidate.code, -1):
            continue
        kept.append(candidate)
        reach[candidate.code] = candidate.end
    kept.sort(key=lambda c: (c.start, c.end, c.code))
    return kept


def _confirmed(term: _Term, text: str, start: int, as_of: dt.date) -> bool:
    """Whether the candidate is an error; cheap tests first, jieba last."""
    end = start + term.length
    if not term.entry.is_wrong_on(as_of):
        return False
    for phrase, offset in term.exceptions:
        begin = start - offset
        if begin >= 0 and text.startswith(phrase, begin):
            return False
    before = text[max(0, start - CONTEXT_WINDOW) : start]
    after = text[end : end + CONTEXT_WINDOW]
    if term.followed_by and not any(p.match(after) for p in term.followed_by):
        return False
    if term.preceded_by and not any(p.search(before) for p in term.preceded_by):
        return False
    if any(p.match(after) for p in term.not_followed_by):
        return False
    if any(p.search(before) for p in term.not_preceded_by):
        return False
    if not _title_allows(term, text, start, end):
        return False
    if term.not_near and _near(term, text, start, end):
        return False
    if term.not_after and _after_former_marker(term, text, start):
        return False
    return term.boundary is Boundary.NONE or is_word_aligned(text, start, end)


def _title_allows(term: _Term, text: str, start: int, end: int) -> bool:
    if term.in_title is TitleRule.ANY:
        return True
    if term.in_title is TitleRule.SKIP:
        return not _inside_title(text, start, end)
    head = text[max(0, start - 1 - max((len(p) for p in term.title_prefixes), default=0)) : start]
    opens = any(head.endswith(opening + prefix) for opening in _TITLE_OPEN for prefix in ("", *term.title_prefixes))
    return opens and _EDITION.match(text, end) is not None


def _inside_title(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies between a 《 and its 》 (nested 〈〉 count too)."""
    left = text[max(0, start - TITLE_MAX) : start]
    right = text[end : end + TITLE_MAX]
    opening = max(left.rfind(char) for char in _TITLE_OPEN)
    if opening == -1 or max(left.rfind(char) for char in _TITLE_CLOSE) > opening:
        return False
    closes = [i for i in (right.find(char) for char in _TITLE_CLOSE) if i != -1]
    reopens = [i for i in (right.find(char) for char in _TITLE_OPEN) if i != -1]
    return bool(closes) and (not reopens or min(closes) < min(reopens))


def _near(term: _Term, text: str, start: int, end: int) -> bool:
    """Whether a not_near word occurs in the term's sentence, within the file's window."""
    left = max(0, start - term.near_window)
    right = min(len(text), end + term.near_window)
    for stop in _SENTENCE_END.finditer(text, left, start):
        left = stop.end()
    stop = _SENTENCE_END.search(text, end, right)
    if stop:
        right = stop.start()
    sentence = text[left:right]
    return any(word in sentence for word in term.not_near)


def _after_former_marker(term: _Term, text: str, start: int) -> bool:
    """Whether a marker such as 原 stands before the term or before the place name it ends.

    原国土资源部 is direct. In 原平阳县国土资源局 the marker is separated by a place
    name, and jieba must see 原 as a word of its own: in 太原市国土资源局 the 原
    belongs to 太原, so the name is not marked former.
    """
    if any(text.endswith(marker, 0, start) for marker in term.not_after):
        return True
    left = max(0, start - PLACE_NAME_MAX)
    gap = _NOT_NAME.split(text[left:start])[-1]
    gap_start = start - len(gap)
    for marker in term.not_after:
        position = gap.find(marker)
        while position != -1:
            if is_word_aligned(text, gap_start + position, gap_start + position + len(marker)):
                return True
            position = gap.find(marker, position + 1)
    return False


def _hit(term: _Term, start: int, end: int) -> Hit:
    entry, lexicon = term.entry, term.lexicon
    message = entry.message or lexicon.message.format(term=entry.term, suggestion=entry.suggestion or "")
    explanation = f"词表 {lexicon.code} 条目「{entry.term}」"
    if entry.valid_from or entry.valid_until:
        explanation += f"，适用期 {entry.valid_from or '…'} 至 {entry.valid_until or '今'}"
    if lexicon.kind_of(entry) is Kind.CONTEXT:
        explanation += "，上下文规则吻合"
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
