"""Baselines: findings accepted once, by fingerprint, so a later run reports only new ones.

The file is JSON, sorted and free of timestamps and line numbers so it diffs
cleanly and survives edits that move text around (the churn detect-secrets'
line-numbered baselines cause)::

    {"version": 1, "tool": "govscan",
     "entries": [{"path": "site.zip!a.html", "code": "PII002", "fingerprint": "…"}, …]}

It never holds the matched text: a fingerprint hashes the value together with
its surrounding text (:func:`govscan.filters.fingerprint`). The same finding
twice in one file is two entries; matching consumes them one by one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from govscan.errors import ConfigError
from govscan.models import FileResult

BASELINE_VERSION = 1


class Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    code: str
    fingerprint: str


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int
    tool: str = "govscan"
    entries: list[Entry]


def entries_of(result: FileResult) -> list[Entry]:
    """Baseline entries for every fingerprinted finding of ``result``."""
    return [Entry(path=result.path, code=f.code, fingerprint=f.fingerprint) for f in result.findings if f.fingerprint]


def write(path: Path, entries: Iterable[Entry]) -> int:
    """Write a baseline file; returns how many entries it holds."""
    ordered = sorted(entries, key=lambda e: (e.path, e.code, e.fingerprint))
    document = {
        "version": BASELINE_VERSION,
        "tool": "govscan",
        "entries": [e.model_dump() for e in ordered],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(ordered)


@dataclass
class Baseline:
    """Accepted findings; :meth:`filter` removes them from results and remembers what it used."""

    remaining: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    # Paths of the baseline seen in this run (bounded by the baseline, not the archive).
    scanned: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._paths = {path for path, _, _ in self.remaining}

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            parsed = _File.model_validate(raw)
        except OSError as error:
            raise ConfigError(f"{path}: cannot read baseline: {error.strerror or error}") from error
        except json.JSONDecodeError as error:
            raise ConfigError(f"{path}: baseline is not valid JSON (line {error.lineno}: {error.msg})") from error
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"{path}: not a govscan baseline: {where}: {first['msg']}") from error
        if parsed.version != BASELINE_VERSION:
            raise ConfigError(f"{path}: baseline version {parsed.version} is not supported (expected 1)")
        return cls(Counter((e.path, e.code, e.fingerprint) for e in parsed.entries))

    def filter(self, result: FileResult) -> FileResult:
        """``result`` without the findings the baseline accepts."""
        kept = self.kept(result.path, [(f.code, f.fingerprint or "") for f in result.findings])
        if kept is None or all(kept):
            return result
        return result.model_copy(
            update={"findings": tuple(f for f, keep in zip(result.findings, kept, strict=True) if keep)}
        )

    def kept(self, path: str, findings: Sequence[tuple[str, str]]) -> list[bool] | None:
        """For each (code, fingerprint) of one result at ``path``, whether it is new; ``None``: all are."""
        if path not in self._paths:
            return None
        self.scanned.add(path)
        kept = []
        for code, digest in findings:
            key = (path, code, digest)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                kept.append(False)
            else:
                kept.append(True)
        return kept

    def stale(self) -> list[Entry]:
        """Entries of scanned paths (or of files that are gone) that no finding used: fixed or changed."""
        stale = []
        for (path, code, fingerprint), count in sorted(self.remaining.items()):
            if count > 0 and (path in self.scanned or not _container_exists(path)):
                stale.extend([Entry(path=path, code=code, fingerprint=fingerprint)] * count)
        return stale


def _container_exists(path: str) -> bool:
    """Whether the file a locator points into (before ``!`` or ``#``) is still there."""
    container = path.split("!", 1)[0].split("#", 1)[0]
    return Path(container).exists()
