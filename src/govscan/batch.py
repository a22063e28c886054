"""Batch scans of files, folders, exports and archives: walk, split into tasks, scan in parallel, stream in order.

The main process walks the inputs lazily and turns them into tasks (up to
``FILES_PER_TASK`` files to read, an archive member's bytes, a run of export
records or JSON lines); worker processes scan them. At most
``jobs × WINDOW_PER_JOB`` tasks are in flight and results are yielded in input
order, so output is deterministic and memory stays flat however large the
archive. With ``jobs == 1`` everything runs in this process.

Each worker has one :class:`~govscan.engine.Scanner`: the main process's own
when workers are forked, else built once from a picklable :class:`ScanSpec`.
It applies inline suppressions and attaches baseline fingerprints, which need
the document's text and so cannot happen later in the main process; given a
:class:`~govscan.report.records.RenderSpec`, it also renders the output, so
that the main process, which shares the cores with the workers, does little
more per file than walk and write.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import io
import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from govscan.engine import Scanner
from govscan.errors import InputError
from govscan.filters import RuleSelection, apply_suppressions, fingerprint
from govscan.lexicon import lexicon_folders, load_lexicons
from govscan.models import FileError, FileResult
from govscan.redact import confident
from govscan.report.records import Rendered, Renderer, RenderSpec, render_error
from govscan.sources import (
    ARCHIVES,
    EXPORTS,
    SUFFIXES,
    Document,
    ReadOptions,
    RecordError,
    read_bytes,
    read_path,
    suffix_of,
)
from govscan.sources.decode import text_lines
from govscan.sources.document import relocate
from govscan.sources.jsonl import line_documents
from govscan.sources.zip import iter_members

STDIN = "-"
STDIN_NAME = "<stdin>"
# Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_JOB = 8
# Export records per task: amortises inter-process overhead over short records.
RECORDS_PER_TASK = 64
# Files per task, and the bytes after which a task takes no more: one task of small pages costs one
# round trip between processes instead of one per page; large files still go one or a few at a time.
FILES_PER_TASK = 64
BYTES_PER_TASK = 1 << 20


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class ScanSpec:
    """What a worker needs to scan like the command line asked (picklable)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lexicon_dirs: tuple[Path, ...] = ()
    default_lexicons: bool = True
    as_of: dt.date | None = None
    read: ReadOptions = field(default_factory=ReadOptions)

    def scanner(self) -> Scanner:
        folders = lexicon_folders(self.lexicon_dirs, packaged=self.default_lexicons)
        selection = RuleSelection.of(self.select, self.ignore)
        lexicons = load_lexicons(folders, selection.allows) if self.lexicon_dirs or not self.default_lexicons else None
        return Scanner(lexicons=lexicons, selection=selection)


@dataclass(frozen=True)
class Walk:
    """Which files of walked folders and archives to scan.

    A glob matches a path relative to the folder walked (or a member name) when
    it matches the whole relative path (``*`` crosses ``/``) or its last part:
    ``*.html``, ``news/*``, ``*/attachments/*``. Files named on the command
    line are always scanned.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, relative: str) -> bool:
        if suffix_of(relative) not in SUFFIXES or self._matches(relative, self.exclude):
            return False
        return not self.include or self._matches(relative, self.include)

    def prunes(self, relative_folder: str) -> bool:
        return self._matches(relative_folder, self.exclude)

    @staticmethod
    def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
        name = relative.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


@dataclass(frozen=True)
class Chunk:
    """Results of one task, in input order; ``files_done`` top-level inputs finished with it (for progress).

    Results are :class:`~govscan.report.records.Rendered` when :func:`run` was given a ``render`` spec.
    """

    results: list[FileResult] | list[Rendered]
    files_done: int


# Tasks: what the main process hands to a worker.
@dataclass(frozen=True)
class _ReadFiles:
    paths: tuple[str, ...]

    @property
    def files_done(self) -> int:
        return len(self.paths)


@dataclass(frozen=True)
class _ReadBytes:
    name: str
    data: bytes
    suffix: str
    files_done: int = 0


@dataclass(frozen=True)
class _ScanRecords:
    items: tuple[Document | RecordError, ...]
    files_done: int = 0


@dataclass(frozen=True)
class _ParseLines:
    """Decoded lines of a JSON Lines export, the first numbered ``first``: the worker parses them."""

    name: str
    first: int
    lines: tuple[str, ...]
    files_done: int = 0


@dataclass(frozen=True)
class _Known:
    """Results known without scanning (errors found while walking), or just a finished input."""

    results: tuple[FileResult, ...] = ()
    files_done: int = 0


_Task = _ReadFiles | _ReadBytes | _ScanRecords | _ParseLines | _Known


class Worker:
    """Scans tasks with one Scanner; lives in a worker process (or in this one for ``jobs == 1``).

    With a ``render`` spec it returns :class:`Rendered` results (confidence filter applied, records in the
    output format) instead of :class:`FileResult`.
    """

    def __init__(self, spec: ScanSpec, scanner: Scanner | None = None, render: RenderSpec | None = None):
        self.spec = spec
        self.scanner = scanner or spec.scanner()
        self.renderer = Renderer(render, self.scanner.rules) if render is not None else None

    def run(self, task: _Task) -> list[FileResult] | list[Rendered]:
        if isinstance(task, _Known):
            return [self._known(result) for result in task.results]
        if isinstance(task, _ScanRecords):
            return [self._scan_record(item) for item in task.items]
        if isinstance(task, _ParseLines):
            numbered = enumerate(task.lines, start=task.first)
            return [self._scan_record(item) for item in line_documents(task.name, numbered, self.spec.read.fields)]
        if isinstance(task, _ReadFiles):
            return [result for path in task.paths for result in self._read(path, None)]
        return self._read(task.name, task)

    def _read(self, name: str, member: _ReadBytes | None) -> list:
        try:
            if member is None:
                documents = read_path(Path(name), self.spec.read)
            else:
                documents = read_bytes(member.name, member.data, member.suffix, self.spec.read)
        except InputError as error:
            return [self._error(name, "input", error.message)]
        except Exception as error:  # one malformed file must not stop an archive scan
            return [self._error(name, "internal", f"{type(error).__name__}: {error}")]
        return [self.scan(document) for document in documents]

    def scan(self, document: Document) -> FileResult | Rendered:
        """Findings of one document, suppressions applied and fingerprints attached."""
        try:
            findings = self.scanner.scan_document(document, as_of=self.spec.as_of)
        except Exception as error:  # reported for this document; the batch goes on
            return self._error(document.path, "internal", f"{type(error).__name__}: {error}")
        kept = relocate(document, apply_suppressions(findings, document.text))
        if self.renderer is not None:
            kept = confident(kept, self.renderer.spec.minimum)
            return self.renderer.render(document.path, kept, [fingerprint(f, document.text) for f in kept])
        marked = [f.model_copy(update={"fingerprint": fingerprint(f, document.text)}) for f in kept]
        return FileResult(path=document.path, findings=tuple(marked))

    def _scan_record(self, item: Document | RecordError) -> FileResult | Rendered:
        if isinstance(item, RecordError):
            return self._error(item.path, "input", item.message)
        return self.scan(item)

    def _error(self, path: str, kind: str, message: str) -> FileResult | Rendered:
        return self.renderer.error(path, kind, message) if self.renderer is not None else _error(path, kind, message)

    def _known(self, result: FileResult) -> FileResult | Rendered:
        if self.renderer is None or result.error is None:
            return result
        return self.renderer.error(result.path, result.error.kind, result.error.message)


def run(
    arguments: tuple[str, ...],
    spec: ScanSpec,
    walk: Walk = Walk(),
    jobs: int = 1,
    stdin: BinaryIO | None = None,
    scanner: Scanner | None = None,
    render: RenderSpec | None = None,
) -> Iterator[Chunk]:
    """Scan every argument (file, folder, ``-``) and yield results in input order.

    ``scanner``, when given, is used for ``jobs == 1`` instead of building one from ``spec``, and by worker
    processes started with ``fork``. With ``render``, results come rendered (see :class:`Worker`).
    """
    tasks = _tasks(arguments, spec.read, walk, stdin)
    head = list(itertools.islice(tasks, 2))
    tasks = itertools.chain(head, tasks)
    # Worker processes each need a Scanner: only worth it for two tasks or more.
    if jobs <= 1 or len(head) < 2:
        worker = Worker(spec, scanner, render)
        for task in tasks:
            yield Chunk(worker.run(task), task.files_done)
        return
    context, initargs = _start(spec, scanner, render)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=initargs)
    window: deque[tuple[_Task, Future[list] | None]] = deque()
    try:
        for task in tasks:
            window.append((task, None if isinstance(task, _Known) else pool.submit(_run_in_worker, task)))
            while len(window) > jobs * WINDOW_PER_JOB or (window and _ready(window[0])):
                yield _collect(*window.popleft(), render)
        while window:
            yield _collect(*window.popleft(), render)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(spec: ScanSpec, scanner: Scanner | None, render: RenderSpec | None) -> tuple[object, tuple]:
    """The cheapest safe way to start workers, and what they are started with.

    ``fork`` (Linux, only this thread running) starts a worker in milliseconds with this process's
    modules and Scanner; otherwise ``forkserver``/``spawn`` workers import govscan and build a
    Scanner from ``spec`` (~0.5 s each). Output buffered here is flushed first, or a forked worker
    would write it again when it exits.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        sys.stdout.flush()
        sys.stderr.flush()
        return multiprocessing.get_context("fork"), (spec, render, scanner)
    if os.name != "posix":
        return multiprocessing.get_context("spawn"), (spec, render, None)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["govscan.batch"])  # imported once, in the server, not in every worker
    return context, (spec, render, None)


def count_inputs(arguments: tuple[str, ...], walk: Walk = Walk()) -> int:
    """How many top-level inputs :func:`run` will go through (a second cheap walk, for a progress total)."""
    return sum(1 if argument == STDIN else sum(1 for _ in _files(argument, walk)) for argument in arguments)


def _ready(entry: tuple[_Task, Future[list] | None]) -> bool:
    return entry[1] is None or entry[1].done()


def _collect(task: _Task, future: Future[list] | None, render: RenderSpec | None) -> Chunk:
    if not isinstance(task, _Known):
        return Chunk(future.result(), task.files_done)  # type: ignore[union-attr]
    if render is None:
        return Chunk(list(task.results), task.files_done)
    rendered = [render_error(render, r.path, r.error.kind, r.error.message) for r in task.results if r.error]
    return Chunk(rendered, task.files_done)


_WORKER: Worker | None = None


def _start_worker(spec: ScanSpec, render: RenderSpec | None, scanner: Scanner | None) -> None:
    global _WORKER
    _WORKER = Worker(spec, scanner, render)


def _run_in_worker(task: _Task) -> list:
    assert _WORKER is not None, "worker process started without _start_worker"
    return _WORKER.run(task)


def _error(path: str, kind: str, message: str) -> FileResult:
    return FileResult(path=path, error=FileError(kind=kind, message=message))


def _files(argument: str, walk: Walk) -> Iterator[str | FileResult]:
    """The files an argument names, walked in sorted order; a usage error result when there are none."""
    path = Path(argument)
    if not path.exists():
        yield _error(argument, "usage", "no such file or directory")
        return
    if not path.is_dir():
        yield str(path)
        return
    found = False
    for folder, subfolders, names in os.walk(path):
        relative = Path(folder).relative_to(path).as_posix()
        prefix = "" if relative == "." else relative + "/"
        subfolders[:] = sorted(d for d in subfolders if not walk.prunes(prefix + d))
        # str(Path(folder) / name) without a Path per file: the walk's one cost that grows with the archive.
        base = str(Path(folder))
        base = "" if base == "." else os.path.join(base, "")
        for name in sorted(names):
            if walk.wants(prefix + name):
                found = True
                yield base + name
    if not found:
        yield _error(argument, "usage", f"no files to scan ({', '.join(sorted(SUFFIXES))}) in this folder")


def _tasks(arguments: tuple[str, ...], options: ReadOptions, walk: Walk, stdin: BinaryIO | None) -> Iterator[_Task]:
    for argument in arguments:
        if argument == STDIN:
            data = stdin.read() if stdin is not None else b""
            yield _ReadBytes(STDIN_NAME, data, ".txt", files_done=1)
            continue
        files: list[str] = []
        size = 0
        for item in _files(argument, walk):
            suffix = "" if isinstance(item, FileResult) else suffix_of(item)
            if files and (suffix in ARCHIVES or suffix in EXPORTS or isinstance(item, FileResult)):
                yield _ReadFiles(tuple(files))
                files, size = [], 0
            if isinstance(item, FileResult):
                yield _Known((item,), files_done=1)
                continue
            if suffix in ARCHIVES:
                yield from _archive_tasks(item, options, walk)
            elif suffix in EXPORTS:
                yield from _export_file_tasks(Path(item), suffix, options)
            else:
                files.append(item)
                size += _size(item)
                if len(files) >= FILES_PER_TASK or size >= BYTES_PER_TASK:
                    yield _ReadFiles(tuple(files))
                    files, size = [], 0
                continue
            yield _Known(files_done=1)
        if files:
            yield _ReadFiles(tuple(files))


def _size(path: str) -> int:
    """Bytes of a file (0 if it cannot be read: the worker reports why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _export_file_tasks(path: Path, suffix: str, options: ReadOptions) -> Iterator[_Task]:
    try:
        stream = path.open("rb")
    except OSError as error:
        yield _Known((_error(str(path), "input", f"cannot read: {error.strerror or error}"),))
        return
    with stream:
        yield from _export_tasks(str(path), stream, suffix, options)


def _export_tasks(name: str, stream: BinaryIO, suffix: str, options: ReadOptions) -> Iterator[_Task]:
    """Records of an export, RECORDS_PER_TASK at a time, read here so a huge file streams.

    JSON Lines are only decoded and split into lines here; workers parse them. CSV is parsed here
    (a quoted cell may span lines, so only the parser knows where a record ends).
    """
    if suffix == ".jsonl":
        yield from _jsonl_tasks(name, stream)
        return
    batch: list[Document | RecordError] = []
    for item in EXPORTS[suffix](name, stream, options.fields):
        batch.append(item)
        if len(batch) >= RECORDS_PER_TASK:
            yield _ScanRecords(tuple(batch))
            batch = []
    if batch:
        yield _ScanRecords(tuple(batch))


def _jsonl_tasks(name: str, stream: BinaryIO) -> Iterator[_Task]:
    lines: list[str] = []
    first = 1
    try:
        for number, line in enumerate(text_lines(name, stream), start=1):
            if not lines:
                first = number
            lines.append(line)
            if len(lines) >= RECORDS_PER_TASK:
                yield _ParseLines(name, first, tuple(lines))
                lines = []
    except InputError as error:
        if lines:
            yield _ParseLines(name, first, tuple(lines))
        yield _Known((_error(error.path, "input", error.message),))
        return
    if lines:
        yield _ParseLines(name, first, tuple(lines))


def _archive_tasks(archive: str, options: ReadOptions, walk: Walk) -> Iterator[_Task]:
    try:
        for member in iter_members(archive, options.limits, walk.wants):
            if member.error is not None:
                yield _Known((_error(member.path, "archive", member.error),))
                continue
            suffix = suffix_of(member.name)
            if suffix in EXPORTS:
                yield from _export_tasks(member.path, io.BytesIO(member.data), suffix, options)
            else:
                yield _ReadBytes(member.path, member.data, suffix)
    except InputError as error:
        yield _Known((_error(archive, "input", error.message),))
