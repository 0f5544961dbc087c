"""A day's new seed on top of an archive (issue 23): existing pages change only where a new
article enters what they show, not because corpus statistics moved."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sitegen.build import build
from sitegen.config import with_overrides
from sitegen.progress import Reporter

DAY = """# 英仙座流星雨迎来极大

8月12日夜间，英仙座流星雨迎来极大，每小时天顶流量可达百颗以上。天文爱好者纷纷来到郊外观测流星。

天文台专家提醒，观测流星雨宜选择远离城市灯光的地方，无需望远镜，用肉眼即可观测。

# 上合组织政党论坛平行分论坛在乌鲁木齐举行

上海合作组织政党论坛平行分论坛在新疆乌鲁木齐举行，来自上合组织国家的政党和政治组织领导人围绕“上海精神”展开深入交流。

与会代表表示，将深化政治互信，推动上合组织可持续发展，为地区和平稳定贡献政党力量。
"""


def _section(html: str, name: str) -> str:
    found = re.search(rf'<(section|p) class="{name}".*?</\1>', html, re.S)
    return found.group(0) if found else ""


def _related(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', _section(html, "related"))


def _pages(config) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (config.out_dir / "articles").glob("*.html")}


def test_a_new_day_changes_existing_pages_only_where_a_newcomer_enters(project):
    build(project, reporter=Reporter(0), build_date=datetime(2026, 1, 1, 6, tzinfo=timezone.utc))
    before = _pages(project)
    seeds = sorted(project.seeds_dir.glob("*.txt"))
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    result = build(project, reporter=Reporter(0), build_date=datetime(2026, 1, 2, 6, tzinfo=timezone.utc))
    after = _pages(project)
    new = sorted(set(after) - set(before))
    assert new == ["zz-day-01.html", "zz-day-02.html"]

    entered = set()
    for name, html in before.items():
        was, now = _related(html), _related(after[name])
        kept = [h for h in now if "zz-day" not in h]
        assert kept == was[:len(kept)], f"{name}: its related articles moved without a new one entering"
        if now != was:
            entered.add(name)
    # the forum report enters the lists of the forum's earlier reports
    assert any(h.endswith("/zz-day-02.html") for name in entered for h in _related(after[name]))

    # Every other page is byte for byte the same, save where it shows the newcomers: a tag
    # it now shares with one, and the link from the last article before the new seed.
    last_before = f"{seeds[-1].stem}-{max(int(n.rsplit('-', 1)[1][:-5]) for n in before if n.startswith(seeds[-1].stem)):02d}.html"
    changed = {n for n in before if after[n] != before[n]}
    tagged = {n for n in before if _section(after[n], "tags") != _section(before[n], "tags")}
    assert changed - entered - tagged - {last_before} == set()
    assert len(changed) < len(before) // 2
    assert result.unchanged > 0


def _files(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_days_incremental_build_equals_a_cold_build_of_the_same_inputs(project, tmp_path):
    """Everything an incremental build takes from the last one (parses, word counts, the
    grouping memo, carried-over pages) gives the site a cold build of the same inputs gives,
    byte for byte."""
    build(project, reporter=Reporter(0), build_date=datetime(2026, 1, 1, 6, tzinfo=timezone.utc))
    (project.seeds_dir / "zz-day.md").write_text(DAY, encoding="utf-8")
    day = datetime(2026, 1, 2, 6, tzinfo=timezone.utc)
    result = build(project, reporter=Reporter(0), build_date=day)
    assert result.unchanged > 0 and result.parsed == 1
    cold = with_overrides(project, out_dir=tmp_path / "cold-site")
    build(cold, reporter=Reporter(0), build_date=day, clean=True)
    incremental, fresh = _files(project.out_dir), _files(cold.out_dir)
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in incremental if incremental[name] != fresh[name]] == []
