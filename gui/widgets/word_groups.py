"""The word groups' colours on the word map (and in its legend)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from engine.corpus.lexicon import WORD_GROUPS
from gui import theme
from gui.i18n import translate

OTHER = "other"
# Okabe-Ito, by name (the high-contrast schemes draw darker or lighter shades of the same
# hues: gui/theme.py); its eighth colour, black, is the ink colour (so it stays visible in
# the dark scheme); grey is for words of no group.
GROUP_COLOURS: dict[str, str] = {
    "sea & water": "BLUE",
    "weather": "SKY_BLUE",
    "land": "GREEN",
    "royalty": "PURPLE",
    "fruit": "ORANGE",
    "animals": "VERMILLION",
    "body & aches": "YELLOW",
    "people": "ink",
}


# The groups' names (engine/corpus/lexicon.py WORD_GROUPS, and "other") for people.
GROUP_NAMES = (
    QT_TRANSLATE_NOOP("WordGroups", "sea & water"), QT_TRANSLATE_NOOP("WordGroups", "land"),
    QT_TRANSLATE_NOOP("WordGroups", "weather"), QT_TRANSLATE_NOOP("WordGroups", "royalty"),
    QT_TRANSLATE_NOOP("WordGroups", "fruit"), QT_TRANSLATE_NOOP("WordGroups", "animals"),
    QT_TRANSLATE_NOOP("WordGroups", "body & aches"), QT_TRANSLATE_NOOP("WordGroups", "people"),
    QT_TRANSLATE_NOOP("WordGroups", "other"),
)


def group_name(group: str) -> str:
    """A word group's name in the interface's language (a group unknown here as it is)."""
    return translate("WordGroups", group) if group in GROUP_NAMES else group


def group_colour(group: str) -> str:
    """The colour of a word group now (hex)."""
    if group in GROUP_COLOURS:
        colour = GROUP_COLOURS[group]
        return theme.TEXT if colour == "ink" else theme.palette_colour(colour)
    if group == OTHER:
        return theme.GREY
    # A group added to the lexicon later: cycle the palette rather than fail.
    names = [g for g in WORD_GROUPS if g not in GROUP_COLOURS]
    extra = (theme.ORANGE, theme.SKY_BLUE, theme.GREEN, theme.BLUE, theme.VERMILLION, theme.PURPLE)
    return extra[names.index(group) % len(extra)] if group in names else theme.GREY


GROUP_ORDER: tuple[str, ...] = (*WORD_GROUPS, OTHER)
