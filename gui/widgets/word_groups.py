"""The word groups' colours on the word map (and in its legend).

The groups come with the map's words from the engine (engine/corpus/word_groups.py):
proposed from the books for the library, the generator's slot groups for the made-up
world. Colours go by position: the first group gets the first colour, and so on. (The
made-up world's group names are translated where they are shown: engine_texts.WORD_GROUPS.)
"""

from __future__ import annotations

from collections.abc import Sequence

from gui import theme

OTHER = "other"
# Okabe-Ito, by name (the high-contrast schemes draw darker or lighter shades of the same
# hues: gui/theme.py); its eighth colour, black, is the ink colour (so it stays visible in
# the dark scheme); grey is for words of no group.
SLOT_COLOURS: tuple[str, ...] = (
    "BLUE", "GREEN", "SKY_BLUE", "PURPLE", "ORANGE", "VERMILLION", "YELLOW", "ink",
)
SLOTS: tuple[str, ...] = tuple(f"slot{i}" for i in range(len(SLOT_COLOURS)))  # the map's layers


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
