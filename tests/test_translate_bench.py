"""Smoke test: bench/translate.py runs end to end offline on a tiny model."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_benchmark_smoke(tmp_path):
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "translate.py"), "--small", "--sentences", "4"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[-1].startswith("ratio batched/per_text = ") and lines[-1].endswith("x")
    assert "(a) " in out.stdout and "(b) sitegen batched" in out.stdout


def test_progress_bar_on_a_terminal():
    import io

    from sitegen.translate.progress import ProgressBar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = ProgressBar(3, stream=stream)
    for _ in range(3):
        bar.update()
    bar.close()
    text = stream.getvalue()
    assert "3/3 sentences" in text and text.endswith("\n")

    quiet = io.StringIO()
    bar = ProgressBar(3, stream=quiet)
    bar.update(3)
    bar.close()
    assert quiet.getvalue() == ""
