"""Word-boundary checks with jieba, loaded lazily and run on small windows only.

Full-text tokenization is ~20x slower than everything else govscan does, so
jieba only ever sees a few characters around a lexicon candidate, and its
dictionary (0.7 s to load) is loaded the first time a candidate needs it.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

# Characters of context on each side of a candidate handed to jieba. Enough for
# the neighbouring words to be segmented as in the full sentence.
WINDOW = 8

_lock = threading.Lock()


@cache
def _tokenizer() -> Any:
    import jieba  # deferred: importing and initializing jieba costs ~0.7 s

    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    with _lock:
        tokenizer.initialize()
    return tokenizer


def is_word_aligned(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins and ends on word boundaries.

    ``子以`` in 依法子以公开 is segmented 依法/子/以/公开 — aligned, a typo; in
    孔子以仁为本 it is 孔子/以/… — the 子 belongs to 孔子, so it is not.
    """
    left = max(0, start - WINDOW)
    window = text[left : min(len(text), end + WINDOW)]
    boundaries = {0}
    offset = 0
    for token in _tokenizer().cut(window, HMM=False):
        offset += len(token)
        boundaries.add(offset)
    return (start - left) in boundaries and (end - left) in boundaries
