"""The parser's output on the seeds and the sample site's pages equal the files checked in under
``tests/expected/``; a deliberate change rewrites them (``expected_outputs.REWRITE``) and the
diff is reviewed in the commit."""
from __future__ import annotations

import difflib

import expected_outputs as expected


def _first_difference(rel: str, want: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                got.decode("utf-8", "replace").splitlines(), lineterm="", n=1)
    return f"{rel}:\n" + "\n".join(list(diff)[2:12])


def test_outputs_equal_the_checked_in_files() -> None:
    made, kept = expected.outputs(), expected.on_disk()
    assert kept, f"tests/expected is empty: run {expected.REWRITE}"
    missing, extra = sorted(kept.keys() - made.keys()), sorted(made.keys() - kept.keys())
    changed = sorted(rel for rel in made.keys() & kept.keys() if made[rel] != kept[rel])
    report = [f"no longer made: {missing}"] * bool(missing) + [f"not checked in: {extra}"] * bool(extra)
    report += [_first_difference(rel, kept[rel], made[rel]) for rel in changed[:3]]
    assert not report, ("outputs differ from tests/expected (if the change is meant, run "
                        f"{expected.REWRITE} and review the diff):\n" + "\n".join(report))


def test_a_changed_output_is_named(monkeypatch) -> None:
    kept = expected.on_disk()
    rel = next(r for r in kept if r.startswith("parse/"))
    monkeypatch.setattr(expected, "on_disk", lambda: {**kept, rel: kept[rel].replace(b'"', b"'", 1)})
    try:
        test_outputs_equal_the_checked_in_files()
    except AssertionError as exc:
        assert rel in str(exc) and expected.REWRITE in str(exc)
    else:
        raise AssertionError("a changed file went unnoticed")
