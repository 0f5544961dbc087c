"""The Jinja2 environment the site's templates render in, compiled code kept per process,
and the memoised macros that pages call many times with the same arguments."""
from __future__ import annotations

import functools
import re
import traceback
from pathlib import Path

from jinja2 import (BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateError,
                    select_autoescape)
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

from .strings import install as install_strings


class _CompiledTemplates(BytecodeCache):
    """Compiled template code, kept in this process for every environment that
    ``make_environment`` makes (all have the same options, which the code depends on).
    One entry per template file, with a checksum of the source it was compiled from: an
    edited template is compiled again and replaces its entry (``sitegen serve`` rebuilds in
    one process). Forked workers inherit the entries."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, object]] = {}  # bucket key -> (source checksum, code)
        self.used: set[str] = set()  # the keys looked up (``prepare`` stores those)
        self.shared: Path | None = None  # while ``prepare`` runs: the user's cache of compiled code

    def load_bytecode(self, bucket) -> None:
        self.used.add(bucket.key)
        found = self.codes.get(bucket.key)
        if (found is None or found[0] != bucket.checksum) and self.shared is not None:
            code = _read_shared(self.shared, bucket.key, bucket.checksum)
            if code is not None:
                found = self.codes[bucket.key] = (bucket.checksum, code)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket) -> None:
        self.codes[bucket.key] = (bucket.checksum, bucket.code)
        if self.shared is not None:
            _write_shared(self.shared, bucket.key, bucket.checksum, bucket.code)


# Compiled code in the user's cache (``sitegen.installed.cache_dir()/templates``), one file
# per (this module's ``_code_version``, template file, checksum of its source): what a
# template compiles to is a function of exactly those, so an entry can never be out of date —
# an edited template has another checksum and is compiled afresh, like Python's own
# ``__pycache__``. It is not the site's state (that stays in the build's cache folder), and a
# cold build of the same templates is as cold as before in every other way: it only skips
# compiling them (~0.09-0.14 s). A damaged entry fails its digest and is compiled again.
def _shared_path(shared: Path, key: str, checksum: str) -> Path:
    import hashlib

    name = hashlib.sha256(b"\0".join([_code_version(), key.encode(), checksum.encode()])).hexdigest()[:40]
    return shared / f"{name}.marshal"


def _read_shared(shared: Path, key: str, checksum: str):
    import hashlib
    import marshal

    try:
        data = _shared_path(shared, key, checksum).read_bytes()
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return None
        return marshal.loads(data[32:])
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_shared(shared: Path, key: str, checksum: str, code) -> None:
    import hashlib
    import marshal

    from sitegen.atomic import atomic_write_bytes

    payload = marshal.dumps(code)
    try:
        shared.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(_shared_path(shared, key, checksum), hashlib.sha256(payload).digest() + payload,
                           durable=False)
    except OSError:
        pass  # a cache that cannot be written: compiled again next time


_COMPILED = _CompiledTemplates()


#: Where ``prepare`` keeps the compiled templates between builds, in the build's cache folder.
CODE_FILE = "templates-code.marshal"


@functools.lru_cache(maxsize=1)
def _code_version() -> bytes:
    """What compiled template code depends on besides each template's source (which Jinja
    checks itself): this Python and Jinja, and the environment's options and filters (this
    module and ``strings``)."""
    import hashlib
    import sys

    import jinja2

    here = Path(__file__).parent
    return hashlib.sha256(b"\0".join([sys.version.encode(), jinja2.__version__.encode(),
                                       (here / "templating.py").read_bytes(), (here / "strings.py").read_bytes()])
                          ).digest()


def _load_compiled(cache_dir: Path) -> dict:
    """The compiled templates the last build kept ({} when none, foreign or damaged)."""
    import marshal

    try:
        version, codes = marshal.loads((cache_dir / CODE_FILE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if version != _code_version() or not isinstance(codes, dict):
        return {}
    return codes


def prepare(templates_dir: Path, cache_dir: Path | None = None) -> None:
    """Compile the templates now (~0.09 s), e.g. while the seeds are parsed: renderers
    made later in this process, and their forked workers, then find them compiled. A
    template that does not compile is left for the render to report. With ``cache_dir``
    (the build's cache folder), the code compiled by the last build is taken from there
    (~2 ms) for every template whose source is unchanged, and what was compiled anew is
    stored for the next build. A template that folder lacks is taken from the user's cache
    when the same source was compiled before (``_shared_path``), else compiled and put
    there."""
    import marshal

    from sitegen.atomic import atomic_write_bytes

    from sitegen.installed import cache_dir as user_cache

    kept = _load_compiled(cache_dir) if cache_dir is not None else {}
    for key, entry in kept.items():
        _COMPILED.codes.setdefault(key, entry)
    _COMPILED.used.clear()
    env = make_environment(Path(templates_dir))
    _COMPILED.shared = user_cache() / "templates"  # a template new to this site's cache: compiled before?
    try:
        for name in env.list_templates(extensions=("html", "xml")):
            try:
                env.get_template(name)
            except Exception:  # noqa: BLE001, S112 - reported, with its location, when it is rendered
                continue
    finally:
        _COMPILED.shared = None
    used = {key: _COMPILED.codes[key] for key in _COMPILED.used if key in _COMPILED.codes}
    if cache_dir is not None and used != kept and cache_dir.is_dir():
        atomic_write_bytes(cache_dir / CODE_FILE, marshal.dumps((_code_version(), used)), durable=False)


class TemplateRenderError(ValueError):
    """A template failed to compile or to render: the message names the template file, its line
    and the page being made, and the CLI prints it without a traceback."""


def render_error(exc: TemplateError, templates_dir: Path, page: str) -> TemplateRenderError:
    """``exc`` located: ``templates/article.html:12: 'x' is undefined (rendering a/b.html)``.
    A syntax error carries its file and line; a failure while rendering is located by the
    innermost frame of the traceback that runs a template file (Jinja maps those frames back
    to template lines)."""
    where = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if where[1] is None:
        root = str(Path(templates_dir).resolve())
        frames = [(f.f_code.co_filename, n) for f, n in traceback.walk_tb(exc.__traceback__)]
        where = next(((f, n) for f, n in reversed(frames) if f.startswith(root)), (None, None))
    name, line = where
    shown = Path(name).name if name else "?"
    place = f"{Path(templates_dir).name}/{shown}" + (f":{line}" if line else "")
    return TemplateRenderError(f"{place}: {exc.message or type(exc).__name__} (rendering {page})")


_NEEDS_ESCAPE = re.compile("[&<>\"']").search


def escape_output(value) -> str:
    """What ``{{ value }}`` writes into a page: ``markupsafe.escape(value)``'s text, without
    its ``Markup`` wrapping where that would be thrown away. Jinja joins a template's output
    into a plain string (a macro's or a ``{% set %}`` block's, then marked safe as a whole),
    so only the characters count. Plain text with nothing to escape (``root``, links, most
    names) is written as it is, and what is already ``Markup`` (macros' and ``tr``'s output)
    as it is: ``escape`` made a new ``Markup`` of either in Python code, two or three calls
    each, ~120 times an article page."""
    kind = type(value)
    if kind is Markup or (kind is str and not _NEEDS_ESCAPE(value)):
        return value
    return escape(value)


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``{{ … }}`` escaped by ``escape_output`` in autoescaped
    templates (the output is the same; see there)."""

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write("environment.escape_output(")
        else:
            super()._output_child_pre(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_output)

    def make_globals(self, d):
        """A template's globals: the environment's and ``d`` in a plain dict. Jinja's default, a
        ``ChainMap`` that follows later changes to the environment's globals, is slow to read:
        every page copies it into its context and compares its keys once per ``{% from %}``
        import (~15 µs an article page). The renderer sets every global before it loads a page
        template (``_Renderer``: the memoised macros, then the template cache emptied)."""
        return {**self.globals, **(d or {})}


def make_environment(templates_dir: Path) -> Environment:
    """Templates are the project's own files; seed text only ever arrives as autoescaped
    data and is never compiled, so no sandbox is needed (it cost ~30% of render time)."""
    env = _Environment(
        loader=FileSystemLoader(str(templates_dir)),
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build: no stat() of the file on every look-up.
        auto_reload=False,
    )
    install_strings(env, templates_dir)
    return env


#: Macros of ``_macros.html`` that pages call many times with the same arguments: an
#: article's card on the index, its theme page and each of its tag pages; its headline in
#: other articles' related and previous/next links. Templates call them as globals, which
#: render each distinct call once per process and reuse the HTML.
MEMOISED_MACROS = ("card", "headline")


def _arg_key(value):
    """A macro argument as part of a memo key: plain values as they are, objects by identity."""
    return value if value is None or isinstance(value, (str, int, float)) else id(value)


def memoised_macros(env: Environment, template: str = "_macros.html",
                    names: tuple[str, ...] = MEMOISED_MACROS) -> dict[str, object]:
    """``{name: memoised macro}`` for the named macros of ``template`` ({} without it).

    A macro's output depends only on its arguments (macros see no page context), so equal
    calls give equal HTML. Objects (entry views) are told apart by identity: the renderer
    keeps them alive while it renders."""
    from jinja2 import TemplateNotFound

    try:
        module = env.get_template(template).module
    except TemplateNotFound:
        return {}
    out = {}
    for name in names:
        macro = getattr(module, name, None)
        if macro is None:
            continue
        cache: dict[tuple, object] = {}

        def memoised(*args, _macro=macro, _cache=cache, **kwargs):
            key = tuple(map(_arg_key, args))
            if kwargs:
                key += tuple(sorted((k, _arg_key(v)) for k, v in kwargs.items()))
            html = _cache.get(key)
            if html is None:
                html = _cache[key] = _macro(*args, **kwargs)
            return html

        out[name] = memoised
    return out
