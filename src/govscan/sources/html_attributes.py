"""HTML attribute values that visitors and crawlers read, gathered into one text (``#field=attributes``).

Inspections read a page's source, and personal data often sits in attributes: a tooltip (``title``), an image's
``alt`` text, a ``placeholder``, the ``description``/``keywords``/``author`` metadata, a ``mailto:``/``tel:``/
``sms:`` link, a form ``value``. The extraction walker hands each element here (see ``html._Walker``), so no
second walk or parse is needed; the values are joined one per line into one text, scanned once.

Text a visitor reads (``title``, ``alt``, ``placeholder``, metadata) gets every rule; link targets and form
values are data, not prose, so only personal-data rules apply to them. A link's target is the part after the
scheme and before ``?``/``#`` (the subject or body of a ``mailto:`` is not scanned), percent-decoded.
Attributes of hidden elements are gathered too: hiding an element from readers does not hide it from a crawler.

Each value is found in the page's own source (matched in order by attribute name and decoded value; comments and
script or style contents are passed over), so that findings report the file's ``line:column``
(:class:`~govscan.sources.document.Place`) and redaction knows which characters of the file wrote each character of
the text. The check looks them up only when the text has a finding: on a page with hundreds of tooltips, looking
costs more than scanning.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

import lxml.etree
import lxml.html
import regex

from govscan.lines import Lines
from govscan.sources.document import Place
from govscan.sources.html_tokens import Ranges, Run, attribute_value

# Attributes whose value is text a visitor reads (any element): every rule applies.
TEXT_ATTRIBUTES = frozenset({"title", "alt", "placeholder"})
# Attributes holding a link; only these schemes carry personal data in their target.
LINK_ATTRIBUTES = frozenset({"href", "src"})
LINK_SCHEMES = ("mailto", "tel", "sms")
# Elements whose ``value`` attribute is shown in, or sent by, a form.
FORM_ELEMENTS = frozenset({"input", "option", "button", "param"})
# ``<meta name=… content=…>`` read by search engines and shown in their results.
DESCRIPTION_META = frozenset({"description", "keywords", "author", "og:description", "dc.description", "dc.creator"})
# Between two values in the gathered text: a blank line, so no number or phrase runs from one value into the next.
SEPARATOR = "\n\n"

_LINK_SCHEME = regex.compile(rf"[\t\n\f\r ]*(?:{'|'.join(LINK_SCHEMES)}):", regex.IGNORECASE)
_LINK_END = regex.compile(r"[?#]")
_PERCENT_RUN = regex.compile(r"(?:%[0-9A-Fa-f]{2})+")
_DIRECTIVE = regex.compile(r"govscan:\s*ignore(?:\[[^\]]*\])?")


class Value(NamedTuple):
    """The part ``[start:end)`` of attribute ``name`` (as lxml decoded it) that is scanned; ``line``: where the
    element's start tag ends (lxml's ``sourceline``)."""

    line: int
    name: str
    value: str
    start: int
    end: int
    personal_only: bool


def collect(element: lxml.html.HtmlElement, found: list[Value]) -> None:
    """Append the scanned attribute values of ``element`` to ``found``."""
    for name, value in element.items():
        if name in TEXT_ATTRIBUTES:
            if value.strip():
                found.append(Value(element.sourceline or 1, name, value, 0, len(value), False))
        elif name in LINK_ATTRIBUTES:
            scheme = _LINK_SCHEME.match(value)
            if scheme is not None:
                end = _LINK_END.search(value, scheme.end())
                end = end.start() if end else len(value.rstrip())
                if value[scheme.end() : end].strip():
                    found.append(Value(element.sourceline or 1, name, value, scheme.end(), end, True))
        elif name == "value" and element.tag in FORM_ELEMENTS and value.strip():
            found.append(Value(element.sourceline or 1, name, value, 0, len(value), True))


def collect_meta(root: lxml.html.HtmlElement, found: list[Value]) -> None:
    """Append the ``content`` of description, keywords and author metadata."""
    for element in root.iter("meta"):
        key = (element.get("name") or element.get("property") or "").strip().lower()
        content = element.get("content")
        if key in DESCRIPTION_META and content and content.strip():
            found.append(Value(element.sourceline or 1, "content", content, 0, len(content), False))


class Located(NamedTuple):
    """Where a value's attribute was written: from ``start`` in the source, character for character unless
    ``run`` (references or CR LF in it) gives each character's slice."""

    start: int
    run: Run | None


@dataclass
class Gathered:
    """The page's scanned attribute values joined into one text; where they lie in the file is looked up on first
    need (most pages have no finding in their attributes, and looking costs more than scanning)."""

    text: str
    values: list[Value]
    offsets: list[int]  # where each value starts in ``text``
    source: str  # the text lxml parsed
    base: int  # where ``source`` starts in ``original``, the decoded file (an XML declaration is left out)
    original: str

    @cached_property
    def located(self) -> list[Located | None]:
        """Where each value's attribute is written in ``source`` (None: not found)."""
        return _locate(self.values, self.source)

    def places(self) -> tuple[Place, ...]:
        """Where the characters of ``text`` lie in the file, by line and column (see ``Place``)."""
        lines = Lines(self.original)
        places: list[Place] = []
        for value, where, at in zip(self.values, self.located, self.offsets, strict=True):
            if where is None:
                places.append(Place(at, value.line, 1, value.personal_only))
            else:
                places += _places(_scanned(value), where, at, value, self.base, lines)
        return tuple(places)

    def slices(self) -> Iterator[tuple[int, int, Ranges | None]]:
        """``(start in text, end in text, source slice of each character)`` of each value."""
        for value, located, offset in zip(self.values, self.located, self.offsets, strict=True):
            yield offset, offset + len(_scanned(value)), None if located is None else _ranges(value, located)


def gather(values: list[Value], source: str, original: str, comments: list) -> Gathered:
    """``values`` joined into one text, one per line with a blank line between.

    ``source`` is the text lxml parsed, the end of ``original`` (the decoded file, less an XML declaration). A
    ``govscan: ignore`` comment on the line where the element's start tag ends is copied after its values, so the
    suppression applies as it does to the page's text.
    """
    directives = _directives(comments)
    pieces: list[str] = []
    offsets: list[int] = []
    at = 0
    for value in values:
        text = _scanned(value)
        offsets.append(at)
        directive = directives.get(value.line)
        if directive:
            text += "  " + directive
        pieces += (text, SEPARATOR)
        at += len(text) + len(SEPARATOR)
    return Gathered("".join(pieces), values, offsets, source, len(original) - len(source), original)


def _directives(comments: list) -> dict[int, str]:
    found: dict[int, str] = {}
    for comment in comments:
        match = _DIRECTIVE.search(comment.text or "")
        if match and comment.sourceline:
            line = comment.sourceline
            found[line] = f"{found[line]} {match.group(0)}" if line in found else match.group(0)
    return found


def _places(text: str, where: Located, at: int, value: Value, base: int, lines: Lines) -> list[Place]:
    """Anchors for one value: one wherever a character does not follow the previous one column further (value
    start, after a reference, a percent-escape or a line break), and one after the value's last character."""
    only = value.personal_only
    if where.run is None and len(text) == value.end - value.start and "\n" not in text:
        # the usual value, written as it reads: one anchor, its end (and the separator after it) on the same line
        return [Place(at, *lines.position(base + where.start + value.start), only)]
    ranges = _ranges(value, where)
    places = []
    previous = None
    for index, (start, end) in enumerate(ranges):
        if previous is None or previous[1] != start or previous[1] - previous[0] != 1 or text[index - 1] == "\n":
            places.append(Place(at + index, *lines.position(base + start), only))
        previous = (start, end)
    places.append(Place(at + len(text), *lines.position(base + ranges[-1][1]), only))
    return places


def _scanned(value: Value) -> str:
    """The scanned text of ``value``: the attribute's part, a link target's percent-escapes decoded."""
    part = value.value[value.start : value.end]
    return "".join(_parts(value)[0]) if "%" in part and value.personal_only else part


def _parts(value: Value) -> tuple[list[str], list[tuple[int, int]]]:
    """The scanned characters of ``value`` and, per character, the slice of ``value.value`` that wrote it (a link
    target's percent-escapes decode as UTF-8; a run that is not valid UTF-8 stays as written)."""
    part = value.value[value.start : value.end]
    if "%" not in part or not value.personal_only:
        return list(part), [(value.start + i, value.start + i + 1) for i in range(len(part))]
    chars: list[str] = []
    parts: list[tuple[int, int]] = []
    at = 0
    for run in _PERCENT_RUN.finditer(part):
        for i in range(at, run.start()):
            chars.append(part[i])
            parts.append((value.start + i, value.start + i + 1))
        decoded = _percent_decoded(run.group())
        if decoded is None:
            decoded = [(char, i, i + 1) for i, char in enumerate(run.group())]
        for char, start, end in decoded:
            chars.append(char)
            parts.append((value.start + run.start() + start, value.start + run.start() + end))
        at = run.end()
    for i in range(at, len(part)):
        chars.append(part[i])
        parts.append((value.start + i, value.start + i + 1))
    return chars, parts


def _percent_decoded(escapes: str) -> list[tuple[str, int, int]] | None:
    """``%E5%BC%A0%31`` → ``[("张", 0, 9), ("1", 9, 12)]``; None when the bytes are not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    decoded = []
    start = 0
    for index in range(0, len(escapes), 3):
        try:
            chars = decoder.decode(bytes([int(escapes[index + 1 : index + 3], 16)]))
        except UnicodeDecodeError:
            return None
        if chars:
            decoded.append((chars, start, index + 3))
            start = index + 3
    return decoded if start == len(escapes) else None


def _ranges(value: Value, where: Located) -> Ranges:
    """The source slice of each scanned character of ``value``."""
    _, parts = _parts(value)
    if where.run is None:
        return [(where.start + start, where.start + end) for start, end in parts]
    ranges = where.run.ranges
    return [(ranges[start][0], ranges[end - 1][1]) for start, end in parts]


def _locate(values: list[Value], source: str) -> list[Located | None]:
    """Each value's place in ``source``: the first not yet used ``name=value`` of the same name and decoded value
    (lxml keeps document order), else the first anywhere; None when the source does not write it."""
    if not values:
        return []
    names = tuple(sorted({value.name for value in values}))
    written: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
    for match in _attribute_pattern(names).finditer(source):
        name = match.group("name")
        if name is not None:
            group = next(g for g in ("double", "single", "bare") if match.group(g) is not None)
            written[name.lower()].append(match.span(group))
    cursors = dict.fromkeys(names, 0)
    located: list[Located | None] = []
    for value in values:
        spans = written[value.name]
        found = _first_equal(source, spans, cursors[value.name], value.value)
        if found is None:
            found = _first_equal(source, spans, 0, value.value)
        else:
            cursors[value.name] = found[0] + 1
        located.append(None if found is None else found[1])
    return located


def _first_equal(source: str, spans: list[tuple[int, int]], first: int, value: str) -> tuple[int, Located] | None:
    for index in range(first, len(spans)):
        start, end = spans[index]
        raw = source[start:end]
        if "&" not in raw and "\r" not in raw:
            if raw == value:
                return index, Located(start, None)
            continue
        run = attribute_value(source, start, end)
        if run.text == value:
            return index, Located(start, run)
    return None


@cache
def _attribute_pattern(names: tuple[str, ...]) -> regex.Pattern:
    """``name = value`` (double-, single- or unquoted) for the given attribute names, as HTML's tokenizer reads a
    start tag: the name follows white space, ``/`` or a closing quote. Comments and script or style contents are
    matched whole (and ignored), so markup written inside them is not taken for an attribute."""
    return regex.compile(
        r"<!--.*?(?:-->|\Z)|<(?P<code>script|style)\b.*?(?:</(?P=code)|\Z)"
        rf"""|(?<=[\t\n\f\r /"'])(?P<name>{"|".join(names)})[\t\n\f\r ]*=[\t\n\f\r ]*"""
        r"""(?:"(?P<double>[^"]*)|'(?P<single>[^']*)|(?P<bare>[^\t\n\f\r >"'][^\t\n\f\r >]*))""",
        regex.IGNORECASE | regex.DOTALL,
    )


def comments_with_directives(root: lxml.html.HtmlElement, text: str) -> list:
    """The page's comments, when any may hold a ``govscan: ignore`` directive (none are looked at otherwise)."""
    return list(root.iter(lxml.etree.Comment)) if "govscan:" in text else []
