"""Batch scans of files, folders, exports and archives: walk, split into tasks, scan in parallel, stream in order.

The main process walks the inputs lazily and turns them into small tasks (a
file to read, an archive member's bytes, a run of export records); worker
processes scan them. At most ``jobs × WINDOW_PER_JOB`` tasks are in flight and
results are yielded in input order, so output is deterministic and memory
stays flat however large the archive. With ``jobs == 1`` everything runs in
this process.

Each worker builds its own :class:`~govscan.engine.Scanner` once from a
picklable :class:`ScanSpec`, then applies inline suppressions and attaches
baseline fingerprints, which need the document's text and so cannot happen
later in the main process.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import io
import itertools
import multiprocessing
import os
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
from govscan.sources.zip import iter_members

STDIN = "-"
STDIN_NAME = "<stdin>"
# Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_JOB = 8
# Export records per task: amortises inter-process overhead over short records.
RECORDS_PER_TASK = 64


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
    """Results of one task, in input order; ``files_done`` top-level inputs finished with it (for progress)."""

    results: list[FileResult]
    files_done: int


# Tasks: what the main process hands to a worker.
@dataclass(frozen=True)
class _ReadFile:
    path: str
    files_done: int = 1


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
class _Known:
    """Results known without scanning (errors found while walking), or just a finished input."""

    results: tuple[FileResult, ...] = ()
    files_done: int = 0


_Task = _ReadFile | _ReadBytes | _ScanRecords | _Known


class Worker:
    """Scans tasks with one Scanner; lives in a worker process (or in this one for ``jobs == 1``)."""

    def __init__(self, spec: ScanSpec, scanner: Scanner | None = None):
        self.spec = spec
        self.scanner = scanner or spec.scanner()

    def run(self, task: _Task) -> list[FileResult]:
        if isinstance(task, _Known):
            return list(task.results)
        if isinstance(task, _ScanRecords):
            return [self._scan_record(item) for item in task.items]
        name = task.path if isinstance(task, _ReadFile) else task.name
        try:
            if isinstance(task, _ReadFile):
                documents = read_path(Path(task.path), self.spec.read)
            else:
                documents = read_bytes(task.name, task.data, task.suffix, self.spec.read)
        except InputError as error:
            return [_error(name, "input", error.message)]
        except Exception as error:  # one malformed file must not stop an archive scan
            return [_error(name, "internal", f"{type(error).__name__}: {error}")]
        return [self.scan(document) for document in documents]

    def scan(self, document: Document) -> FileResult:
        """Findings of one document, suppressions applied and fingerprints attached."""
        try:
            findings = self.scanner.scan_document(document, as_of=self.spec.as_of)
        except Exception as error:  # reported for this document; the batch goes on
            return _error(document.path, "internal", f"{type(error).__name__}: {error}")
        kept = apply_suppressions(findings, document.text)
        marked = [f.model_copy(update={"fingerprint": fingerprint(f, document.text)}) for f in kept]
        return FileResult(path=document.path, findings=tuple(marked))

    def _scan_record(self, item: Document | RecordError) -> FileResult:
        if isinstance(item, RecordError):
            return _error(item.path, "input", item.message)
        return self.scan(item)


def run(
    arguments: tuple[str, ...],
    spec: ScanSpec,
    walk: Walk = Walk(),
    jobs: int = 1,
    stdin: BinaryIO | None = None,
    scanner: Scanner | None = None,
) -> Iterator[Chunk]:
    """Scan every argument (file, folder, ``-``) and yield results in input order.

    ``scanner``, when given, is used for ``jobs == 1`` instead of building one from ``spec``.
    """
    tasks = _tasks(arguments, spec.read, walk, stdin)
    head = list(itertools.islice(tasks, 2))
    tasks = itertools.chain(head, tasks)
    # Worker processes each import govscan and build a Scanner (~0.5 s): only worth it for two tasks or more.
    if jobs <= 1 or len(head) < 2:
        worker = Worker(spec, scanner)
        for task in tasks:
            yield Chunk(worker.run(task), task.files_done)
        return
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(spec,))
    window: deque[tuple[_Task, Future[list[FileResult]] | None]] = deque()
    try:
        for task in tasks:
            window.append((task, None if isinstance(task, _Known) else pool.submit(_run_in_worker, task)))
            while len(window) > jobs * WINDOW_PER_JOB or (window and _ready(window[0])):
                yield _collect(*window.popleft())
        while window:
            yield _collect(*window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def count_inputs(arguments: tuple[str, ...], walk: Walk = Walk()) -> int:
    """How many top-level inputs :func:`run` will go through (a second cheap walk, for a progress total)."""
    return sum(1 if argument == STDIN else sum(1 for _ in _files(argument, walk)) for argument in arguments)


def _ready(entry: tuple[_Task, Future[list[FileResult]] | None]) -> bool:
    return entry[1] is None or entry[1].done()


def _collect(task: _Task, future: Future[list[FileResult]] | None) -> Chunk:
    results = task.results if isinstance(task, _Known) else future.result()  # type: ignore[union-attr]
    return Chunk(list(results), task.files_done)


_WORKER: Worker | None = None


def _start_worker(spec: ScanSpec) -> None:
    global _WORKER
    _WORKER = Worker(spec)


def _run_in_worker(task: _Task) -> list[FileResult]:
    assert _WORKER is not None, "worker process started without _start_worker"
    return _WORKER.run(task)


def _error(path: str, kind: str, message: str) -> FileResult:
    return FileResult(path=path, error=FileError(kind=kind, message=message))


def _files(argument: str, walk: Walk) -> Iterator[Path | FileResult]:
    """The files an argument names, walked in sorted order; a usage error result when there are none."""
    path = Path(argument)
    if not path.exists():
        yield _error(argument, "usage", "no such file or directory")
        return
    if not path.is_dir():
        yield path
        return
    found = False
    for folder, subfolders, names in os.walk(path):
        relative = Path(folder).relative_to(path).as_posix()
        prefix = "" if relative == "." else relative + "/"
        subfolders[:] = sorted(d for d in subfolders if not walk.prunes(prefix + d))
        for name in sorted(names):
            if walk.wants(prefix + name):
                found = True
                yield Path(folder) / name
    if not found:
        yield _error(argument, "usage", f"no files to scan ({', '.join(sorted(SUFFIXES))}) in this folder")


def _tasks(arguments: tuple[str, ...], options: ReadOptions, walk: Walk, stdin: BinaryIO | None) -> Iterator[_Task]:
    for argument in arguments:
        if argument == STDIN:
            data = stdin.read() if stdin is not None else b""
            yield _ReadBytes(STDIN_NAME, data, ".txt", files_done=1)
            continue
        for item in _files(argument, walk):
            if isinstance(item, FileResult):
                yield _Known((item,), files_done=1)
                continue
            suffix = suffix_of(item.name)
            if suffix in ARCHIVES:
                yield from _archive_tasks(str(item), options, walk)
            elif suffix in EXPORTS:
                yield from _export_file_tasks(item, suffix, options)
            else:
                yield _ReadFile(str(item))
                continue
            yield _Known(files_done=1)


def _export_file_tasks(path: Path, suffix: str, options: ReadOptions) -> Iterator[_Task]:
    try:
        stream = path.open("rb")
    except OSError as error:
        yield _Known((_error(str(path), "input", f"cannot read: {error.strerror or error}"),))
        return
    with stream:
        yield from _export_tasks(str(path), stream, suffix, options)


def _export_tasks(name: str, stream: BinaryIO, suffix: str, options: ReadOptions) -> Iterator[_Task]:
    """Records of an export, RECORDS_PER_TASK at a time, parsed here so a huge file streams."""
    batch: list[Document | RecordError] = []
    for item in EXPORTS[suffix](name, stream, options.fields):
        batch.append(item)
        if len(batch) >= RECORDS_PER_TASK:
            yield _ScanRecords(tuple(batch))
            batch = []
    if batch:
        yield _ScanRecords(tuple(batch))


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
