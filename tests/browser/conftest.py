"""Browser tests: the rendered sample site served under /repo/ on 127.0.0.1, headless Chromium.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the Python package
``selenium``; every test marked ``browser`` is skipped with the reason when one is missing.
"""
from __future__ import annotations

import pytest

from .harness import PREFIX, free_port, make_driver, missing_browser, serve


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    if reason is None:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(base_url, site_dir): the sample site rendered for, and served at, http://127.0.0.1:PORT/repo/."""
    from sitegen.render.sample import write_sample

    port = free_port()
    base = f"http://127.0.0.1:{port}{PREFIX}"
    out = tmp_path_factory.mktemp("site")
    write_sample(out, base)
    httpd = serve(out, port)
    yield base, out
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()
