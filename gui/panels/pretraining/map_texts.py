"""The Embeddings panel's words about its map: the status notes, the moment and the hover."""

from __future__ import annotations

import html

from engine.pretraining.projection import cosine_neighbours
from gui import theme


def map_notes(history, method: str, shown_method: str, frame) -> list[str]:
    """What the status line under the map says: the chosen map style versus the one shown."""
    notes = []
    state = history.umap_state
    if method == "umap" and shown_method == "pca":
        if state == "warming":
            notes.append("The detailed map (UMAP) is getting ready; this is the quick one "
                         "(PCA) meanwhile.")
        elif state == "unavailable" or history.last_problem:
            notes.append(history.last_problem or "The detailed map (UMAP) is not "
                         "available; this is the quick one (PCA).")
        else:
            notes.append("Drawing the detailed map (UMAP)…")
    elif history.last_problem and method == "umap":
        latest = history.latest()
        if latest is not None and latest.umap is None:
            notes.append(history.last_problem)
    if frame is not None:
        n = len(frame.snapshot)
        notes.insert(0, f"{n:,} words · hover a point for its nearest words, click it to find it")
    return notes


def notes_html(notes: list[str]) -> str:
    return "  ·  ".join(notes[:1]) + ("<br>" + "<br>".join(notes[1:]) if len(notes) > 1 else "")


def moment_text(snap, live: bool) -> str:
    """When the shown map was taken: tokens read and the training step."""
    text = f"{'Now' if live else 'Back then'}: {snap.tokens_seen / 1000:,.0f} k tokens read"
    if snap.step:
        text += f" · step {snap.step:,}"
    return text


def hover_text(snap, i: int) -> str:
    """The tip over point `i`: the word, its group and its five nearest words (cosine)."""
    found = cosine_neighbours(snap, snap.words[i], 5)
    near = ", ".join(f"{snap.words[j]} {s:.2f}" for j, s in found)
    group = snap.groups[i]
    kind = "no group" if group == "other" else f"group: {group}"
    return (f"<b style='font-size:{theme.BASE_PT}pt'>{html.escape(snap.words[i])}</b> "
            f"({kind})<br>nearest (cosine): {html.escape(near)}")
