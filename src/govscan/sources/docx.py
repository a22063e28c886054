"""Word drafts (.docx): body paragraphs and tables in document order, then headers and footers.

Each paragraph is one line and each table row one line with cells separated by
tabs, so line numbers count what an editor sees in Word. Headers and footers
are separate fields (``draft.docx#field=header``) because their lines are not
part of the body's numbering. The core properties' modified (else created)
date is the document's date; their title is its title.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from govscan.errors import InputError
from govscan.sources.document import Document
from govscan.sources.limits import Limits
from govscan.sources.locate import locate
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions

if TYPE_CHECKING:
    from docx.table import Table

_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_TABLE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl"


def read(name: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> list[Document]:
    """The body (and any header/footer text) of a .docx file; ``options.limits`` guard the unpacking."""
    # python-docx takes ~30 ms to import: only runs that meet a .docx pay for it.
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_package(name, data, options.limits)
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(name, f"not a valid DOCX file ({error})") from error
    properties = word.core_properties
    stamp = properties.modified or properties.created
    date = stamp.date() if stamp else None
    title = (properties.title or "").strip() or None
    documents = [Document(path=name, text=_lines(_block_lines(word.element.body, word)), title=title, date=date)]
    for field in ("header", "footer"):
        text = _lines(_margin_lines(word, field))
        if text:
            documents.append(Document(path=locate(name, field=field), text=text, title=title, date=date))
    return documents


def _check_package(name: str, data: bytes, limits: Limits) -> None:
    """A .docx is a zip: refuse one that would inflate past the limits before python-docx unpacks it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for info in package.infolist():
                problem = limits.refuse(info)
                if problem:
                    raise InputError(name, f"{info.filename}: {problem}")
    except zipfile.BadZipFile as error:
        raise InputError(name, f"not a valid DOCX file ({error})") from error


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _block_lines(container, parent) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _PARAGRAPH:
            lines.append(Paragraph(child, parent).text)
        elif child.tag == _TABLE:
            lines.extend(_table_lines(Table(child, parent)))
    return lines


def _table_lines(table: Table) -> list[str]:
    """One line per row; a merged cell is repeated by python-docx and written once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        lines.append("\t".join(cells))
    return lines


def _margin_lines(word, field: str) -> list[str]:
    """Header or footer text of every section, each distinct part once."""
    lines: list[str] = []
    seen = set()
    for section in word.sections:
        part = getattr(section, field)
        if part.is_linked_to_previous or id(part._element) in seen:
            continue
        seen.add(id(part._element))
        lines.extend(line for line in _block_lines(part._element, part) if line.strip())
    return lines
