"""A minimal stderr progress bar (drawn only when stderr is a terminal)."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, label: str = "translating", *, enabled: bool = True,
                 stream: TextIO | None = None, width: int = 30):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(enabled and total > 0 and isatty is not None and isatty())
        self.total = total
        self.label = label
        self.width = width
        self.done = 0
        self.start = time.monotonic()
        self._last_draw = 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        filled = int(self.width * self.done / self.total)
        rate = self.done / max(now - self.start, 1e-9)
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{self.done}/{self.total} sentences, {rate:.1f}/s"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False
