"""``sitegen serve``: preview the site on 127.0.0.1, rebuilding and reloading on change.

- Builds once, then serves ``config.out_dir`` at ``http://127.0.0.1:PORT/`` (loopback only).
- Watches the seeds, templates, static files, ``sitegen.toml``, ``corrections.toml``,
  ``themes.toml`` and the dictionary folder by polling modification times (no extra dependency) and rebuilds when
  something changed. A failed rebuild prints the error and the last good site stays up (the
  writer swaps the output directory in only after a complete build).
- Live reload: nothing is injected into the files on disk. HTML is served with a small script
  tag added at response time (``/__sitegen_reload.js``); the script polls ``/__sitegen_reload``,
  which returns the build counter, and reloads the page when the counter moves.
- Ctrl-C stops the server and the watcher.
"""
from __future__ import annotations

import dataclasses
import json
import os
import socket
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from sitegen.config import CONFIG_NAME, Config, ConfigError, load_config
from sitegen.corrections import CORRECTIONS_NAME
from sitegen.progress import Reporter

HOST = "127.0.0.1"
RELOAD_PATH = "/__sitegen_reload"
POLL_SECONDS = 0.5

RELOAD_SCRIPT_PATH = "/__sitegen_reload.js"

# Added before </body> of every HTML response (never to the files on disk). The build counter at
# the time the page was served rides in the query, so a build that finishes between serving the
# page and its first poll still reloads it. An external script, not inline code, so that a
# Content-Security-Policy of script-src 'self' cannot block it.
RELOAD_TAG = '<script src="%(src)s?b=%(build)d"></script>\n'

RELOAD_SCRIPT = """/* sitegen serve: live reload (not part of the built site) */
(function () {
  var seen = Number(new URL(document.currentScript.src).searchParams.get("b"));
  function poll() {
    fetch("%(path)s", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.build !== seen) { location.reload(); return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
""" % {"path": RELOAD_PATH}

Snapshot = dict[str, tuple[int, int]]


def watched_paths(config: Config, config_file: Path | None = None) -> list[Path]:
    """Files and folders whose change triggers a rebuild."""
    from sitegen.pages import PAGES_DIR

    return [
        config.seeds_dir,
        config.templates_dir, config.root / PAGES_DIR,
        config.static_dir,
        config_file or (config.root / CONFIG_NAME),
        config.root / CORRECTIONS_NAME,
        config.themes_path,
        config.dictionary_dir,
    ]


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.endswith("~") or name.endswith(".swp") or name == "__pycache__"


def snapshot(paths: list[Path], exclude: Path | None = None) -> Snapshot:
    """(mtime_ns, size) of every file under ``paths``; missing paths are simply absent."""
    result: Snapshot = {}
    skip = str(exclude.resolve()) if exclude else None

    def add(p: Path) -> None:
        try:
            st = p.stat()
        except OSError:
            return
        result[str(p)] = (st.st_mtime_ns, st.st_size)

    for path in paths:
        if path.is_file():
            add(path)
        elif path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                if skip and (dirpath == skip or dirpath.startswith(skip + os.sep)):
                    dirnames[:] = []
                    continue
                dirnames[:] = [d for d in dirnames if not _ignored(d)]
                for name in filenames:
                    if not _ignored(name):
                        add(Path(dirpath) / name)
    return result


class DevServer:
    """The preview server and its watcher; ``serve()`` runs one until Ctrl-C."""

    def __init__(
        self,
        config: Config,
        port: int = 8000,
        reporter: Reporter | None = None,
        *,
        config_file: Path | None = None,
        poll_seconds: float = POLL_SECONDS,
        build: Callable[..., object] | None = None,
        host: str = HOST,
    ):
        self.host = host
        self.config = config
        self.port = port
        self.reporter = reporter or Reporter()
        self.config_file = config_file or (config.root / CONFIG_NAME)
        self.poll_seconds = poll_seconds
        self._build = build
        self.build_count = 0  # successful builds that changed the site
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._overrides = self._command_line_overrides()

    # ------------------------------------------------------------------ building

    def _paths(self) -> list[Path]:
        return watched_paths(self.config, self.config_file)

    def _command_line_overrides(self) -> dict:
        """Settings that differ from what the config file gives (--seeds, --out, ...)."""
        try:
            from_file = (load_config(self.config_file) if self.config_file.is_file()
                         else Config(root=self.config.root).resolved())
        except ConfigError:
            return {"out_dir": self.config.out_dir}
        overrides = {f.name: getattr(self.config, f.name) for f in dataclasses.fields(Config)
                     if getattr(self.config, f.name) != getattr(from_file, f.name)}
        overrides["out_dir"] = self.config.out_dir  # the served directory never moves
        return overrides

    def _reload_config(self) -> None:
        """Re-read the config file after it changed, keeping the command line's overrides."""
        fresh = (load_config(self.config_file) if self.config_file.is_file()
                 else Config(root=self.config.root).resolved())
        self.config = dataclasses.replace(fresh, **self._overrides)

    def rebuild(self, reload_config: bool = False) -> bool:
        """Build now; True on success. Errors are reported, never raised."""
        with self._lock:
            try:
                if reload_config:
                    self._reload_config()
                build = self._build
                if build is None:
                    from sitegen.build import build
                result = build(self.config, reporter=self.reporter)
            except (Exception, SystemExit) as exc:  # a broken seed/template must not stop the server
                self.last_error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, ConfigError) else str(exc)
                self.reporter.error(f"build failed: {exc}")
                if self.build_count or self.config.out_dir.is_dir():
                    self.reporter.error("still serving the last good site; fix the problem and save to rebuild")
                return False
            self.last_error = None
            if not getattr(result, "skipped", False):
                self.build_count += 1
            self.reporter.info(f"build {self.build_count} done")
            return True

    def _watch(self, before: Snapshot) -> None:
        while not self._stop.wait(self.poll_seconds):
            now = snapshot(self._paths(), exclude=self.config.out_dir)
            if now == before:
                continue
            # Let a burst of saves settle before building.
            while not self._stop.wait(self.poll_seconds):
                settled = snapshot(self._paths(), exclude=self.config.out_dir)
                if settled == now:
                    break
                now = settled
            if self._stop.is_set():
                return
            changed = sorted(set(now.items()) ^ set(before.items()))
            names = sorted({Path(p).name for p, _ in changed})
            self.reporter.info(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}; rebuilding")
            config_changed = str(self.config_file) in {p for p, _ in changed}
            before = now
            self.rebuild(reload_config=config_changed)
            # Rebuilding may have changed the config (and so the watched paths).
            before = snapshot(self._paths(), exclude=self.config.out_dir)

    # ------------------------------------------------------------------ serving

    def _handler(self):
        # The directory is named, not opened: the writer's swap of out_dir is picked up at once.
        return partial(PreviewHandler, dev=self, directory=str(self.config.out_dir))

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._httpd.server_address[1]}/"

    def start(self) -> None:
        """Bind 127.0.0.1:port (0 = any free port), serve, build once, then watch.

        Requests are answered during the first build (with the previous site, if any, whose
        pages reload themselves when the build is done).
        """
        server_class = ThreadingHTTPServer
        if ":" in self.host:  # an IPv6 address
            server_class = type("ThreadingHTTPServer6", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
        self._httpd = server_class((self.host, self.port), self._handler())
        self._httpd.daemon_threads = True
        serve_thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="sitegen-serve", daemon=True)
        self._threads = [serve_thread]
        serve_thread.start()
        # Taken before the first build, so an edit made while it runs still triggers a rebuild.
        before = snapshot(self._paths(), exclude=self.config.out_dir)
        self.rebuild()
        watch_thread = threading.Thread(target=self._watch, args=(before,), name="sitegen-watch", daemon=True)
        self._threads.append(watch_thread)
        watch_thread.start()

    def wait(self) -> None:
        """Block until ``stop()`` (or Ctrl-C in the main thread)."""
        while not self._stop.wait(0.5):
            pass

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for t in self._threads:
            # A build in progress is left to finish in its daemon thread: the writer's swap is
            # atomic, so stopping mid-build never leaves a half-written site.
            t.join(timeout=2)


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages would, adding the live-reload script to HTML."""

    def __init__(self, *args, dev: "DevServer", **kwargs) -> None:
        self.dev = dev  # set first: the stdlib handles the request inside __init__
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        self.dev.reporter.detail(f"{self.address_string()} {format % args}")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _site_file(self) -> Path | None:
        """The HTML file this request maps to, if it is one (None otherwise)."""
        path = unquote(urlsplit(self.path).path)
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                return None  # let the stdlib redirect to the slash form
            local = local / "index.html"
        if local.suffix.lower() in (".html", ".htm") and local.is_file():
            return local
        return None

    def _send_html(self, file: Path, status: HTTPStatus, head_only: bool) -> None:
        body = file.read_bytes()
        script = (RELOAD_TAG % {"src": RELOAD_SCRIPT_PATH, "build": self.dev.build_count}).encode()
        marker = body.lower().rfind(b"</body>")
        body = body[:marker] + script + body[marker:] if marker >= 0 else body + script
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _send_bytes(self, payload: bytes, content_type: str, head_only: bool) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if not head_only:
            self.wfile.write(payload)

    def _serve(self, head_only: bool) -> None:
        path = urlsplit(self.path).path
        if path == RELOAD_PATH:
            payload = json.dumps({"build": self.dev.build_count, "error": self.dev.last_error}).encode()
            self._send_bytes(payload, "application/json", head_only)
            return
        if path == RELOAD_SCRIPT_PATH:
            self._send_bytes(RELOAD_SCRIPT.encode(), "text/javascript; charset=utf-8", head_only)
            return
        html = self._site_file()
        if html is not None:
            self._send_html(html, HTTPStatus.OK, head_only)
            return
        local = Path(self.translate_path(self.path))
        not_found = Path(self.directory) / "404.html"
        if not local.exists() and not_found.is_file():
            self._send_html(not_found, HTTPStatus.NOT_FOUND, head_only)  # as GitHub Pages does
            return
        if head_only:
            super().do_HEAD()
        else:
            super().do_GET()

    def do_GET(self) -> None:
        try:
            self._serve(head_only=False)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self) -> None:
        try:
            self._serve(head_only=True)
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(config: Config, port: int, reporter: Reporter, config_file: Path | None = None,
          host: str = HOST) -> int:
    """The ``sitegen serve`` command. Returns 0 after Ctrl-C (130 if during the first build),
    1 if the port can't be bound. ``host``: the address to listen on (``--bind``)."""
    server = DevServer(config, port, reporter, config_file=config_file, host=host)
    try:
        server.start()
    except OSError as exc:  # only binding raises: build errors are reported and survived
        reporter.error(f"cannot serve on {host}:{port}: {exc.strerror or exc} (try --port or --bind)")
        server.stop()
        return 1
    except KeyboardInterrupt:  # Ctrl-C during the first build
        print("stopping", flush=True)
        server.stop()
        return 130
    print(f"serving {config.out_dir} at {server.url} (Ctrl-C to stop)", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        server.stop()
    return 0
