"""The Embeddings panel's words about its map: the status notes, the moment and the hover."""

from __future__ import annotations

import html

from engine.pretraining.projection import cosine_neighbours
from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import WORD_GROUPS, shown
from gui.panels.pretraining.numbers import decimal, integer


def map_notes(history, method: str, shown_method: str, frame, words_note: str = "") -> list[str]:
    """What the status line under the map says: the chosen map style versus the one shown.

    `words_note`: the first note when a frame is shown (how many words, what to do).
    """
    notes = []
    state = history.umap_state
    if method == "umap" and shown_method == "pca":
        if state == "warming":
            notes.append(translate("EmbeddingsPanel", "The detailed map (UMAP) is getting ready; "
                                   "this is the quick one (PCA) meanwhile."))
        elif state == "unavailable" or history.last_problem:
            notes.append(history.last_problem or translate(
                "EmbeddingsPanel", "The detailed map (UMAP) is not available; this is the quick "
                "one (PCA)."))
        else:
            notes.append(translate("EmbeddingsPanel", "Drawing the detailed map (UMAP)…"))
    elif history.last_problem and method == "umap":
        latest = history.latest()
        if latest is not None and latest.umap is None:
            notes.append(history.last_problem)
    if frame is not None and words_note:
        notes.insert(0, words_note)
    return notes


def notes_html(notes: list[str]) -> str:
    return "  ·  ".join(notes[:1]) + ("<br>" + "<br>".join(notes[1:]) if len(notes) > 1 else "")


def moment_text(snap, live: bool) -> str:
    """When the shown map was taken: tokens read and the training step."""
    thousands = integer(round(snap.tokens_seen / 1000))
    if live:
        text = translate("EmbeddingsPanel", "Now: {thousands} k tokens read")
    else:
        text = translate("EmbeddingsPanel", "Back then: {thousands} k tokens read")
    text = text.format(thousands=thousands)
    if snap.step:
        text += translate("EmbeddingsPanel", " · step {step}").format(step=integer(snap.step))
    return text


def hover_text(snap, i: int) -> str:
    """The tip over point `i`: the word, its group and its five nearest words (cosine)."""
    found = cosine_neighbours(snap, snap.words[i], 5)
    near = ", ".join(f"{snap.words[j]} {decimal(s, 2)}" for j, s in found)
    group = snap.groups[i]
    if group == "other":
        kind = translate("EmbeddingsPanel", "no group")
    else:
        kind = translate("EmbeddingsPanel", "group: {group}").format(group=shown(WORD_GROUPS, group))
    nearest = translate("EmbeddingsPanel", "nearest (cosine): {words}").format(words=html.escape(near))
    return (f"<b style='font-size:{theme.BASE_PT}pt'>{html.escape(snap.words[i])}</b> "
            f"({kind})<br>{nearest}")


def build_moment_text(snap) -> str:
    """When a frame saved while the shipped model was built was taken."""
    return translate("EmbeddingsPanel", "While the shipped model was built: step {step} · "
                     "{thousands} k tokens read").format(
        step=integer(snap.step), thousands=integer(round(snap.tokens_seen / 1000)))


def build_umap_note(history, method: str) -> str | None:
    """While the build's detailed maps are still being drawn: how far, and what replays."""
    done, total = history.build_umap_progress()
    if method != "umap" or total == 0 or done >= total:
        return None
    return translate("EmbeddingsPanel", "Detailed maps (UMAP) of how the shipped model's map "
                     "formed: {done} of {total} drawn so far, and the replay shows those. The "
                     "quick map (PCA) replays every moment now.").format(
        done=integer(done), total=integer(total))
