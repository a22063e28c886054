"""The ``govscan`` command line: the only place (with report/) that prints.

Exit codes: 0 clean · 1 findings at or above ``--fail-on`` · 2 usage error
(bad option, missing path, nothing readable) · 3 lexicon or config error ·
4 internal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from govscan import __version__
from govscan.docs import rule_page
from govscan.engine import Scanner
from govscan.errors import ConfigError, InputError, LexiconError
from govscan.filters import RuleSelection, at_or_above
from govscan.lexicon import Lexicon, lexicon_folders, load_lexicons
from govscan.lexicon.lint import check_lexicon_files
from govscan.models import FileError, FileResult, Report, Severity
from govscan.report import json as json_report
from govscan.report import sarif as sarif_report
from govscan.report import text as text_report
from govscan.sources import expand_path, read_bytes, read_path

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_LEXICON, EXIT_INTERNAL = 0, 1, 2, 3, 4

STDIN = "-"
STDIN_NAME = "<stdin>"


def _console(stream=None) -> Console:
    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True, emoji=False)


def _build_scanner(
    select: tuple[str, ...], ignore: tuple[str, ...], lexicons: tuple[Lexicon, ...] | None = None
) -> Scanner:
    try:
        return Scanner(lexicons=lexicons, selection=RuleSelection.of(select, ignore))
    except (LexiconError, ConfigError) as error:
        click.echo(f"govscan: lexicon error: {error}", err=True)
        sys.exit(EXIT_LEXICON)


def _lexicon_options(command: Callable) -> Callable:
    """``--lexicon-dir`` and ``--no-default-lexicons``: which lexicon folders a command loads."""
    command = click.option(
        "--no-default-lexicons",
        is_flag=True,
        help="Do not load the packaged lexicons (turn off single ones with --ignore CODE).",
    )(command)
    return click.option(
        "--lexicon-dir",
        "lexicon_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Also load every *.yaml lexicon in DIR (repeatable).",
    )(command)


def _load_lexicons(lexicon_dirs: tuple[Path, ...], no_default_lexicons: bool) -> tuple[Lexicon, ...]:
    """The lexicons of the run; a broken file exits 3 naming file, line and field."""
    try:
        return load_lexicons(lexicon_folders(lexicon_dirs, packaged=not no_default_lexicons))
    except LexiconError as error:
        click.echo(f"govscan: lexicon error: {error}", err=True)
        sys.exit(EXIT_LEXICON)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govscan")
def cli() -> None:
    """Check Chinese government web content for serious misstatements and leaked personal data."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note", "never"]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding has at least this severity.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="PREFIX",
    help="Only rules whose code starts with PREFIX (repeat or comma-separate).",
)
@click.option("--ignore", multiple=True, metavar="PREFIX", help="Skip rules whose code starts with PREFIX.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the documents for date-aware rules (default: today).",
)
@click.option("--show-values", is_flag=True, help="Show personal data unmasked in the report.")
@_lexicon_options
def check(
    paths: tuple[str, ...],
    output_format: str,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    as_of,
    show_values: bool,
    lexicon_dirs: tuple[Path, ...],
    no_default_lexicons: bool,
) -> None:
    """Scan files, folders (walked for .txt/.md) or - for stdin."""
    scanner = _build_scanner(select, ignore, _load_lexicons(lexicon_dirs, no_default_lexicons))
    day = as_of.date() if as_of else None
    console = _console()
    results: list[FileResult] = []
    usage_problem = False
    for result in _scan_all(scanner, paths, day):
        usage_problem |= result.error is not None and result.error.kind == "usage"
        results.append(result)
        if output_format == "text":
            text_report.print_file(console, result, show_values=show_values)
    report = Report(files=tuple(results))
    if output_format == "text":
        text_report.print_summary(console, results)
    elif output_format == "json":
        click.echo(json_report.render(report, show_values=show_values))
    else:
        click.echo(sarif_report.render(report, scanner.rules))
    for result in results:
        if result.error is not None and output_format != "text":
            click.echo(f"govscan: {result.path}: {result.error.message}", err=True)
    threshold = None if fail_on == "never" else Severity(fail_on)
    if any(at_or_above(f.severity, threshold) for f in report.findings):
        sys.exit(EXIT_FINDINGS)
    if usage_problem or all(r.error is not None for r in results):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_CLEAN)


def _scan_all(scanner: Scanner, arguments: tuple[str, ...], day) -> Iterator[FileResult]:
    """Scan each argument in order; an unreadable input becomes an error result."""
    for argument in arguments:
        if argument == STDIN:
            yield _scan_stdin(scanner, day)
            continue
        path = Path(argument)
        if not path.exists():
            yield FileResult(path=argument, error=FileError(kind="usage", message="no such file or directory"))
            continue
        try:
            files = expand_path(path)
        except InputError as error:
            yield FileResult(path=argument, error=FileError(kind="usage", message=error.message))
            continue
        for file in files:
            yield _scan_file(scanner, file, day)


def _scan_file(scanner: Scanner, path: Path, day) -> FileResult:
    try:
        documents = read_path(path)
    except InputError as error:
        return FileResult(path=str(path), error=FileError(kind="input", message=error.message))
    return _scan_documents(scanner, str(path), documents, day)


def _scan_stdin(scanner: Scanner, day) -> FileResult:
    try:
        documents = read_bytes(STDIN_NAME, sys.stdin.buffer.read())
    except InputError as error:
        return FileResult(path=STDIN_NAME, error=FileError(kind="input", message=error.message))
    return _scan_documents(scanner, STDIN_NAME, documents, day)


def _scan_documents(scanner: Scanner, name: str, documents, day) -> FileResult:
    findings = []
    for document in documents:
        findings.extend(scanner.scan_document(document, as_of=day))
    return FileResult(path=name, findings=tuple(findings))


@cli.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_lexicon_options
def rules(output_format: str, lexicon_dirs: tuple[Path, ...], no_default_lexicons: bool) -> None:
    """List every rule: code, name, default severity and what it checks."""
    scanner = _build_scanner((), (), _load_lexicons(lexicon_dirs, no_default_lexicons))
    if output_format == "json":
        click.echo(
            json.dumps(
                [r.model_dump(mode="json", exclude={"description"}) for r in scanner.rules],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table("code", "name", "severity", "kind", "summary", box=None, header_style="bold")
    for rule in scanner.rules:
        table.add_row(rule.code, rule.name, rule.severity.value, rule.kind.value, rule.summary)
    _console().print(table)


@cli.command()
@click.argument("code")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown prints the page of docs/rules/ verbatim.",
)
@_lexicon_options
def explain(code: str, output_format: str, lexicon_dirs: tuple[Path, ...], no_default_lexicons: bool) -> None:
    """Show the documentation of one rule (by code or name), with every lexicon entry."""
    lexicons = _load_lexicons(lexicon_dirs, no_default_lexicons)
    scanner = _build_scanner((), (), lexicons)
    wanted = code.strip()
    rule = next((r for r in scanner.rules if wanted.upper() == r.code or wanted == r.name), None)
    if rule is None:
        raise click.UsageError(f"unknown rule {code!r}; see `govscan rules`")
    page = rule_page(rule, next((lx for lx in lexicons if lx.code == rule.code), None))
    if output_format == "markdown":
        click.echo(page, nl=False)
    else:
        # Wrapped, not soft-wrapped: rich crops list items that do not fit the width.
        Console(highlight=False, emoji=False).print(Markdown(page))


@cli.group()
def lexicon() -> None:
    """Check and list lexicons: the packaged ones and your own (same YAML format)."""


@lexicon.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_lexicon_options
def lexicon_check(
    paths: tuple[Path, ...], output_format: str, lexicon_dirs: tuple[Path, ...], no_default_lexicons: bool
) -> None:
    """Validate lexicon files; exit 3 listing every problem as file:line.

    PATHS are folders or .yaml files checked together (default: the lexicons
    `govscan check` would load with the same --lexicon-dir options). Checks the
    schema, terms and codes defined twice, entries without a source, short terms
    that fire inside longer ones, and that every example fires (or not) as declared.
    """
    targets = list(paths) or lexicon_folders(lexicon_dirs, packaged=not no_default_lexicons)
    problems = check_lexicon_files(targets)
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {"kind": p.kind.value, "path": p.path, "line": p.line, "field": p.field, "message": p.message}
                    for p in problems
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{len(problems)} problem(s)" if problems else "lexicons OK", err=True)
    sys.exit(EXIT_LEXICON if problems else EXIT_CLEAN)


@lexicon.command("list")
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_lexicon_options
def lexicon_list(
    code: str | None, output_format: str, lexicon_dirs: tuple[Path, ...], no_default_lexicons: bool
) -> None:
    """Print lexicon entries (CODE: a code, code prefix such as LEX1, or rule name)."""
    lexicons = _load_lexicons(lexicon_dirs, no_default_lexicons)
    if code:
        selection = RuleSelection.of([code])
        lexicons = tuple(lx for lx in lexicons if selection.allows(lx.code) or lx.name == code)
        if not lexicons:
            raise click.UsageError(f"no lexicon matches {code!r}; see `govscan rules`")
    if output_format == "json":
        rows = [
            {"code": lx.code, **entry.model_dump(mode="json", exclude_none=True)}
            for lx in lexicons
            for entry in lx.entries
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(header_style="bold")
    for column in ("code", "term", "suggestion", "wrong from", "wrong until", "source"):
        table.add_column(column, overflow="fold")
    for lx in lexicons:
        for entry in lx.entries:
            table.add_row(
                lx.code,
                entry.term,
                entry.suggestion or "",
                str(entry.valid_from or ""),
                str(entry.valid_until or ""),
                entry.source.cite(),
            )
    _console().print(table)


def main() -> None:
    """Console-script entry point; anything unexpected exits 4 with one line."""
    try:
        cli(prog_name="govscan")
    except SystemExit:
        raise
    except Exception as error:  # the last resort: say what happened, exit 4
        click.echo(f"govscan: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
