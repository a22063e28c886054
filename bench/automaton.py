"""Why the floor's Aho-Corasick pass costs what it costs: pyahocorasick against the number of first characters.

    python bench/automaton.py [TEXT]      # default: /tmp/govscan-bench/1mb.txt (make it with bench/run.py)

pyahocorasick looks a character up among a trie node's children one by one, so
a pass over text that rarely matches costs about one comparison per distinct
first character of the keys, per character of text. This prints the pass over
the same text with growing subsets of govscan's folded lexicon keys, and the
same keys in ``ahocorasick_rs`` (a DFA from Rust's ``aho-corasick`` crate) when
it is installed (``pip install ahocorasick-rs``; not a govscan dependency).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

from govscan import Scanner

sys.path.insert(0, str(Path(__file__).parent))
from run import lexicon_automaton


def best_ms(fn: Callable[[], object], rounds: int = 7) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def pyahocorasick_pass(keys: list[str]) -> Callable[[str], int]:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return lambda text: sum(1 for _ in automaton.iter(text))


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/govscan-bench/1mb.txt")
    text = path.read_text(encoding="utf-8")
    keys = sorted(lexicon_automaton(Scanner()).keys())
    megabytes = len(text.encode()) / 1e6
    print(f"{path}: {megabytes:.2f} MB, {len(keys)} keys; ms per MB, best of 7\n")
    print("| library | keys | distinct first characters | ms/MB | matches |")
    print("|---|---:|---:|---:|---:|")
    for count in (1, 10, 50, 100, 200, len(keys)):
        subset = keys[:: max(1, len(keys) // count)][:count]
        run = pyahocorasick_pass(subset)
        firsts = len({key[0] for key in subset})
        elapsed = best_ms(lambda run=run: run(text))
        print(f"| pyahocorasick | {len(subset)} | {firsts} | {elapsed / megabytes:.1f} | {run(text)} |")
    try:
        import ahocorasick_rs
    except ImportError:
        print("\nahocorasick_rs is not installed: `pip install ahocorasick-rs` to compare.")
        return
    automaton = ahocorasick_rs.AhoCorasick(keys)
    found = len(automaton.find_matches_as_indexes(text, overlapping=True))
    elapsed = best_ms(lambda: automaton.find_matches_as_indexes(text, overlapping=True))
    firsts = len({key[0] for key in keys})
    print(f"| ahocorasick_rs | {len(keys)} | {firsts} | {elapsed / megabytes:.1f} | {found} |")


if __name__ == "__main__":
    main()
