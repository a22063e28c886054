"""Batch scans: walking with globs, ordered results, the same output with one or two worker processes."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govscan import batch
from govscan.batch import ScanSpec, Walk, Worker, _ScanRecords, count_inputs, run
from govscan.engine import Scanner
from govscan.models import FileResult
from govscan.sources import suffix_of
from govscan.sources.jsonl import iter_documents


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return ScanSpec().scanner()


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    (root / "news").mkdir()
    (root / "news" / "attachments").mkdir()
    (root / "news" / "a.html").write_text("<p>电话 13912345678</p>", encoding="utf-8")
    (root / "news" / "b.txt").write_text("截止目前\n", encoding="utf-8")
    (root / "news" / "attachments" / "c.txt").write_text("13812345678", encoding="utf-8")
    (root / "z.jsonl").write_text(
        "".join(f'{{"id": {i}, "text": "记录{i} 1391234{i:04d}"}}\n' for i in range(150)), encoding="utf-8"
    )
    (root / "image.png").write_bytes(b"\x89PNG")
    with zipfile.ZipFile(root / "site.zip", "w") as package:
        package.writestr("p/one.html", "<p>再接再励</p>")
        package.writestr("p/skip.css", "body{}")
    return root


def _flatten(chunks) -> list[FileResult]:
    return [result for chunk in chunks for result in chunk.results]


def _summary(results: list[FileResult], root: Path) -> list[tuple[str, list[tuple[str, int]]]]:
    return [(r.path.replace(str(root), ""), [(f.code, f.line) for f in r.findings]) for r in results]


def test_walk_matches_whole_relative_paths_and_last_parts() -> None:
    walk = Walk(include=("*.html", "*.txt"), exclude=("*/attachments/*",))
    assert walk.wants("news/a.html") and walk.wants("b.txt")
    assert not walk.wants("news/attachments/c.txt")
    assert not walk.wants("news/a.png")
    assert Walk(exclude=("attachments",)).prunes("news/attachments")


def test_folder_is_walked_in_sorted_order_with_exports_and_archives(tree: Path, scanner: Scanner) -> None:
    results = _flatten(run((str(tree),), ScanSpec(), Walk(exclude=("attachments",)), jobs=1, scanner=scanner))
    paths = [r.path.replace(str(tree), "") for r in results]
    assert paths[:3] == ["/site.zip!p/one.html", "/z.jsonl#line=1&id=0", "/z.jsonl#line=2&id=1"]
    assert paths[-2:] == ["/news/a.html", "/news/b.txt"]
    assert len(paths) == 1 + 150 + 2
    assert [(f.code, f.line, f.column) for f in results[0].findings] == [("LEX401", 1, 1)]
    assert [(f.code, f.column) for f in results[-2].findings] == [("PII002", 4)]


def test_two_workers_give_the_same_results_in_the_same_order(tree: Path, scanner: Scanner) -> None:
    one = _flatten(run((str(tree),), ScanSpec(), jobs=1, scanner=scanner))
    two = _flatten(run((str(tree),), ScanSpec(), jobs=2))
    assert _summary(two, tree) == _summary(one, tree)
    assert [f.fingerprint for r in two for f in r.findings] == [f.fingerprint for r in one for f in r.findings]


def test_files_done_counts_each_top_level_input_once(tree: Path, scanner: Scanner) -> None:
    chunks = list(run((str(tree), str(tree / "missing.txt")), ScanSpec(), jobs=1, scanner=scanner))
    assert sum(c.files_done for c in chunks) == count_inputs((str(tree), str(tree / "missing.txt"))) == 6
    assert chunks[-1].results[0].error.kind == "usage"


def test_stdin_is_read_as_text(scanner: Scanner) -> None:
    (result,) = _flatten(run(("-",), ScanSpec(), jobs=1, stdin=io.BytesIO("手机13912345678".encode()), scanner=scanner))
    assert (result.path, [f.code for f in result.findings]) == ("<stdin>", ["PII002"])


def test_folder_without_scannable_files_is_a_usage_error(tmp_path: Path, scanner: Scanner) -> None:
    (tmp_path / "x.png").write_bytes(b"")
    (result,) = _flatten(run((str(tmp_path),), ScanSpec(), jobs=1, scanner=scanner))
    assert result.error is not None and result.error.kind == "usage"
    assert result.error.message.startswith("no files to scan")


@given(
    st.lists(st.sampled_from(["a", "B", ".", "/", "..", "html", ".HTML", "\\", " ", "z.Zip"]), max_size=8).map("".join)
)
def test_suffix_of_is_the_suffix_path_gives(name: str) -> None:
    assert suffix_of(name) == PurePath(name).suffix.lower()


def test_small_files_go_to_workers_in_tasks_of_several(
    tmp_path: Path, scanner: Scanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("govscan.batch.FILES_PER_TASK", 3)
    for number in range(8):
        (tmp_path / f"{number}.txt").write_text(f"第{number}号 1391234{number:04d}\n", encoding="utf-8")
    (tmp_path / "5.jsonl").write_text('{"id": 1, "text": "再接再励"}\n', encoding="utf-8")
    chunks = list(run((str(tmp_path),), ScanSpec(), jobs=1, scanner=scanner))
    assert [chunk.files_done for chunk in chunks] == [3, 2, 0, 1, 3]  # the export cuts a task short
    paths = [r.path.replace(str(tmp_path) + "/", "") for r in _flatten(chunks)]
    assert paths == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt", "5.jsonl#line=1&id=1", "5.txt", "6.txt", "7.txt"]
    two = _flatten(run((str(tmp_path),), ScanSpec(), jobs=2, scanner=scanner))
    assert _summary(two, tmp_path) == _summary(_flatten(chunks), tmp_path)


def test_export_lines_parsed_by_workers_give_what_reading_the_export_gives(tmp_path: Path, scanner: Scanner) -> None:
    # Over 64 KiB before the undecodable records, so the encoding is sniffed from good lines.
    lines = [f'{{"id": {i}, "text": "记录{i} 1391234{i:04d}{"。" * 400}"}}\n' for i in range(70)]
    lines[3] = "\n"
    lines[5] = "[1, 2]\n"
    lines[66] = "{not json\n"
    export = tmp_path / "e.jsonl"
    export.write_bytes("".join(lines).encode() + b'{"id": 99, "text": "\xff\xfe"}\n' * 3)
    with export.open("rb") as stream:
        items = list(iter_documents(str(export), stream, ScanSpec().read.fields))
    worker = Worker(ScanSpec(), scanner)
    expected = [worker.run(_ScanRecords((item,)))[0] for item in items]
    for jobs in (1, 2):
        results = _flatten(run((str(export),), ScanSpec(), jobs=jobs, scanner=scanner))
        assert results == expected
    assert [r.error.message for r in expected if r.error][-1].startswith("not valid utf-8 after line")
    errors = [r.path.replace(str(export), "") for r in expected if r.error]
    assert errors == ["#line=6", ""]  # line 67 sits in the chunk that does not decode: never read


def test_workers_start_fresh_when_another_thread_runs(
    tree: Path, scanner: Scanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    methods = []
    start = batch._start

    def recording(*arguments):
        context, initargs = start(*arguments)
        methods.append(context.get_start_method())
        return context, initargs

    monkeypatch.setattr(batch, "_start", recording)
    one = _flatten(run((str(tree),), ScanSpec(), jobs=1, scanner=scanner))
    assert _summary(_flatten(run((str(tree),), ScanSpec(), jobs=2, scanner=scanner)), tree) == _summary(one, tree)
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        fresh = _flatten(run((str(tree),), ScanSpec(), jobs=2, scanner=scanner))
    finally:
        stop.set()
        waiting.join()
    assert _summary(fresh, tree) == _summary(one, tree)
    assert methods == ["fork", "forkserver"]
