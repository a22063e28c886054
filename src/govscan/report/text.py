"""Human report for editors: location, rule, message, the line with the hit highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from govscan.models import FileResult, Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def print_file(console: Console, result: FileResult, *, show_values: bool = False) -> None:
    """Print one file's findings (or its error) as soon as it is scanned."""
    if result.error is not None:
        print_error(console, result.path, result.error.message)
        return
    for finding in result.findings:
        print_finding(console, result.path, finding, show_values=show_values)


def print_error(console: Console, path: str, message: str) -> None:
    console.print(Text.assemble((path, "bold"), ": ", ("error", "bold red"), f": {message}"))


def print_finding(console: Console, path: str, finding: Finding, *, show_values: bool = False) -> None:
    head = Text.assemble(
        (f"{path}:{finding.line}:{finding.column}", "bold"),
        " ",
        (finding.code, "bold"),
        " ",
        (finding.severity.value, _STYLE[finding.severity]),
        " ",
        finding.message,
    )
    if finding.suggestion:
        head.append(f" → {finding.suggestion}", "green")
    console.print(head)
    excerpt = finding.excerpt
    start, end = finding.excerpt_span.start, finding.excerpt_span.end
    if show_values and finding.personal_data:
        excerpt = excerpt[:start] + finding.matched_text + excerpt[end:]
        end = start + len(finding.matched_text)
    line = Text("    ")
    line.append(excerpt[:start])
    line.append(excerpt[start:end], "reverse " + _STYLE[finding.severity])
    line.append(excerpt[end:])
    console.print(line)
    if finding.source is not None:
        console.print(Text(f"    依据：{finding.source.cite()}", "dim"))
