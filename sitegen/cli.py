"""Command line: ``sitegen build | parse | models | check | serve``."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sitegen import __version__


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="path to sitegen.toml (default: ./sitegen.toml if present)")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    p.add_argument("-v", "--verbose", action="store_true", help="more detail")


def _make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the site from the seeds")
    _common(b)
    b.add_argument("--seeds", type=Path, help="seed directory (default: seeds/)")
    b.add_argument("--out", type=Path, help="output directory (default: site/)")
    b.add_argument("--base-url", help="published root URL, e.g. https://user.github.io/repo/")
    b.add_argument("--strict", action="store_true", help="fail when texts await translation")
    b.add_argument("--retranslate", action="store_true",
                   help="refresh unreviewed translations made by another model version")
    b.add_argument("--clean", action="store_true", help="ignore the incremental-build state; rebuild everything")

    p = sub.add_parser("parse", help="parse seed files and print the articles")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON {articles, leftovers} (default: a summary)")

    m = sub.add_parser("models", help="manage the Argos zh→en translation model")
    msub = m.add_subparsers(dest="models_command", required=True)
    mi = msub.add_parser("install", help="install the zh→en package (from the Argos index, or --file)")
    mi.add_argument("--file", type=Path, help="a local .argosmodel file")
    msub.add_parser("list", help="show installed translation packages")

    c = sub.add_parser("check", help="check the built site and the inputs")
    _common(c)
    c.add_argument("--out", type=Path, help="built site to check (default: site/)")
    c.add_argument("--seeds", type=Path)
    c.add_argument("--strict", action="store_true", help="texts awaiting translation and missing headlines are errors")

    s = sub.add_parser("serve", help="preview the site on 127.0.0.1, rebuilding on change")
    _common(s)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--out", type=Path)
    s.add_argument("--seeds", type=Path)
    return parser


def _config(args: argparse.Namespace):
    from sitegen.config import load_config, with_overrides

    config = load_config(args.config)
    return with_overrides(
        config,
        seeds_dir=getattr(args, "seeds", None),
        out_dir=getattr(args, "out", None),
        base_url=getattr(args, "base_url", None),
    )


def _reporter(args: argparse.Namespace):
    from sitegen.progress import Reporter

    return Reporter(0 if args.quiet else 2 if args.verbose else 1)


def cmd_build(args: argparse.Namespace) -> int:
    from sitegen.build import build

    result = build(_config(args), strict=args.strict, retranslate=args.retranslate,
                   clean=args.clean, reporter=_reporter(args))
    return 0 if result is not None else 1


def cmd_parse(args: argparse.Namespace) -> int:
    from sitegen.parse import parse_seed
    from sitegen.seeds import read_seeds

    seed_set = read_seeds(list(args.files))
    for warning in seed_set.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    articles, leftovers = [], []
    for seed in seed_set.seeds:
        result = parse_seed(seed)
        articles += [a.to_json() for a in result.articles]
        leftovers += [left.to_json() for left in result.leftovers]
        for w in result.warnings:
            print(f"note: {w}", file=sys.stderr)
    if args.json:
        json.dump({"articles": articles, "leftovers": leftovers}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for a in articles:
            print(f"{a['seed']}:{a['line']}  {a['headline'] or '(no headline)'}  [{len(a['paragraphs'])} paragraphs]")
            for doubt in a["doubts"]:
                print(f"    doubt: {doubt}")
        print(f"{len(articles)} articles, {len(leftovers)} leftovers")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from sitegen.translate import models

    if args.models_command == "install":
        if args.file:
            installed = models.install_from_file(args.file)
        else:
            installed = models.install_from_index(progress=sys.stderr.isatty())
        print(f"installed {installed}")
        return 0
    rows = models.list_installed()
    from argostranslate import settings as argos_settings

    where = ", ".join(str(d) for d in argos_settings.package_dirs)
    if not rows:
        print(f"no translation packages installed in {where} (run: sitegen models install)")
    for row in rows:
        print(row)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sitegen.check import run_check

    return run_check(_config(args), reporter=_reporter(args), strict=args.strict or None)


def cmd_serve(args: argparse.Namespace) -> int:
    from sitegen.serve import serve

    return serve(_config(args), port=args.port, reporter=_reporter(args), config_file=args.config)


COMMANDS = {"build": cmd_build, "parse": cmd_parse, "models": cmd_models, "check": cmd_check, "serve": cmd_serve}


def _known_errors() -> tuple[type[BaseException], ...]:
    """Errors that carry a user-facing message (file, line, key): printed without a traceback."""
    from sitegen.build import BuildError
    from sitegen.config import ConfigError
    from sitegen.group.taxonomy import TaxonomyError
    from sitegen.seeds import SeedError
    from sitegen.translate.memory import TranslationMemoryError
    from sitegen.translate.models import ModelInstallError
    from sitegen.translate.service import TranslationUnavailable
    from sitegen.write import WriteError

    return (BuildError, ConfigError, SeedError, TaxonomyError, TranslationMemoryError,
            ModelInstallError, TranslationUnavailable, WriteError)


def run() -> None:
    """Console entry point (``sitegen`` and ``python -m sitegen``): ``main()``, then exit
    without tearing the interpreter down. A build leaves a large heap that Python would free
    object by object (0.1 s at 1,000 articles, 0.4 s at 10,000) and the OS reclaims at once;
    by then every file the command wrote is closed and its worker pools are gone. An
    unexpected exception still propagates (traceback, exit status 1)."""
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    args = _make_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except Exception as exc:
        # The error classes are looked up only when something failed: importing every
        # module that defines one (the translation package, urllib) cost each start ~40 ms.
        if not isinstance(exc, _known_errors()):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
