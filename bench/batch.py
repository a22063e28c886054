"""Batch benchmark alone: `govscan check --jobs N` over an archive, for one or more interpreters, in one run.

Rounds alternate between interpreters and job counts so that load from other
work on the machine hits every case alike; each case reports its fastest round.
The resident set of every process of a run is sampled every 0.1 s: the largest
process, and the largest at one quarter and at the end of the run (flat memory
means those two are close). CPU seconds are those of all the run's processes
(main and workers), and of the main process alone: on a machine shared with
other work, wall time only shows what was left over, while CPU seconds show
what the run itself cost.

    python bench/batch.py /tmp/govscan-bench/archive-2000 --python before=/venv-a/bin/python --rounds 5
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> dict[int, tuple[int, float]]:
    """Resident bytes and CPU seconds so far of ``root`` and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = int(fields[1])
        stats[int(entry)] = (int(statm.split()[1]) * PAGE, (int(fields[11]) + int(fields[12])) / TICK)
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return {pid: stats[pid] for pid in tree if pid in stats}


@dataclass
class Run:
    wall: float
    cpu: float
    main_cpu: float
    samples: list[dict[int, int]]


def run_once(python: str, archive: str, jobs: int, output_format: str, out: Path) -> Run:
    samples: list[dict[int, int]] = []
    cpu_by_process: dict[int, float] = {}
    command = [python, "-m", "govscan", "check", "--jobs", str(jobs), "--format", output_format]
    command += ["--fail-on", "never", "--quiet", archive]
    with out.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                tree = _tree(process.pid)
                samples.append({pid: rss for pid, (rss, _) in tree.items()})
                for pid, (_, cpu) in tree.items():
                    cpu_by_process[pid] = max(cpu_by_process.get(pid, 0.0), cpu)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4: the usage of the process and of the workers it waited for (sampling misses each one's last 0.1 s;
        # wait4 misses workers of a forkserver, which are not the main process's children).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    if process.returncode != 0:
        sys.exit(f"{command} exited {process.returncode}")
    total = max(usage.ru_utime + usage.ru_stime, sum(cpu_by_process.values()))
    return Run(wall, total, cpu_by_process.get(process.pid, 0.0), samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("archive")
    parser.add_argument("--python", action="append", default=[], metavar="LABEL=PATH", help="repeatable")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--format", default="jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pythons = dict(p.split("=", 1) for p in args.python) or {"current": sys.executable}
    jobs = [int(j) for j in args.jobs.split(",")]
    best: dict[tuple[str, int], float] = {}
    cpu: dict[tuple[str, int], tuple[float, float]] = {}
    peak: dict[tuple[str, int], tuple[int, int, int]] = {}
    digests: dict[tuple[str, int], set[str]] = {}
    with tempfile.TemporaryDirectory() as work:
        for round_number in range(args.rounds):
            for label, python in pythons.items():
                for job_count in jobs:
                    out = Path(work) / f"{label}-{job_count}.out"
                    run = run_once(python, args.archive, job_count, args.format, out)
                    wall, samples = run.wall, run.samples
                    key = (label, job_count)
                    best[key] = min(best.get(key, wall), wall)
                    old_cpu = cpu.get(key, (float("inf"), float("inf")))
                    cpu[key] = (min(old_cpu[0], run.cpu), min(old_cpu[1], run.main_cpu))
                    digests.setdefault(key, set()).add(hashlib.sha256(out.read_bytes()).hexdigest())
                    largest = max((max(s.values(), default=0) for s in samples), default=0)
                    quarter = max(samples[len(samples) // 4].values(), default=0) if samples else 0
                    last = max(samples[-1].values(), default=0) if samples else 0
                    old = peak.get(key, (0, 0, 0))
                    peak[key] = (max(old[0], largest), max(old[1], quarter), max(old[2], last))
                    print(
                        f"round {round_number + 1}: {label} --jobs {job_count}: {wall:.2f} s wall, "
                        f"{run.cpu:.2f} s CPU (main process {run.main_cpu:.2f} s)",
                        file=sys.stderr,
                    )
    files = sum(1 for _ in Path(args.archive).rglob("*.html"))
    print(
        f"| interpreter | jobs | min wall s | files/s | speed-up vs its --jobs {jobs[0]} | min CPU s, all / main "
        "| largest process MB | largest at 1/4 / at end MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in pythons:
        for job_count in jobs:
            wall = best[(label, job_count)]
            largest, quarter, last = (value / 2**20 for value in peak[(label, job_count)])
            print(
                f"| {label} | {job_count} | {wall:.2f} | {files / wall:.0f} | {best[(label, jobs[0])] / wall:.2f}x "
                f"| {cpu[(label, job_count)][0]:.2f} / {cpu[(label, job_count)][1]:.2f} "
                f"| {largest:.0f} | {quarter:.0f} / {last:.0f} |"
            )
    all_digests = set().union(*digests.values())
    print(f"\noutputs byte-identical across every interpreter, job count and round: {len(all_digests) == 1}")


if __name__ == "__main__":
    main()
