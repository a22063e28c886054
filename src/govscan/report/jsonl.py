"""JSON Lines for huge archives: one finding (or one file error) per line, written as results arrive.

Each line is the JSON report's finding object plus ``path``; an input that
could not be read is ``{"path": …, "error": {"kind": …, "message": …}}``.
"""

from __future__ import annotations

import json
from typing import TextIO

from govscan.models import FileResult
from govscan.report.json import finding_to_dict


def write_result(out: TextIO, result: FileResult, *, show_values: bool = False) -> None:
    if result.error is not None:
        out.write(json.dumps({"path": result.path, "error": result.error.model_dump(mode="json")}, ensure_ascii=False))
        out.write("\n")
        return
    for finding in result.findings:
        line = {"path": result.path, **finding_to_dict(finding, show_values=show_values)}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
