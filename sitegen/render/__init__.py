"""Render stage: ``DigestSite`` -> list of ``Page`` (HTML, assets, feeds, data)."""
from .site import render_site

__all__ = ["render_site"]
