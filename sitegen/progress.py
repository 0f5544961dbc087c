"""Console reporting: messages by verbosity, and progress bars only on a terminal."""
from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")


class ProgressBar:
    """A one-line stderr bar, drawn only when the stream is a terminal (quiet in CI and pipes).

    ``fmt`` turns (done, total) into the counter text, e.g. sentences or MiB."""

    def __init__(self, total: int, label: str, *, enabled: bool = True, stream: TextIO | None = None,
                 unit: str = "", width: int = 30, fmt=None):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(enabled and total > 0 and isatty is not None and isatty())
        self.total = total
        self.label = label
        self.unit = unit
        self.width = width
        self.fmt = fmt
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
        filled = int(self.width * min(self.done, self.total) / self.total)
        if self.fmt:
            counter = self.fmt(self.done, self.total)
        else:
            rate = self.done / max(now - self.start, 1e-9)
            counter = f"{self.done}/{self.total}{' ' + self.unit if self.unit else ''}, {rate:.1f}/s"
        self.stream.write(f"\r{self.label:12} [{'#' * filled}{'.' * (self.width - filled)}] {counter}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False


class Reporter:
    """-q: errors and warnings only; default: one line per stage; -v: details."""

    def __init__(self, verbosity: int = 1, stream: TextIO | None = None):
        self.verbosity = verbosity
        self.stream = stream or sys.stderr

    @property
    def interactive(self) -> bool:
        return self.verbosity > 0 and hasattr(self.stream, "isatty") and self.stream.isatty()

    def info(self, message: str) -> None:
        if self.verbosity >= 1:
            print(message, file=self.stream)

    def detail(self, message: str) -> None:
        if self.verbosity >= 2:
            print(message, file=self.stream)

    def warn(self, message: str) -> None:
        print(f"warning: {message}", file=self.stream)

    def error(self, message: str) -> None:
        print(f"error: {message}", file=self.stream)

    def progress(self, items: Iterable[T], total: int, label: str) -> Iterator[T]:
        """Yield ``items``, drawing a bar on a terminal; silent otherwise."""
        bar = ProgressBar(total, label, enabled=self.interactive and total > 1, stream=self.stream)
        try:
            for item in items:
                yield item
                bar.update()
        finally:
            bar.close()
