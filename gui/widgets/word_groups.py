"""The word groups' colours on the word map (and in its legend).

The groups come with the map's words from the engine (engine/corpus/word_groups.py):
proposed from the books for the library, the generator's slot groups for the made-up
world. Colours go by position: the first group gets the first colour, and so on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui import theme
from gui.i18n import translate

OTHER = "other"
# Okabe-Ito, by name (the high-contrast schemes draw darker or lighter shades of the same
# hues: gui/theme.py); its eighth colour, black, is the ink colour (so it stays visible in
# the dark scheme); grey is for words of no group.
SLOT_COLOURS: tuple[str, ...] = (
    "BLUE", "GREEN", "SKY_BLUE", "PURPLE", "ORANGE", "VERMILLION", "YELLOW", "ink",
)
SLOTS: tuple[str, ...] = tuple(f"slot{i}" for i in range(len(SLOT_COLOURS)))  # the map's layers

# The made-up world's group names (engine/corpus/lexicon.py) are interface text; the
# library's are two of the group's own words ("north, south") and are shown as they are.
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


def slot_of(group: str, order: Sequence[str]) -> str:
    """The map layer of a group: its position in `order` (OTHER for none or past eight)."""
    if group != OTHER and group in order:
        index = list(order).index(group)
        if index < len(SLOTS):
            return SLOTS[index]
    return OTHER


def slot_colour(slot: str) -> str:
    """The colour of a map layer now (hex)."""
    if slot in SLOTS:
        colour = SLOT_COLOURS[SLOTS.index(slot)]
        return theme.TEXT if colour == "ink" else theme.palette_colour(colour)
    return theme.GREY


def group_colour(group: str, order: Sequence[str]) -> str:
    """The colour of a word group among the groups `order` (hex)."""
    return slot_colour(slot_of(group, order))


LAYERS: tuple[str, ...] = (*SLOTS, OTHER)  # drawing order, the grey words last
