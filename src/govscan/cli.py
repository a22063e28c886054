"""The ``govscan`` command line: the only place (with report/) that prints.

Exit codes: 0 clean · 1 findings at or above ``--fail-on`` · 2 usage error
(bad option, missing path, nothing readable) · 3 lexicon or config error ·
4 internal error.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from govscan import __version__, batch
from govscan import baseline as baseline_file
from govscan.baseline import Baseline
from govscan.batch import STDIN, Chunk, ScanSpec, count_inputs
from govscan.config import Settings, find_config, load_config, settings
from govscan.engine import Scanner
from govscan.errors import ConfigError, InputError, LexiconError
from govscan.filters import RuleSelection, at_or_above
from govscan.lexicon import Lexicon, lexicon_folders, load_lexicons
from govscan.models import Confidence, Severity
from govscan.redact import confident, parse_keep, redact_text
from govscan.report.progress import BatchProgress
from govscan.report.records import ConsoleLook, RecordWriter, RenderSpec
from govscan.report.summary import Summary, print_summary
from govscan.sources import Document, ReadOptions, RecordFields

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_LEXICON, EXIT_INTERNAL = 0, 1, 2, 3, 4


# Width for tables written to a file or pipe, where no terminal sets it: wide
# enough that no summary is cut (rich would assume 80 columns).
PIPE_WIDTH = 200


def _console(stream=None) -> Console:
    stream = stream or sys.stdout
    width = None if stream.isatty() else PIPE_WIDTH
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False, width=width)


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


def _scan_options(command):
    """Options shared by ``check`` and ``baseline create``: what to scan and how to read it."""
    options = [
        click.option(
            "--select",
            multiple=True,
            metavar="PREFIX",
            help="Only rules whose code starts with PREFIX (repeatable, or comma-separated).",
        ),
        click.option("--ignore", multiple=True, metavar="PREFIX", help="Skip rules whose code starts with PREFIX."),
        click.option(
            "--as-of",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            default=None,
            help="Date of the documents for date-aware rules (default: each page's publication date, else today).",
        ),
        click.option("--include", multiple=True, metavar="GLOB", help="Only walked files matching GLOB."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Skip walked files matching GLOB."),
        click.option(
            "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: all cores]."
        ),
        click.option("--text-field", metavar="PATH", help="JSONL/CSV text field, dotted [default: text]."),
        click.option("--title-field", metavar="PATH", help="JSONL/CSV field with the title (default: title)."),
        click.option("--id-field", metavar="PATH", help="JSONL/CSV field naming the record in reports (default: id)."),
        click.option("--date-field", metavar="PATH", help="JSONL/CSV field with the publication date (default: date)."),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Config file (default: govscan.toml or [tool.govscan] in pyproject.toml, searched upwards).",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr."),
    ]
    for option in reversed(options):
        command = option(command)
    return _lexicon_options(command)


def _settings(scan: dict, fail_on: str | None = None) -> Settings:
    """Config file values under command-line ones; a bad config exits 3."""
    try:
        path = scan["config_path"] or find_config(Path.cwd())
        config = load_config(path)
    except ConfigError as error:
        click.echo(f"govscan: config error: {error}", err=True)
        sys.exit(EXIT_LEXICON)
    return settings(
        config,
        select=scan["select"],
        ignore=scan["ignore"],
        fail_on=fail_on,
        lexicons=scan["lexicon_dirs"],
        default_lexicons=not scan["no_default_lexicons"],
        include=scan["include"],
        exclude=scan["exclude"],
        jobs=scan["jobs"],
        text_field=scan["text_field"],
        title_field=scan["title_field"],
        id_field=scan["id_field"],
        date_field=scan["date_field"],
        as_of=scan["as_of"].date() if scan["as_of"] else None,
    )


def _checked_scanner(spec: ScanSpec) -> Scanner:
    """Build the scanner once here so a lexicon error exits 3 before any worker starts."""
    try:
        return spec.scanner()
    except (LexiconError, ConfigError) as error:
        click.echo(f"govscan: lexicon error: {error}", err=True)
        sys.exit(EXIT_LEXICON)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "jsonl", "csv"]),
    default="text",
    show_default=True,
    help="Report format (jsonl: one finding per line, streamed).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note", "never"]),
    default=None,
    help="Exit 1 when a finding has at least this severity [default: warning].",
)
@click.option("--show-values", is_flag=True, help="Show personal data unmasked in the report.")
@click.option(
    "--min-confidence",
    type=click.Choice(["low", "medium", "high"]),
    default="low",
    show_default=True,
    help="Only report findings at least this confident.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Report only findings not in this baseline (see `govscan baseline create`), and list stale entries.",
)
@_scan_options
def check(
    paths: tuple[str, ...],
    output_format: str,
    fail_on: str | None,
    show_values: bool,
    min_confidence: str,
    baseline_path: Path | None,
    **scan,
) -> None:
    """Scan files, folders, exports (.jsonl/.csv), archives (.zip) or - for stdin."""
    resolved = _settings(scan, fail_on)
    scanner = _checked_scanner(resolved.spec)
    # The Scanner lives as long as the run: keep the collector from walking it again and again (and
    # forked workers from copying its pages when it does).
    gc.freeze()
    accepted = None
    if baseline_path is not None:
        try:
            accepted = Baseline.load(baseline_path)
        except ConfigError as error:
            click.echo(f"govscan: baseline error: {error}", err=True)
            sys.exit(EXIT_LEXICON)
    threshold = None if resolved.fail_on == "never" else Severity(resolved.fail_on)
    minimum = Confidence(min_confidence)
    quiet = scan["quiet"]
    show_progress = not quiet and sys.stderr.isatty()
    total = count_inputs(paths, resolved.walk) if show_progress else None
    summary = Summary()
    failed = usage_problem = False
    with BatchProgress(total, enabled=show_progress, redirect_stdout=sys.stdout.isatty()) as progress:
        look = ConsoleLook.of(Console(highlight=False, soft_wrap=True, emoji=False))
        render = RenderSpec(output_format, show_values, minimum, look)
        writer = RecordWriter(sys.stdout, render, scanner.rules)
        for chunk in run_batch(paths, resolved, scanner, render):
            findings = 0
            for result in chunk.results:
                kept = accepted.kept(result.path, [(k.code, k.fingerprint) for k in result.keys]) if accepted else None
                keys = result.keys if kept is None else [k for k, keep in zip(result.keys, kept, strict=True) if keep]
                summary.add_findings(result.path, result.error_kind is not None, keys)
                if result.error_kind is not None and output_format != "text":
                    click.echo(f"govscan: {result.path}: {result.error_message}", err=True)
                writer.write(result, kept)
                findings += len(keys)
                failed |= any(at_or_above(Severity(k.severity), threshold) for k in keys)
                usage_problem |= result.error_kind == "usage"
            summary.files += chunk.files_done
            progress.advance(chunk.files_done, findings)
    stale = accepted.stale() if accepted is not None else None
    if output_format == "json":
        writer.close(**({"stale_baseline": [e.model_dump() for e in stale]} if stale is not None else {}))
    else:
        writer.close()
        if stale and output_format in ("jsonl", "csv"):
            for entry in stale:
                click.echo(f"govscan: stale baseline entry: {entry.path} {entry.code} {entry.fingerprint}", err=True)
    if output_format == "text":
        print_summary(Console(highlight=False, soft_wrap=True, emoji=False), summary, stale)
    elif not quiet:
        print_summary(_console(sys.stderr), summary, stale)
    if failed:
        sys.exit(EXIT_FINDINGS)
    if usage_problem or summary.errors == summary.documents:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_CLEAN)


def run_batch(
    paths: tuple[str, ...], resolved: Settings, scanner: Scanner, render: RenderSpec | None = None
) -> Iterator[Chunk]:
    stdin = sys.stdin.buffer if STDIN in paths else None
    return batch.run(paths, resolved.spec, resolved.walk, resolved.jobs, stdin=stdin, scanner=scanner, render=render)


@cli.group()
def baseline() -> None:
    """Accept today's findings so that later checks report only new ones."""


@baseline.command("create")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(".govscan-baseline.json"),
    show_default=True,
    help="Baseline file to write.",
)
@_scan_options
def baseline_create(paths: tuple[str, ...], output: Path, **scan) -> None:
    """Record every current finding of PATHS (fingerprints only: no values, no line numbers)."""
    resolved = _settings(scan)
    scanner = _checked_scanner(resolved.spec)
    entries = []
    errors = 0
    show_progress = not scan["quiet"] and sys.stderr.isatty()
    total = count_inputs(paths, resolved.walk) if show_progress else None
    with BatchProgress(total, enabled=show_progress) as progress:
        for chunk in run_batch(paths, resolved, scanner):
            for result in chunk.results:
                entries.extend(baseline_file.entries_of(result))
                if result.error is not None:
                    errors += 1
                    click.echo(f"govscan: {result.path}: {result.error.message}", err=True)
            progress.advance(chunk.files_done, sum(len(r.findings) for r in chunk.results))
    count = baseline_file.write(output, entries)
    click.echo(f"govscan: wrote {count} baseline entr{'y' if count == 1 else 'ies'} to {output}", err=True)
    sys.exit(EXIT_CLEAN)


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
    from rich.markdown import Markdown  # ~30 ms to import: only explain needs it

    from govscan.docs import rule_page

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
    from govscan.lexicon.lint import check_lexicon_files

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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder for the masked copies.")
@click.option("--select", multiple=True, default=("PII",), show_default=True, metavar="PREFIX", help="Kinds to mask.")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="Kinds to leave as they are.")
@click.option("--keep", multiple=True, metavar="CODE=START,END", help="Characters kept at each end for a kind.")
@click.option("--min-confidence", type=click.Choice(["low", "medium", "high"]), default="low", show_default=True)
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Date of the documents.")
@click.option("--text-field", default="text", show_default=True, metavar="PATH", help="JSONL/CSV text field, dotted.")
@click.option("--title-field", default="title", show_default=True, metavar="PATH", help="JSONL/CSV title field.")
@click.option("--date-field", default="date", show_default=True, metavar="PATH", help="JSONL/CSV date field.")
def redact(
    paths: tuple[Path, ...],
    out: Path,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    keep: tuple[str, ...],
    min_confidence: str,
    as_of,
    text_field: str,
    title_field: str,
    date_field: str,
) -> None:
    """Write masked copies (txt, md, html, jsonl, csv): only the bytes of masked values change; inputs are
    never touched. Files that cannot be masked in place (docx, zip) are reported and skipped (exit 2)."""
    from govscan.sources.redaction import redact_path, redaction_inputs

    try:
        keep_by_code = parse_keep(keep)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    target = out.resolve()
    for path in paths:
        source = path.resolve()
        if target == source or source in target.parents:
            raise click.UsageError(f"--out {out} lies inside the input {path}; choose a folder outside it")
    scanner = _build_scanner(select, ignore)
    options = ReadOptions(fields=RecordFields(text=text_field, title=title_field, date=date_field))
    day = as_of.date() if as_of else None
    problems = 0
    for path in paths:
        try:
            files = redaction_inputs(path)
        except InputError as error:
            click.echo(f"govscan: {error}", err=True)
            problems += 1
            continue
        for file in files:
            destination = target / (file.relative_to(path) if path.is_dir() else file.name)
            masking = _Masking(scanner, keep_by_code, Confidence(min_confidence), day)
            try:
                redact_path(file, destination, masking.mask, options)
            except InputError as error:
                click.echo(f"govscan: {error}; not redacted", err=True)
                problems += 1
                continue
            count = masking.count
            click.echo(f"{file} → {destination}: {count} value{'s' if count != 1 else ''} masked")
    sys.exit(EXIT_USAGE if problems else EXIT_CLEAN)


class _Masking:
    """Scan each document of one file and mask its personal data, counting the values masked."""

    def __init__(self, scanner: Scanner, keep, minimum: Confidence, day):
        self.scanner, self.keep, self.minimum, self.day = scanner, keep, minimum, day
        self.count = 0

    def mask(self, document: Document) -> str:
        findings = confident(self.scanner.scan_text(document.text, as_of=self.day or document.date), self.minimum)
        self.count += sum(1 for f in findings if f.personal_data)
        return redact_text(document.text, findings, self.keep)


def main() -> None:
    """Console-script entry point; anything unexpected exits 4 with one line."""
    try:
        cli(prog_name="govscan")
    except SystemExit:
        raise
    except Exception as error:  # the last resort: say what happened, exit 4
        click.echo(f"govscan: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
