"""SARIF 2.1.0 for code-scanning dashboards; columns count Unicode code points."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from govscan import __version__
from govscan.models import Finding, Report, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/govscan/govscan"


def render(report: Report, rules: tuple[Rule, ...]) -> str:
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(finding, result.path, index) for result in report.files for finding in result.findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{result.path}: {result.error.message}"},
            "descriptor": {"id": result.error.kind},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
        }
        for result in report.files
        if result.error is not None
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "govscan",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {"executionSuccessful": True, "toolExecutionNotifications": notifications},
        ],
        "results": results,
    }
    return json.dumps({"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}, ensure_ascii=False, indent=2)


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description.strip() or rule.summary},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"kind": rule.kind.value, "personalData": rule.personal_data},
    }


def _result(finding: Finding, path: str, index: dict[str, int]) -> dict[str, Any]:
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
    if finding.fingerprint:
        result["partialFingerprints"] = {"govscan/v1": finding.fingerprint}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:")
