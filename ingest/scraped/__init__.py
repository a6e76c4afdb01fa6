"""Scraped pages saved as text: page chrome (menus, prompts, teasers, footers) told from the
article by the shape of its lines, with a small phrase list as a fallback."""

from ingest.scraped.boilerplate import CleanedText, clean_scraped_text

__all__ = ["CleanedText", "clean_scraped_text"]
