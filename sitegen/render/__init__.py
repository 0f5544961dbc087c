"""Render stage: ``DigestSite`` -> list of ``Page`` (HTML, assets, feeds, data)."""
from .site import RenderResult, prepare, render_changed, render_site

__all__ = ["RenderResult", "prepare", "render_changed", "render_site"]
