"""A made-up world: five kinds of text generated from templates (learns in 30 s).

Kept beside the library of real books for the 30-second demo, and always named as
made up: its word neighbours come from the slot tables in ``templates``.
"""

from engine.corpus.made_up.generator import MADE_UP_SOURCES, generate_source, made_up_corpus
from engine.corpus.made_up.templates import SLOTS, TEMPLATES

__all__ = ["MADE_UP_SOURCES", "SLOTS", "TEMPLATES", "generate_source", "made_up_corpus"]
