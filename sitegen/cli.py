"""Command line: ``sitegen build | parse | models | check | serve``."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sitegen import __version__


DESCRIPTION = """\
Turn Chinese newspaper-page text dumps (seeds/) into a bilingual Chinese → English digest:
a static site for GitHub Pages, translated offline with Argos Translate."""

EPILOG = """\
examples:
  sitegen build                   build seeds/ into site/ (only what changed)
  sitegen serve                   preview at http://127.0.0.1:8000/, rebuilding on change
  sitegen check                   broken links, parser warnings, texts awaiting translation
  sitegen models install          install the zh→en translation model (needs network)

exit status:
  0    success
  1    the command failed: bad input or environment (a seed, the config, a template,
       the translation memory, no network), or `check` found errors
  2    usage error: unknown command or option, missing or malformed argument
  130  interrupted (Ctrl-C)

`sitegen COMMAND --help` shows a command's options and examples."""


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _command(sub, name: str, help: str, description: str, *examples: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help, description=description, epilog=_examples(*examples),
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="path to sitegen.toml (default: ./sitegen.toml if present)")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    p.add_argument("-v", "--verbose", action="store_true", help="more detail")


def _make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}",
                        help="print sitegen's version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = _command(sub, "build", "build the site from the seeds",
                 "Parse the seeds, group the articles by theme, translate headlines and leads (from\n"
                 "translations/memory.json, else with the installed Argos model) and write the site.\n"
                 "Only what changed is redone; the new site replaces the old one atomically.",
                 "sitegen build", "sitegen build -o public --base-url https://user.github.io/repo/",
                 "sitegen build --clean --strict      # full rebuild; fail if any text awaits translation")
    _common(b)
    b.add_argument("--seeds", type=Path, help="seed directory (default: seeds/)")
    b.add_argument("-o", "--out", type=Path, help="output directory (default: site/)")
    b.add_argument("--base-url", help="published root URL, e.g. https://user.github.io/repo/")
    b.add_argument("--strict", action="store_true", help="fail when texts await translation")
    b.add_argument("--retranslate", action="store_true",
                   help="refresh unreviewed translations made by another model version")
    b.add_argument("--clean", action="store_true", help="ignore the incremental-build state; rebuild everything")
    b.add_argument("--summary", type=Path, metavar="FILE",
                   help="append a Markdown summary (texts translated, from memory, pending) to FILE, "
                        "e.g. $GITHUB_STEP_SUMMARY")

    p = _command(sub, "parse", "parse seed files and print the articles",
                 "Show what the parser makes of seed files: one line per article (headline, first line,\n"
                 "paragraphs), or everything as JSON. Nothing is written. --explain shows why: the tables\n"
                 "the parser decided by, to see where a correction is needed.",
                 "sitegen parse seeds/000_d20dbdfb6ad6e3c6.txt", "sitegen parse seeds/*.txt --json > parsed.json",
                 "sitegen parse seeds/000_d20dbdfb6ad6e3c6.txt --explain")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="seed files (*.txt, *.md)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print JSON {articles, leftovers} (default: a summary)")
    shown.add_argument("--explain", action="store_true",
                       help="before the summary, print each page's decision tables: each headline's score "
                            "against each body it could head (* = kept by the score, + = by a later rule), "
                            "the cohesion at each place in a body where an article may start (CUT = one "
                            "does), and each article's doubts (the parser's own reading, before corrections)")
    p.add_argument("--no-corrections", action="store_true",
                   help="ignore ./corrections.toml (show what the parser alone finds)")

    _add_models(sub)
    _add_check(sub)
    _add_serve(sub)
    return parser


def _add_models(sub) -> None:
    m = _command(sub, "models", "manage the Argos zh→en translation model",
                 "Install the Argos Translate zh→en package builds translate with, or list what is\n"
                 "installed (ARGOS_PACKAGES_DIR, else ~/.local/share/argos-translate/packages).",
                 "sitegen models install --version 1.9", "sitegen models install --file translate-zh_en-1_9.argosmodel",
                 "sitegen models list")
    msub = m.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    mi = _command(msub, "install", "install the zh→en package (from the Argos index, or --file)",
                  "Download the zh→en package from the Argos package index (the newest, or --version)\n"
                  "and install it; without network, install a downloaded .argosmodel with --file.",
                  "sitegen models install", "sitegen models install --version 1.9",
                  "sitegen models install --file translate-zh_en-1_9.argosmodel")
    mi.add_argument("--file", type=Path, help="a local .argosmodel file")
    mi.add_argument("--version", dest="model_version", metavar="VERSION",
                    help="the package version to install, e.g. 1.9 (default: the newest in the index)")
    ml = _command(msub, "list", "show installed translation packages",
                  "List the installed Argos translation packages (name, version, languages, folder).",
                  "sitegen models list", "sitegen models list --for-build   # e.g. translate-zh_en 1.9")
    ml.add_argument("--for-build", action="store_true",
                    help="print only the zh→en package a build uses, as NAME VERSION; exit 1 if none")


def _add_check(sub) -> None:
    c = _command(sub, "check", "check the built site and the inputs",
                 "Look over the inputs and the built site: unreadable seeds and parser warnings first,\n"
                 "then broken internal links, missing article pages, articles without a headline and\n"
                 "texts awaiting translation. One finding per line (file:line: level: message).\n"
                 "Exit status 1 if there is an error.",
                 "sitegen check", "sitegen check -v          # list every text awaiting translation",
                 "sitegen check --strict    # pending texts and missing headlines are errors")
    _common(c)
    c.add_argument("-o", "--out", type=Path, help="built site to check (default: site/)")
    c.add_argument("--seeds", type=Path, help="seed directory (default: seeds/)")
    c.add_argument("--strict", action="store_true", help="texts awaiting translation and missing headlines are errors")


def _add_serve(sub) -> None:
    s = _command(sub, "serve", "preview the site locally, rebuilding on change",
                 "Build once, serve the site, and rebuild whenever a seed, template, static file or\n"
                 "setting changes; open pages reload themselves. Ctrl-C stops it.",
                 "sitegen serve", "sitegen serve -p 8080",
                 "sitegen serve --bind 0.0.0.0   # reachable from other machines on the network")
    _common(s)
    s.add_argument("-p", "--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    s.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("-o", "--out", type=Path, help="output directory (default: site/)")
    s.add_argument("--seeds", type=Path, help="seed directory (default: seeds/)")


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

    config = _config(args)
    result = build(config, strict=args.strict, retranslate=args.retranslate,
                   clean=args.clean, reporter=_reporter(args))
    if args.summary:
        from sitegen.summary import append_summary, summary_markdown

        append_summary(args.summary, summary_markdown(result, config.out_dir))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from sitegen.corrections import Corrections, load_corrections
    from sitegen.parse import explain_seed, parse_seed
    from sitegen.parse.explain_text import format_page
    from sitegen.seeds import read_seeds

    corrections = Corrections() if args.no_corrections else load_corrections(Path.cwd())
    seed_set = read_seeds(list(args.files))
    for warning in seed_set.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    articles, leftovers = [], []
    for seed in seed_set.seeds:
        if args.explain:
            result, tables = explain_seed(seed, corrections.for_seed(seed.name))
            print(format_page(tables))
        else:
            result = parse_seed(seed, corrections.for_seed(seed.name))
        articles += [a.to_json() for a in result.articles]
        leftovers += [left.to_json() for left in result.leftovers]
        for w in result.warnings:
            print(f"note: {w}", file=sys.stderr)
    if args.json:
        json.dump({"articles": articles, "leftovers": leftovers}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for a in articles:
            corrected = "  (corrected: " + "; ".join(a["corrections"]) + ")" if a["corrections"] else ""
            print(f"{a['seed']}:{a['line']}  {a['headline'] or '(no headline)'}  "
                  f"[{_count(len(a['paragraphs']), 'paragraph')}]{corrected}")
            for doubt in a["doubts"]:
                print(f"    doubt: {doubt}")
        print(f"{_count(len(articles), 'article')}, {_count(len(leftovers), 'leftover')}")
    return 0


def _count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_models(args: argparse.Namespace) -> int:
    from sitegen.translate import models

    if args.models_command == "install":
        if args.file:
            installed = models.install_from_file(args.file, version=args.model_version)
        else:
            installed = models.install_from_index(progress=sys.stderr.isatty(), version=args.model_version)
        print(f"installed {installed}")
        return 0
    if args.for_build:
        from sitegen.translate.engine import find_package, package_name

        pkg = find_package()
        if pkg is None:
            print("no zh→en translation package installed", file=sys.stderr)
            return 1
        print(f"{package_name(pkg)} {pkg.package_version}")
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

    return serve(_config(args), port=args.port, reporter=_reporter(args), config_file=args.config, host=args.bind)


COMMANDS = {"build": cmd_build, "parse": cmd_parse, "models": cmd_models, "check": cmd_check, "serve": cmd_serve}


def _known_errors() -> tuple[type[BaseException], ...]:
    """Errors that carry a user-facing message (file, line, key): printed without a traceback."""
    from sitegen.build import BuildError
    from sitegen.config import ConfigError
    from sitegen.corrections import CorrectionError
    from sitegen.group.taxonomy import TaxonomyError
    from sitegen.render.templating import TemplateRenderError
    from sitegen.seeds import SeedError
    from sitegen.translate.memory import TranslationMemoryError
    from sitegen.translate.models import ModelInstallError
    from sitegen.translate.service import TranslationUnavailable
    from sitegen.write import WriteError

    return (BuildError, ConfigError, CorrectionError, SeedError, TaxonomyError, TranslationMemoryError,
            ModelInstallError, TemplateRenderError, TranslationUnavailable, WriteError)


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
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
