"""Masking an HTML page in its own bytes: its visible text, title, title metadata, hidden text, comments and the
attribute values ``check`` reads (``#field=attributes``, see :mod:`.html_attributes`).

The page is never re-serialised. A small tokenizer (HTML5 rules for tags,
comments, raw-text elements, character references and line endings) records
which characters of the file wrote each text node and attribute value; its
text runs are matched, in document order, with the text nodes lxml parsed, and
the extraction walker reports which node each character of the scanned text
came from. Masked characters are then written over exactly those bytes.

Script and style contents are code: a personal value there cannot be masked
soundly, so such a page is refused. Anything else that cannot be mapped for certain (text lxml moved or dropped, a value
built from markup) makes the file an InputError rather than a guess, and every
copy is parsed again to check that its text is the masked text and nothing else changed.
"""

from __future__ import annotations

import html as html_entities
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html

from govscan.errors import InputError
from govscan.sources.decode import Decoded, decode_as
from govscan.sources.document import Document
from govscan.sources.html import TITLE_META, XML_DECLARATION, Page, declared_charset, parse_tree
from govscan.sources.html_attributes import Gathered
from govscan.sources.html_tokens import RAW_TEXT, Ranges, Run, Tag, tokenize
from govscan.sources.locate import locate
from govscan.sources.options import ReadOptions
from govscan.sources.splice import Edit, Masker, changes, splice


def redact(name: str, data: bytes, masker: Masker, options: ReadOptions | None = None) -> bytes:
    """The page with the masked characters of its text, title and comments replaced in place; markup and
    every other byte kept (``options``: nothing to configure for HTML)."""
    decoded = decode_as(name, data, declared=declared_charset(data))
    page = _Parsed.of(name, decoded)
    for code in page.code:
        if masker(Document(path=locate(name, field="script"), text=code.text, date=page.page.date)) != code.text:
            raise InputError(name, "a <script> or <style> holds personal data, which cannot be masked inside code")
    body = Document(path=name, text=page.page.text, date=page.page.date)
    edits, expected_text = _mask_text(page, masker(body))
    expected_pieces = []
    for field_name, text, ranges in page.pieces():
        masked = masker(Document(path=locate(name, field=field_name), text=text, date=page.page.date))
        _merge(edits, _edits(text, masked, ranges, attribute=field_name == "title"))
        expected_pieces.append(masked)
    attributes = page.page.attributes
    expected_attributes = None
    if attributes is not None:
        masked = masker(Document(path=locate(name, field="attributes"), text=attributes.text, date=page.page.date))
        more, expected_attributes = _attribute_edits(name, attributes, masked)
        _merge(edits, more)
    shift = page.skipped
    copy = splice(name, data, decoded, [Edit(start + shift, end + shift, r) for (start, end), r in edits.items()])
    again = decode_as(name, copy, declared=declared_charset(copy))
    shown = _Parsed.of(name, again)
    shown_attributes = None if shown.page.attributes is None else shown.page.attributes.text
    if (again.encoding, again.bom, shown.page.text, [text for _, text, _ in shown.pieces()], shown_attributes) != (
        decoded.encoding,
        decoded.bom,
        expected_text,
        expected_pieces,
        expected_attributes,
    ):
        raise InputError(name, "the masked copy would not read back as the masked page; not written")
    return copy


@dataclass
class _Parsed:
    """A decoded page parsed twice, by lxml (what the scan reads) and by the tokenizer (where it is written)."""

    name: str
    skipped: int  # characters of an XML declaration left out before parsing
    page: Page
    root: lxml.html.HtmlElement
    origins: list
    nodes: dict[tuple, Ranges]
    tags: list[Tag]
    comments: list[Run]
    code: list[Run]  # script and style contents

    @classmethod
    def of(cls, name: str, decoded: Decoded) -> _Parsed:
        declaration = XML_DECLARATION.match(decoded.text)
        skipped = declaration.end() if declaration else 0
        source = decoded.text[skipped:]
        origins: list = []
        page, root = parse_tree(name, source, origins)
        tokens = tokenize(source)
        runs, tags, comments = tokens.runs, tokens.tags, tokens.comments
        nodes = _map_nodes(name, root, runs)
        code = [run for run in runs if run.raw and run.text.strip()]
        return cls(name, skipped, page, root, origins, nodes, tags, comments, code)

    def pieces(self) -> Iterator[tuple[str, str, Ranges]]:
        """``(field, text, file slices)`` of what the page carries besides its visible text: the ``<title>``
        and title metadata (``field="title"``), text a reader cannot see (``"hidden"``: hidden elements,
        ``noscript``, ``template``, ``select``…) and comments (``"comment"``).
        Scripts and styles are code, not text: left as they are."""
        used = {origin[0] for origin in self.origins if origin is not None}
        for text, ranges in _title_texts(self.name, self.root, self.tags, self.nodes, used):
            yield "title", text, ranges
        for key, value in _text_nodes(self.root):
            element, kind = key
            owner = element if kind == "text" else element.getparent()
            if key in used or not value.strip() or owner is None or owner.tag in RAW_TEXT | {"title"}:
                continue
            yield "hidden", value, self.nodes[key]
        for comment in self.comments:
            if comment.text.strip():
                yield "comment", comment.text, comment.ranges


def _mask_text(page: _Parsed, masked_text: str) -> tuple[dict[tuple[int, int], str], str]:
    """Edits masking the page's text, and the text the copy must show (characters the walker added stay)."""
    text = page.page.text
    masked = list(masked_text)
    edits: dict[tuple[int, int], str] = {}
    for edit in changes(text, masked_text):
        for index in range(edit.start, edit.end):
            origin = page.origins[index]
            if origin is None:
                masked[index] = text[index]
                continue
            node, start, end = origin
            ranges = page.nodes[node]
            _merge(edits, {(ranges[start][0], ranges[end - 1][1]): _escape(masked[index], attribute=False)})
    return edits, "".join(masked)


def _edits(text: str, masked: str, ranges: Ranges, *, attribute: bool) -> dict[tuple[int, int], str]:
    edits: dict[tuple[int, int], str] = {}
    for edit in changes(text, masked):
        for index in range(edit.start, edit.end):
            _merge(edits, {ranges[index]: _escape(masked[index], attribute=attribute)})
    return edits


def _attribute_edits(name: str, attributes: Gathered, masked: str) -> tuple[dict[tuple[int, int], str], str]:
    """Edits masking attribute values where their characters were written (a reference or percent-escape as a
    whole), and the gathered text the copy must show. A masked value that was not found in the bytes, or two values
    found at the same bytes, make the page an InputError."""
    text = attributes.text
    expected = list(text)
    edits: dict[tuple[int, int], str] = {}
    for start, end, ranges in attributes.slices():
        value_edits = {} if masked[start:end] == text[start:end] else None
        if value_edits is None and ranges is None:
            raise InputError(name, f"cannot find the attribute value {text[start:end][:20]!r} in the page's bytes")
        if value_edits is None:
            value_edits = _edits(text[start:end], masked[start:end], ranges, attribute=True)
            expected[start:end] = masked[start:end]
        if edits.keys() & value_edits.keys():
            raise InputError(name, "two attribute values were found at the same bytes; not written")
        edits.update(value_edits)
    return edits, "".join(expected)


def _merge(edits: dict[tuple[int, int], str], more: dict[tuple[int, int], str]) -> None:
    """Several characters written by one reference share its slice: their replacements join."""
    for where, replacement in more.items():
        edits[where] = edits.get(where, "") + replacement


def _escape(char: str, *, attribute: bool) -> str:
    return html_entities.escape(char, quote=attribute)


def _title_texts(
    name: str, root: lxml.html.HtmlElement, tags: list[Tag], nodes: dict, used: set
) -> Iterator[tuple[str, Ranges]]:
    """The ``<title>`` text (unless the page's text already holds it: a title in the body) and the content of
    every title meta (``TITLE_META``), each with its file slices."""
    title = root.find(".//title")
    if title is not None and title.text and (title, "text") not in used:
        yield title.text, nodes[(title, "text")]
    metas = [tag for tag in tags if tag.name == "meta"]
    parsed = list(root.iter("meta"))
    if [dict(element.attrib) for element in parsed] != [_values(tag) for tag in metas[: len(parsed)]]:
        raise InputError(name, "cannot match the page's meta tags with its bytes; not written")
    for tag in metas:
        key = tag.attributes.get("name") or tag.attributes.get("property")
        content = tag.attributes.get("content")
        if key and key.text.strip().lower() in TITLE_META and content and content.text:
            yield content.text, content.ranges


def _values(tag: Tag) -> dict[str, str]:
    return {key: run.text for key, run in tag.attributes.items()}


def _map_nodes(name: str, root: lxml.html.HtmlElement, runs: list[Run]) -> dict[tuple, Ranges]:
    """For each text node lxml parsed, the file slices of its characters, matched in document order. Text after
    ``</html>`` is parsed too (see ``html._past_end_tags``), so text left over was dropped: refused."""
    pending = iter(runs)
    nodes: dict[tuple, Ranges] = {}
    for key, value in _text_nodes(root):
        got = Run()
        while len(got.text) < len(value):
            run = next(pending, None)
            if run is None:
                raise InputError(name, f"cannot find the text {value[:20]!r} in the page's bytes; not written")
            if value.startswith(run.text, len(got.text)):
                got.text += run.text
                got.ranges += run.ranges
            elif not got.text and run.text.isspace():
                continue  # white space the parser left out
            else:
                raise InputError(name, f"the parser moved or changed the text {run.text[:20]!r}; not written")
        nodes[key] = got.ranges
    left = next((run for run in pending if run.text.strip() and not run.raw), None)
    if left is not None:
        raise InputError(name, f"the parser dropped the text {left.text[:20]!r}; not written")
    return nodes


def _text_nodes(element: lxml.html.HtmlElement) -> Iterator[tuple[tuple, str]]:
    """``((element, "text" | "tail"), value)`` for every non-empty text node, in document order."""
    if isinstance(element.tag, str):
        if element.text:
            yield (element, "text"), element.text
        for child in element:
            yield from _text_nodes(child)
    if element.tail:
        yield (element, "tail"), element.tail
