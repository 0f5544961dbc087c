import os

import pytest

from sitegen.models import Page
from sitegen.write import WriteError, write_site


def test_write_replaces_the_whole_site(tmp_path):
    out = tmp_path / "site"
    write_site([Page("index.html", b"one"), Page("old.html", b"x")], out)
    write_site([Page("index.html", b"two"), Page("a/b.html", b"b")], out)
    assert (out / "index.html").read_bytes() == b"two"
    assert (out / "a" / "b.html").read_bytes() == b"b"
    assert not (out / "old.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temp debris


def test_failed_write_leaves_previous_site_intact(tmp_path):
    out = tmp_path / "site"
    write_site([Page("index.html", b"good")], out)

    def pages():
        yield Page("index.html", b"half")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_site(pages(), out)
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("bad", ["../x.html", "/etc/x", "a/../../x", "", "a//b"])
def test_unsafe_paths_are_refused(tmp_path, bad):
    with pytest.raises(WriteError):
        write_site([Page(bad, b"x")], tmp_path / "site")
    assert not (tmp_path / "x.html").exists()


def test_interrupted_swap_is_recovered(tmp_path):
    out = tmp_path / "site"
    write_site([Page("index.html", b"good")], out)
    out.rename(tmp_path / ".site.old-999")  # as if killed between the two renames
    write_site([Page("index.html", b"new")], out)
    assert (out / "index.html").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_keep_carries_unchanged_pages_over(tmp_path):
    out = tmp_path / "site"
    write_site([Page("index.html", b"1"), Page("articles/a.html", b"A")], out)
    write_site([Page("index.html", b"2")], out, keep=["articles/a.html"])
    assert (out / "articles" / "a.html").read_bytes() == b"A"
    assert (out / "index.html").read_bytes() == b"2"


def test_adopt_accounts_for_pages_written_by_a_worker(tmp_path):
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        (writer.tmp / "a").mkdir()
        (writer.tmp / "a" / "x.html").write_bytes(b"x")  # as a forked copy of the writer does
        writer.adopt("a/x.html")
        with pytest.raises(WriteError, match="two pages"):
            writer.adopt("a/x.html")
        with pytest.raises(WriteError, match="two pages"):
            writer.write(Page("a/x.html", b"y"))
        with pytest.raises(WriteError, match="not in the new site"):
            writer.adopt("a/missing.html")
        with pytest.raises(WriteError, match="unsafe"):
            writer.adopt("../escape.html")
    assert writer.count == 1 and (out / "a" / "x.html").read_bytes() == b"x"


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _dirs(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


def test_an_update_in_place_keeps_replaces_and_drops_files(tmp_path):
    """With files kept, the site is updated in place: the live site is untouched while the
    pages are made, a kept file is the same file (not rewritten), a replaced one is a new
    file (a hard link to the old one elsewhere keeps the old bytes), dropped files go with the
    folders they leave empty. The result is what writing the whole site makes."""
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    old = {"index.html": b"i1", "a/kept.html": b"K", "a/new.html": b"N1", "gone/x.html": b"X",
           "a/gone.html": b"G"}
    write_site([Page(p, c) for p, c in old.items()], out)
    held = tmp_path / "held"
    os.link(out / "a" / "new.html", held)
    kept_inode = (out / "a" / "kept.html").stat().st_ino
    with SiteWriter(out) as writer:
        writer.keep(["a/kept.html"])
        writer.write(Page("index.html", b"i2"))
        writer.write(Page("a/new.html", b"N2"))
        writer.write(Page("b/fresh.html", b"F"))
        assert _files(out) == old  # the live site is untouched while the new one is made
        assert writer.count == 4
    writer.wait()
    assert _files(out) == {"index.html": b"i2", "a/kept.html": b"K", "a/new.html": b"N2", "b/fresh.html": b"F"}
    assert _dirs(out) == {"a", "b"}
    assert (out / "a" / "kept.html").stat().st_ino == kept_inode
    assert held.read_bytes() == b"N1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["held", "site"]  # no journal, no staging folder
    assert set(writer.files) == set(_files(out))


def test_a_file_not_as_the_last_build_left_it_cannot_be_kept(tmp_path):
    """The file list the last build recorded is checked: a file edited by hand (or missing,
    or never recorded) is not intact, and keeping it fails, leaving the site as it was."""
    from sitegen.sitefiles import SiteCheck
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        for p, c in {"a.html": b"A", "b.html": b"B", "c.html": b"C"}.items():
            writer.write(Page(p, c))
    recorded = writer.files
    with open(out / "a.html", "ab") as fh:  # edited in place, by hand
        fh.write(b"!")
    (out / "b.html").unlink()
    (out / "stray.html").write_bytes(b"S")
    check = SiteCheck.of(str(out), recorded)
    assert check.damaged() == ["a.html", "b.html", "stray.html"]
    assert check.intact_only({"a.html": "k", "b.html": "k", "c.html": "k", "stray.html": "k"}) == {"c.html": "k"}
    for rel in ("a.html", "b.html", "stray.html"):
        with pytest.raises(WriteError, match="not as the last build left it"):
            with SiteWriter(out, SiteCheck.of(str(out), recorded)) as writer:
                writer.write(Page("new.html", b"N"))
                writer.keep(["c.html", rel])
    assert _files(out) == {"a.html": b"A!", "c.html": b"C", "stray.html": b"S"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_update_in_place_removes_strays_and_puts_pages_where_a_stray_was(tmp_path):
    """Files and folders the last build did not make are removed, even one in the way of a
    page (a folder where a page goes, a file where a page's folder goes)."""
    from sitegen.sitefiles import SiteCheck
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    with SiteWriter(out) as writer:
        writer.write(Page("a.html", b"A"))
    recorded = writer.files
    (out / "empty" / "deeper").mkdir(parents=True)
    (out / "p.html").mkdir()
    (out / "p.html" / "x").write_bytes(b"x")
    (out / "d").write_bytes(b"a file where a folder goes")
    with SiteWriter(out, SiteCheck.of(str(out), recorded)) as writer:
        writer.keep(["a.html"])
        writer.write(Page("p.html", b"P"))
        writer.write(Page("d/q.html", b"Q"))
    assert _files(out) == {"a.html": b"A", "p.html": b"P", "d/q.html": b"Q"}
    assert _dirs(out) == {"d"}


def test_a_failed_build_in_place_leaves_the_last_site(tmp_path):
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    write_site([Page("index.html", b"good"), Page("a/b.html", b"B")], out)
    with pytest.raises(RuntimeError):
        with SiteWriter(out) as writer:
            writer.keep(["a/b.html"])
            writer.write(Page("index.html", b"half"))
            raise RuntimeError("renderer crashed")
    assert _files(out) == {"index.html": b"good", "a/b.html": b"B"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


OLD = {"index.html": b"i1", "a/kept.html": b"K", "a/changed.html": b"C1", "gone/x.html": b"X", "a/gone.html": b"G"}
NEW = {"index.html": b"i2", "a/kept.html": b"K", "a/changed.html": b"C2", "b/fresh.html": b"F", "b/c/deep.html": b"D"}


def _update_killed_at(out, recorded, kill_at: int) -> int:
    """Update ``out`` from OLD to NEW in a forked child that dies (``os._exit``, no clean-up, as
    under ``kill -9``) at its ``kill_at``-th rename, unlink or rmdir once the pages are made;
    the child's exit code (0: it finished first)."""
    from sitegen.sitefiles import SiteCheck
    from sitegen.write import SiteWriter

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            writer = SiteWriter(out, SiteCheck.of(str(out), recorded))
            writer.__enter__()
            writer.keep(["a/kept.html"])
            for path, content in NEW.items():
                if path != "a/kept.html":
                    writer.write(Page(path, content))
            calls = [0]

            def dying(real):
                def call(*args, **kwargs):
                    calls[0] += 1
                    if calls[0] == kill_at:
                        os._exit(9)
                    return real(*args, **kwargs)
                return call

            for name in ("link", "replace", "rename", "unlink", "rmdir"):
                setattr(os, name, dying(getattr(os, name)))
            writer.__exit__(None, None, None)
            os._exit(0)
        except BaseException:
            os._exit(1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_an_update_in_place_killed_at_any_step_is_whole_then_finished_by_the_next_build(tmp_path):
    """Killed at each of its steps in turn (writing the journal, each move, each removal, each
    folder, the journal's and the staging folder's removal): every file of the live site is
    whole, old or new; the next build's recovery leaves exactly the old site (killed before
    the journal was in place) or exactly the new one (after), and no debris."""
    from sitegen.write import SiteWriter, recover

    outcomes = []
    for kill_at in range(1, 100):
        root = tmp_path / str(kill_at)
        root.mkdir()
        out = root / "site"
        with SiteWriter(out) as writer:
            for path, content in OLD.items():
                writer.write(Page(path, content))
        status = _update_killed_at(out, writer.files, kill_at)
        assert status in (0, 9)
        for rel, data in _files(out).items():
            assert data in (OLD.get(rel), NEW.get(rel)), rel  # whole: one or the other
        journal_left = (root / ".site.journal").exists()
        recover(out)
        after = _files(out)
        assert after in (OLD, NEW)
        if journal_left:
            assert after == NEW
        assert _dirs(out) == ({"a", "gone"} if after == OLD else {"a", "b", "b/c"})
        assert sorted(p.name for p in root.iterdir()) == ["site"]
        outcomes.append("new" if after == NEW else "old")
        if status == 0:
            break
    assert status == 0, "the update never finished"
    assert outcomes[0] == "old" and outcomes[-1] == "new" and "new" in outcomes[:-1]
