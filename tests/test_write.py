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


def test_pages_linked_ahead_are_kept_replaced_or_dropped(tmp_path):
    """carry_ahead links the last site's pages into the new tree in a helper: the kept ones
    stay, the rewritten ones are replaced without touching the live site's file (a hard link
    is never written through), the dropped ones go with the folders they leave empty. The
    result is the site that writing without links ahead makes."""
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    old = {"index.html": b"i1", "a/kept.html": b"K", "a/new.html": b"N1", "gone/x.html": b"X",
           "a/gone.html": b"G"}
    write_site([Page(p, c) for p, c in old.items()], out)
    with SiteWriter(out) as writer:
        writer.carry_ahead(old)
        writer.keep(["a/kept.html"])  # waits for the links: every old page is in the new tree now
        writer.write(Page("index.html", b"i2"))
        writer.write(Page("a/new.html", b"N2"))
        writer.write(Page("b/fresh.html", b"F"))
        assert _files(out) == old  # the live site is untouched while the new one is made
        assert writer.count == 4
    writer.wait()
    assert _files(out) == {"index.html": b"i2", "a/kept.html": b"K", "a/new.html": b"N2", "b/fresh.html": b"F"}
    assert _dirs(out) == {"a", "b"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the old tree removed, no debris


def test_links_ahead_tolerate_missing_and_unsafe_paths(tmp_path):
    """A path the last manifest names that is not in the old site (or could leave the tree)
    is not linked; keeping it then fails as it did without links ahead, writing it works."""
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    write_site([Page("a.html", b"A")], out)
    with SiteWriter(out) as writer:
        writer.carry_ahead(["a.html", "missing.html", "../escape.html"])
        writer.write(Page("missing.html", b"M"))
        writer.keep(["a.html"])
    writer.wait()
    assert _files(out) == {"a.html": b"A", "missing.html": b"M"}
    assert not (tmp_path / "escape.html").exists()
    with pytest.raises(OSError):
        with SiteWriter(out) as writer:
            writer.carry_ahead(["a.html", "missing2.html"])
            writer.keep(["a.html", "missing2.html"])
    assert _files(out) == {"a.html": b"A", "missing.html": b"M"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_build_with_links_ahead_leaves_the_last_site(tmp_path):
    from sitegen.write import SiteWriter

    out = tmp_path / "site"
    write_site([Page("index.html", b"good"), Page("a/b.html", b"B")], out)
    with pytest.raises(RuntimeError):
        with SiteWriter(out) as writer:
            writer.carry_ahead(["index.html", "a/b.html"])
            writer.write(Page("index.html", b"half"))
            raise RuntimeError("renderer crashed")
    assert _files(out) == {"index.html": b"good", "a/b.html": b"B"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
