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
    assert "(b) sitegen batched" in out.stdout
    # the baseline is Argos' own per-text translate() (argos-translate-lt, MiniSBD packaged)
    assert "(a) argostranslate.translate.translate() per text" in out.stdout
    assert "identical English for 4/4 sentences" in out.stdout
