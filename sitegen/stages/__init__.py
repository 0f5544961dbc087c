"""The build's stages, one module each; ``sitegen/build.py`` runs them in order.

- ``inputs``: what a build reads, fingerprinted (a build whose inputs did not change is skipped);
- ``parse``: seeds -> articles, reusing the parses of unchanged seeds;
- ``grouping``: themes, tags and related articles (``sitegen.group``), with what the last
  build kept (word counts, the grouping memo);
- ``translation``: the texts to translate, in one batch;
- ``glosses``: the reading aid's key terms and gloss files;
- ``assemble``: the renderer's input (``DigestSite``), dated by the article history.

Rendering and writing are ``sitegen.render`` and ``sitegen.write``.
"""


class BuildError(Exception):
    """The build cannot go on; the message says why (file and line where it applies)."""
