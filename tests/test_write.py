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
