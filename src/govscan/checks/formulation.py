"""LEX302 formulation: fixed official formulations written incompletely or wrongly.

Judges what a term list cannot: a fixed enumeration (四个意识, 两个确立 …) with a
member wrong, missing or out of order; a broken full name (习近平思想); a
superseded form (四个全面 with 全面建成小康社会 after 2020-10); a term that
official texts quote ("一带一路"倡议) written without quotation marks.

An enumeration's members are judged exactly only when the written list is
attached to its name ("四个意识"，即…; …看齐意识的"四个意识"). A list without its
name is only judged on order, and only when it names three or more members,
because ordinary prose lists such words freely (增强创新意识、学习能力).
The data, with sources and examples, is ``lexicons/formulations.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from govscan.candidates import finditer_at
from govscan.checks import CheckContext
from govscan.checks._regex_parts import (
    HeldCharacters,
    is_opaque,
    required_characters,
    required_strings,
    top_level_alternatives,
)
from govscan.hit import Hit
from govscan.lexicon.formulations import Enumeration, Formulations, Pattern, Quoted, packaged_formulations
from govscan.models import Rule, RuleKind

OPEN_QUOTES = "“\"「『‘'"
CLOSE_QUOTES = "”\"」』’'"
_QUOTE_CHARS = regex.compile(f"[{regex.escape(OPEN_QUOTES + CLOSE_QUOTES)}]")
# What may join an enumeration's name to the list that follows it: "四个意识"：… / （… / ，即….
_CONNECTOR_AFTER = r"(?:[:(]|,?(?:即|也就是|就是|是指|指的是|包括|分别是|主要是)[:,]?)"
# What may join a list to the name that follows it: …看齐意识的"四个意识" / …这"四个自信".
_CONNECTOR_BEFORE = r"(?:的|这|等)?"
# An unnamed list is judged on order only from this many members on.
MIN_UNNAMED_MEMBERS = 3


RULE = Rule.of_data_file(packaged_formulations(), RuleKind.CHECK)


def check(context: CheckContext) -> Iterator[Hit]:
    """Every broken formulation in ``context.text``."""
    yield from find(packaged_formulations(), context.text, context.as_of, RULE)


def find(data: Formulations, text: str, as_of: dt.date, rule: Rule | None = None) -> list[Hit]:
    """Hits of every section of ``data`` in folded ``text``, sorted; quote warnings inside an error are dropped."""
    rule = rule or Rule.of_data_file(data, RuleKind.CHECK)
    terms = tuple(quoted.term for quoted in data.quoted)
    patterns = (*(enumeration.item for enumeration in data.enumerations), *(p.pattern for p in data.patterns))
    held = HeldCharacters(text, _character_uses(patterns, terms))
    errors = [
        hit for enumeration in data.enumerations for hit in _enumeration_hits(rule, enumeration, text, as_of, held)
    ]
    errors += [hit for pattern in data.patterns for hit in _pattern_hits(rule, pattern, text, held)]
    occurrences = _occurrences(terms, text, held)
    warnings = [
        hit
        for quoted in data.quoted
        for hit in _quote_hits(rule, data, quoted, text, occurrences[quoted.term])
        if not any(e.start < hit.end and hit.start < e.end for e in errors)
    ]
    return sorted(errors + warnings, key=lambda h: (h.start, h.end))


@cache
def _character_uses(patterns: tuple[str, ...], terms: tuple[str, ...]) -> dict[str, int]:
    """How many of the questions :func:`find` may ask :class:`HeldCharacters` hold each character: the required
    characters of each pattern and of each of its top-level alternatives, and each quoted term's characters."""
    questions = [set(term) for term in terms]
    for pattern in patterns:
        questions += [required_characters(p) for p in {pattern, *top_level_alternatives(pattern)}]
    return dict(Counter(character for question in questions for character in question))


@dataclass(frozen=True)
class _CompiledEnumeration:
    written_list: regex.Pattern[str]
    name_before: regex.Pattern[str] | None
    name_after: regex.Pattern[str] | None
    # The item's top-level alternatives, when it has several: each alone has a plain string ``regex`` can
    # skip to, while their alternation is tried at every position.
    item_alternatives: tuple[regex.Pattern[str], ...] = ()


def _compiled(enumeration: Enumeration) -> _CompiledEnumeration:
    return _compile(enumeration.item, enumeration.separator, enumeration.label, enumeration.label_suffix)


@cache
def _compile(item: str, separator: str, label: str | None, label_suffix: str | None) -> _CompiledEnumeration:
    written_list = regex.compile(f"(?P<item>{item})(?:(?:{separator})(?P<item>{item}))*")
    alternatives = top_level_alternatives(item)
    item_alternatives = (
        tuple(regex.compile(a) for a in alternatives) if len(alternatives) > 1 and not is_opaque(item) else ()
    )
    if label is None:
        return _CompiledEnumeration(written_list, None, None, item_alternatives)
    name = f"[{regex.escape(OPEN_QUOTES)}]?(?:{label})[{regex.escape(CLOSE_QUOTES)}]?"
    if label_suffix:
        name += f"(?:{label_suffix})?"
    return _CompiledEnumeration(
        written_list,
        regex.compile(f"{name}{_CONNECTOR_AFTER}$"),
        regex.compile(f"{_CONNECTOR_BEFORE}{name}"),
        item_alternatives,
    )


def _written_lists(
    compiled: _CompiledEnumeration, text: str, held: HeldCharacters | None = None
) -> list[regex.Match[str]]:
    """What ``compiled.written_list.finditer(text)`` finds.

    With an item of several alternatives, the list is tried only where one of
    them matches (found alternative by alternative, overlapping, skipping those
    missing a character they require); a list starts with an item, so no list is
    missed. An empty match (which the plain scan treats specially) sends the text
    to the plain scan.
    """
    if not compiled.item_alternatives:
        return list(compiled.written_list.finditer(text))
    held = held or HeldCharacters(text)
    starts = {
        m.start()
        for a in compiled.item_alternatives
        if held.all(required_characters(a.pattern))
        for m in a.finditer(text, overlapped=True)
    }
    found = []
    reach = 0
    for start in sorted(starts):
        if start >= reach:
            written = compiled.written_list.match(text, start)
            if written is not None:
                if written.end() == start:
                    return list(compiled.written_list.finditer(text))
                reach = written.end()
                found.append(written)
    return found


def _plain(member: str) -> str:
    return _QUOTE_CHARS.sub("", member)


def _enumeration_hits(
    rule: Rule, enumeration: Enumeration, text: str, as_of: dt.date, held: HeldCharacters
) -> Iterator[Hit]:
    if not held.all(required_characters(enumeration.item)):
        return
    compiled = _compiled(enumeration)
    for written in _written_lists(compiled, text, held):
        items = [_plain(i) for i in written.captures("item")]
        start, end = written.span()
        named = compiled.name_before is not None and (
            compiled.name_before.search(text, max(0, start - 24), start) is not None
            or compiled.name_after.match(text, end) is not None
        )
        problem = _named_problem(enumeration, items, as_of) if named else _unnamed_problem(enumeration, items, as_of)
        if problem is None:
            continue
        message, explanation = problem
        yield Hit(
            rule=rule,
            start=start,
            end=end,
            message=message,
            explanation=explanation,
            severity=rule.severity,
            suggestion=enumeration.joiner.join(enumeration.members),
            source=enumeration.source,
        )


def _named_problem(enumeration: Enumeration, items: list[str], as_of: dt.date) -> tuple[str, str] | None:
    """What is wrong with a list written next to the enumeration's name, or None."""
    current = [_plain(m) for m in enumeration.members]
    if items == current:
        return None
    for form in enumeration.superseded:
        if items == [_plain(m) for m in form.members]:
            if as_of <= form.valid_until:
                return None
            return (
                f"「{enumeration.name}」的表述已更新",
                f"此为 {form.valid_until} 及以前的提法；现行表述为：{enumeration.joiner.join(enumeration.members)}",
            )
    return _compare(enumeration, items, current)


def _unnamed_problem(enumeration: Enumeration, items: list[str], as_of: dt.date) -> tuple[str, str] | None:
    """An unnamed list is wrong only when it is a whole superseded form, or names members out of order."""
    for form in enumeration.superseded:
        if items == [_plain(m) for m in form.members] and as_of > form.valid_until:
            return _named_problem(enumeration, items, as_of)
    current = [_plain(m) for m in enumeration.members]
    named = [item for item in items if item in current]
    if len(set(named)) < MIN_UNNAMED_MEMBERS or len(set(named)) != len(named):
        return None
    if named == sorted(named, key=current.index):
        return None
    return _compare(enumeration, named, current)


def _compare(enumeration: Enumeration, items: list[str], current: list[str]) -> tuple[str, str]:
    missing = [m for m in current if m not in items]
    extra = [i for i in items if i not in current]
    if not missing and not extra:
        return f"「{enumeration.name}」的顺序有误", f"官方顺序为：{enumeration.joiner.join(enumeration.members)}"
    parts = []
    if extra:
        parts.append(f"「{'、'.join(extra)}」不属于「{enumeration.name}」")
    if missing:
        parts.append(f"缺少「{'、'.join(missing)}」")
    return f"「{enumeration.name}」的表述不完整或有误", "；".join(parts)


def _pattern_hits(rule: Rule, pattern: Pattern, text: str, held: HeldCharacters) -> Iterator[Hit]:
    if not _may_match(pattern.pattern, text, held):
        return
    for written in _regex(pattern.pattern).finditer(text):
        if written.group() in pattern.accept:
            continue
        yield Hit(
            rule=rule,
            start=written.start(),
            end=written.end(),
            message=pattern.message,
            explanation=f"「{written.group()}」不是「{pattern.name}」的规范写法",
            severity=pattern.severity or rule.severity,
            suggestion=written.expand(pattern.suggestion),
            source=pattern.source,
        )


def _may_match(pattern: str, text: str, held: HeldCharacters) -> bool:
    """Whether ``text`` holds what ``pattern`` requires, so that searching it can find something.

    A missing character is usually ruled out fast (``ch in text`` took 8–150 µs
    per MB on the benchmark text, by character). A pattern that does not open with a
    plain string is tried at every position unless ``regex`` sees what it
    requires (one congress pattern costs ~2 ms/MB), so its longest required
    string is looked for first (``in``: ~0.2–0.4 ms per MB for a string).
    """
    if not held.all(required_characters(pattern)):
        return False
    strings = required_strings(pattern)
    if not strings or pattern.startswith(strings[0]):
        return True
    return max(strings, key=len) in text


@cache
def _regex(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def _quote_regex(quoted: Quoted) -> regex.Pattern[str]:
    return _term_regex(quoted.term, quoted.after)


@cache
def _term_regex(term: str, after: str | None) -> regex.Pattern[str]:
    """Cached by term: ``regex.escape`` is pure Python, and every page asks for every quoted term's pattern."""
    followed = f"(?=[{regex.escape(CLOSE_QUOTES)}]?(?:{after}))" if after else ""
    return regex.compile(regex.escape(term) + followed)


@cache
def _by_first_character(terms: tuple[str, ...]) -> tuple[tuple[regex.Pattern[str], tuple[str, ...]], ...]:
    """The terms grouped by first character, each group with the alternation of its terms.

    ``regex`` finds an alternation of words sharing their first character as fast
    as one word (~0.1 ms/MB), but one of words starting differently ~15x slower.
    """
    groups: dict[str, list[str]] = {}
    for term in dict.fromkeys(terms):
        groups.setdefault(term[:1], []).append(term)
    return tuple((regex.compile("|".join(regex.escape(t) for t in group)), tuple(group)) for group in groups.values())


def _occurrences(terms: tuple[str, ...], text: str, held: HeldCharacters | None = None) -> dict[str, list[int]]:
    """Every start of every term in ``text``, overlapping, in order: one search per first character.

    A group none of whose terms has all its characters in the text is not searched.
    """
    found: dict[str, list[int]] = {term: [] for term in terms}
    held = held or HeldCharacters(text)
    for pattern, group in _by_first_character(terms):
        if not any(held.all(term) for term in group):
            continue
        for match in pattern.finditer(text, overlapped=True):
            for term in group:
                if text.startswith(term, match.start()):
                    found[term].append(match.start())
    return found


def _quote_hits(rule: Rule, data: Formulations, quoted: Quoted, text: str, starts: list[int]) -> Iterator[Hit]:
    """What the term's pattern finds (``finditer``), tried only at the term's ``starts``."""
    for written in finditer_at(_quote_regex(quoted), starts, text):
        start, end = written.span()
        if start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES:
            continue
        yield Hit(
            rule=rule,
            start=start,
            end=end,
            message=f"「{quoted.term}」应加引号",
            explanation="党章、全会公报和新华社稿件中此提法均加引号（风格建议）",
            severity=data.quote_severity,
            suggestion=f"“{quoted.term}”",
            source=quoted.source,
        )
