"""Synthetic diplomatic-meeting articles with gold entity spans and gold briefs.

Example:
    >>> from diplomodel.data.synth import generate, stats
    >>> recs = generate(n=5, seed=13, split="train", data_dir="/nonexistent")
    >>> stats(recs)["records"]
    5
"""
from diplomodel.data.synth.generator import generate, generate_one, stats
from diplomodel.data.synth.templates import template_inventory

__all__ = ["generate", "generate_one", "stats", "template_inventory"]
