"""sitegen: turn Chinese newspaper-page text dumps into a bilingual static digest."""

__version__ = "0.1.0"
