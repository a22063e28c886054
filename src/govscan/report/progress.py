"""A progress bar for long batch scans, on stderr and only on a terminal.

It redraws when results arrive (at most ``REFRESH`` seconds apart) rather than
from a thread of its own: with no other thread running, batch workers can be
forked, which starts them far faster (see :func:`govscan.batch.run`).
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

# Seconds between redraws.
REFRESH = 0.1


class _FilesPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "– files/s", "cyan")


class BatchProgress:
    """``with BatchProgress(total, enabled) as bar: bar.advance(files, findings)`` — a no-op when disabled."""

    def __init__(self, total: int | None, *, enabled: bool, redirect_stdout: bool = False):
        self._progress = None
        if enabled:
            self._progress = Progress(
                TextColumn("govscan"),
                BarColumn(),
                MofNCompleteColumn(),
                _FilesPerSecond(),
                TextColumn("{task.fields[findings]} findings"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                # Only when stdout is the same terminal: findings printed meanwhile go above the bar.
                redirect_stdout=redirect_stdout,
                redirect_stderr=False,
                auto_refresh=False,
            )
            self._task = self._progress.add_task("scan", total=total, findings=0)
        self._findings = 0
        self._drawn = 0.0

    def __enter__(self) -> BatchProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, files: int, findings: int) -> None:
        if self._progress is None:
            return
        self._findings += findings
        self._progress.update(self._task, advance=files, findings=self._findings)
        now = time.monotonic()
        if now - self._drawn >= REFRESH:
            self._progress.refresh()
            self._drawn = now
