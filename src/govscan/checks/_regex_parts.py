"""What a data file's regular expression must contain, read from its text, so a search can be skipped.

A ``regex`` search for a pattern costs ~0.1 ms per MB even when nothing matches;
``ch in text`` usually rules a character out faster. A pattern whose required
character the text lacks cannot match, so its search is skipped. The reading is
conservative: it may find fewer required characters than there are, never more.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

# After "(?": what opens a group that is neither a flag setting nor a reference to another group.
_PLAIN_GROUP_OPENERS = (":", "=", "!", "<=", "<!", "P<", ">")
# Escapes that stand for one literal character (anything else: a class such as \d, \p{Han}, or a code point).
_ESCAPED_LITERALS = frozenset(r".^$*+?{}[]()|\/-#&~ ,:;<=>!\"'%@`")


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at each ``|`` outside its groups and character classes."""
    parts = []
    start = depth = 0
    for index, char in _outside_classes(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts


def _outside_classes(pattern: str, index: int = 0) -> Iterator[tuple[int, str]]:
    """Each character of ``pattern`` from ``index`` on with its position, stepping over escapes and classes."""
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
        elif char == "[":
            index = _class_end(pattern, index)
        else:
            yield index, char
            index += 1


@cache
def required_characters(pattern: str) -> frozenset[str]:
    """Characters every match of ``pattern`` contains (a subset: only its literal characters outside groups)."""
    alternatives = top_level_alternatives(pattern)
    if len(alternatives) > 1:
        return frozenset.intersection(*(required_characters(a) for a in alternatives))
    return frozenset("".join(required_strings(pattern)))


@cache
def required_strings(pattern: str) -> tuple[str, ...]:
    """Strings every match of ``pattern`` contains: runs of literal characters with nothing between them.

    A subset (groups, classes and alternatives are not looked into), and empty
    when the pattern holds what could change what a literal matches or where a
    class ends (flags, group references, fuzzy constraints, nested or POSIX
    classes).
    """
    if is_opaque(pattern) or len(top_level_alternatives(pattern)) > 1:
        return ()
    strings = []
    run = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        literal = None
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            literal = escaped if escaped in _ESCAPED_LITERALS else None
            index = _escape_end(pattern, index)
        elif char == "[":
            index = _class_end(pattern, index)
        elif char == "(":
            index = _group_end(pattern, index)
        else:
            literal = None if char in ".^${}]" else char
            index += 1
        after, at_least_once = _quantifier(pattern, index)
        if literal is not None and after == index:
            run += literal
        else:
            strings += [run] if run else []
            strings += [literal] if literal is not None and at_least_once else []
            run = ""
        index = after
    strings += [run] if run else []
    return tuple(strings)


def contains_all(text: str, characters: frozenset[str] | str) -> bool:
    """Whether every one of ``characters`` occurs in ``text``."""
    return all(character in text for character in characters)


class HeldCharacters:
    """:func:`contains_all` for one text, each character looked up once.

    An absent character costs a scan of the whole text (8-150 µs per MB, by how
    often its code unit's low byte occurs); the formulation data asks about some
    (四, 两, 十 …) for several entries. ``uses`` says how many questions ask about
    each character: those asked more often are looked up first, so that one scan
    answers more questions (any order gives the same answers).
    """

    def __init__(self, text: str, uses: Mapping[str, int] | None = None) -> None:
        self.text = text
        self._held: dict[str, bool] = {}
        self._uses = uses or {}

    def all(self, characters: frozenset[str] | str) -> bool:
        unknown = []
        for character in characters:
            held = self._held.get(character)
            if held is None:
                unknown.append(character)
            elif not held:
                return False
        unknown.sort(key=self._lookup_order)
        for character in unknown:
            if character not in self._held:
                self._held[character] = character in self.text
            if not self._held[character]:
                return False
        return True

    def _lookup_order(self, character: str) -> tuple[int, str]:
        return -self._uses.get(character, 0), character


def is_opaque(pattern: str) -> bool:
    """Whether ``pattern`` holds what this reading does not follow: flags, group references, fuzzy
    constraints, nested or POSIX classes (each can change what a literal or an alternative matches)."""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            following = pattern[index + 1 : index + 2]
            if following in ("g", "k") or following.isdigit():
                return True
            index = _escape_end(pattern, index)
            continue
        if char == "[":
            end = _class_end(pattern, index)
            if "[" in pattern[index + 1 : end - 1]:
                return True
            index = end
            continue
        if pattern.startswith("(?", index) and not pattern.startswith(_PLAIN_GROUP_OPENERS, index + 2):
            return True
        close = pattern.find("}", index)
        if char == "{" and (close == -1 or not _is_counted(pattern[index + 1 : close])):
            return True
        index += 1
    return False


def _escape_end(pattern: str, index: int) -> int:
    """Index after the escape at ``index`` (``\\p{Han}``, ``\\x41``, ``\\u4e00``, ``\\d`` …)."""
    letter = pattern[index + 1 : index + 2]
    if pattern.startswith("{", index + 2) and letter in ("p", "P", "N", "x", "u", "U"):
        return pattern.find("}", index) + 1 or len(pattern)
    return index + 2 + {"x": 2, "u": 4, "U": 8}.get(letter, 0)


def _class_end(pattern: str, index: int) -> int:
    """Index after the character class opening at ``index`` (a ] first in it is literal)."""
    index += 1
    index += pattern.startswith("^", index)
    index += pattern.startswith("]", index)
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _group_end(pattern: str, index: int) -> int:
    """Index after the group opening at ``index``."""
    depth = 0
    for position, char in _outside_classes(pattern, index):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return position + 1
    return len(pattern)


def _quantifier(pattern: str, index: int) -> tuple[int, bool]:
    """Index after the quantifier at ``index`` (if any), and whether it demands at least one repeat."""
    char = pattern[index : index + 1]
    if char in ("?", "*", "+"):
        at_least_once = char == "+"
        index += 1
    elif char == "{" and (close := pattern.find("}", index)) != -1 and _is_counted(pattern[index + 1 : close]):
        low = pattern[index + 1 : close].split(",")[0]
        at_least_once = low != "" and int(low) >= 1
        index = close + 1
    else:
        return index, True
    if pattern[index : index + 1] in ("?", "+"):
        index += 1
    return index, at_least_once


def _is_counted(inside: str) -> bool:
    """Whether ``{inside}`` is a repeat count ({2}, {1,8}, {,3}), not literal braces."""
    low, _, high = inside.partition(",")
    return (low.isdigit() or (low == "" and "," in inside)) and (high == "" or high.isdigit())
