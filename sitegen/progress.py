"""Console reporting: messages by verbosity, and progress bars only on a terminal."""
from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")


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
        if not self.interactive or total < 2:
            yield from items
            return
        width = 30
        last = 0.0
        done = 0
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last > 0.1 or done == total:
                last = now
                filled = int(width * done / total)
                self.stream.write(f"\r{label:12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
                self.stream.flush()
        self.stream.write("\n")
