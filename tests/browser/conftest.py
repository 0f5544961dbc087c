"""Browser tests: the rendered sample site served under /repo/ on 127.0.0.1, headless Chromium.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the Python package
``selenium``; every test marked ``browser`` is skipped with the reason when one is missing —
and fails under ``CI=true``, where ``.ci/run`` installs them.
"""
from __future__ import annotations

import pytest

from clients import copy_of_the_project, in_ci

from .harness import PREFIX, free_port, make_driver, missing_browser, serve


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    if reason is None or in_ci():  # CI installs the browser: without it, the tests fail
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _browser_present_in_ci(request):
    if in_ci() and "browser" in request.keywords and missing_browser():
        pytest.fail(f"{missing_browser()}; CI=true, so this is a failure (.ci/run installs it)", pytrace=False)


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
def built_site(tmp_path_factory):
    """(base_url, site_dir): the repository's own seeds built (no translation model, an empty
    memory and history) for, and served at, http://127.0.0.1:PORT/repo/."""
    from sitegen.build import build
    from sitegen.progress import Reporter

    port = free_port()
    base = f"http://127.0.0.1:{port}{PREFIX}"
    config = copy_of_the_project(tmp_path_factory.mktemp("built"), base)
    build(config, reporter=Reporter(0))
    httpd = serve(config.out_dir, port)
    yield base, config.out_dir
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()
