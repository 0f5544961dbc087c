"""Render stage: ``DigestSite`` -> list of ``Page`` (HTML, assets, feeds, data)."""
from .site import RenderResult, render_changed, render_site
from .templating import prepare

__all__ = ["RenderResult", "prepare", "render_changed", "render_site"]
