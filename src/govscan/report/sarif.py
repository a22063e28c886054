"""SARIF 2.1.0 for code-scanning dashboards; columns count Unicode code points."""

from __future__ import annotations

import io
import json
from typing import Any, TextIO
from urllib.parse import quote

from govscan import __version__
from govscan.models import Finding, Report, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/govscan/govscan"


def render(report: Report, rules: tuple[Rule, ...]) -> str:
    """The whole log at once (what :class:`SarifStream` writes for these results, without the last newline)."""
    out = io.StringIO()
    stream = SarifStream(out, rules)
    index = stream.index
    for result in report.files:
        if result.error is not None:
            stream.add_error(result.path, result.error.kind, result.error.message)
        for finding in result.findings:
            stream.write_result(result_json(finding, result.path, index))
    stream.close()
    return out.getvalue()[:-1]


class SarifStream:
    """A SARIF log written result by result, so a huge run never sits in memory.

    The text is ``json.dumps(log, indent=2)`` of the log whose run holds
    ``tool``, ``columnKind``, ``results``, then ``invocations``: results come
    before the invocation, whose notifications (files that could not be
    scanned) are kept until :meth:`close`.
    """

    def __init__(self, out: TextIO, rules: tuple[Rule, ...]):
        self._out = out
        self._rules = rules
        self.index = {rule.code: i for i, rule in enumerate(rules)}
        self._notifications: list[dict[str, Any]] = []
        self._first = True
        head, _ = self._around_results()
        out.write(head)

    def write_result(self, text: str) -> None:
        """One result, as :func:`result_json` renders it."""
        self._out.write(("\n" if self._first else ",\n") + text)
        self._first = False

    def add_error(self, path: str, kind: str, message: str) -> None:
        self._notifications.append(
            {
                "level": "error",
                "message": {"text": f"{path}: {message}"},
                "descriptor": {"id": kind},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}],
            }
        )

    def close(self) -> None:
        _, tail = self._around_results()
        # No result: ``"results": []`` as json.dumps writes an empty list.
        self._out.write((tail.lstrip(" ") if self._first else "\n" + tail) + "\n")

    def _around_results(self) -> tuple[str, str]:
        """The log's text before the first result (up to ``"results": [``) and after the last (from its ``]``)."""
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "govscan",
                    "version": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [_rule(rule) for rule in self._rules],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": [_MARK],
            "invocations": [
                {"executionSuccessful": True, "toolExecutionNotifications": self._notifications},
            ],
        }
        text = json.dumps({"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}, ensure_ascii=False, indent=2)
        mark = "\n" + _RESULTS_INDENT + json.dumps(_MARK) + "\n"
        head, tail = text.split(mark)
        return head, tail


# A placeholder result whose line is cut out of the rendered log, and the indentation of a result.
_MARK = "\x00result"
_RESULTS_INDENT = " " * 8


def result_json(finding: Finding, path: str, index: dict[str, int], fingerprint: str | None = None) -> str:
    """One result as it stands inside the log (indented to its depth)."""
    text = json.dumps(_result(finding, path, index, fingerprint), ensure_ascii=False, indent=2)
    return _RESULTS_INDENT + text.replace("\n", "\n" + _RESULTS_INDENT)


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description.strip() or rule.summary},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"kind": rule.kind.value, "personalData": rule.personal_data},
    }


def _result(finding: Finding, path: str, index: dict[str, int], fingerprint: str | None) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion:
        text += f"（建议：{finding.suggestion}）"
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": finding.severity.value,
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(path)},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_column,
                        "charOffset": finding.span.start,
                        "charLength": finding.span.end - finding.span.start,
                        "snippet": {"text": finding.excerpt},
                    },
                }
            }
        ],
        "properties": {"confidence": finding.confidence.value, "explanation": finding.explanation},
    }
    fingerprint = fingerprint or finding.fingerprint
    if fingerprint:
        result["partialFingerprints"] = {"govscan/v1": fingerprint}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:")
