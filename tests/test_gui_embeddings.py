"""The Embeddings panel: the word map, measured neighbours, live frames, replay, export.

One model is loaded for the whole module (the shipped base checkpoint) and shared by the
in-process engines of the tests. Layouts run in-process with an instant stand-in for
UMAP, except in one test at the end, which runs the real UMAP worker process; that
worker is started when the module starts, so its warm-up overlaps the other tests.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from engine.pretraining.projection import layout_shift, procrustes_align
from gui.bridge.embedding_history import EmbeddingHistory
from gui.bridge.projection_client import InProcessProjector, ProjectionClient
from gui.panels.pretraining.embeddings_panel import EmbeddingsPanel, K

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def umap_client(qapp):
    """The real projection worker, started now so it warms up while other tests run."""
    client = ProjectionClient()
    client.start()
    yield client
    client.shutdown()


@pytest.fixture
def make_panel(qtbot, fresh_session, umap_client):
    """make_panel(projector=None) -> (panel, controller, session), drawn and ready.

    Each panel gets its own engine on the shipped base model (conftest's fresh_session).
    """
    from gui.bridge.controller import Controller, InProcessBackend

    made = []

    def make(projector=None, wait=True):
        controller = Controller(InProcessBackend(fresh_session))
        history = EmbeddingHistory.for_controller(controller, projector or InProcessProjector())
        with qtbot.waitSignal(controller.modelReady, timeout=60_000):
            controller.start()
        panel = EmbeddingsPanel(controller)
        qtbot.addWidget(panel)
        panel.resize(1100, 640)
        panel.show()
        qtbot.waitExposed(panel)
        made.append((controller, history, panel))
        if wait:
            qtbot.waitUntil(lambda: panel.listing is not None and panel.shown_frame is not None,
                            timeout=60_000)
        return panel, controller, controller.backend.server.session

    yield make
    for controller, history, panel in made:
        panel.shutdown()
        history.shutdown()
        controller.shutdown()


def table_rows(panel):
    t = panel.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_opening_view_shows_sea_and_where_waters_and_ocean_rank_measured(make_panel):
    panel, _, session = make_panel()
    listing = panel.listing
    assert listing.word == "sea" and listing.source == "live"
    direct = session.pretraining.neighbours("sea", K)
    assert [r.word for r in listing.rows] == [n.token.strip() for n in direct]
    verdict = panel.verdict.text()
    # The verdict says where the design's partners rank, or that they are missing: a miss
    # is shown as plainly as a hit.
    from gui.panels.pretraining.neighbours import PARTNERS

    for partner in PARTNERS["sea"]:  # the preset's partners ("waters", and "ocean" on the books)
        found = [r for r in listing.rows if r.word == partner]
        if found:
            r = found[0]
            assert f"#{r.rank}" in verdict and f"“{partner}”" in verdict
            shown = partner if r.on_map else f"{partner} (off the map)"
            assert table_rows(panel)[r.rank - 1] == (str(r.rank), shown, f"{r.similarity:.2f}")
        else:
            assert f"“{partner}”" in verdict and "not among" in verdict
    # The searched word is ringed and labelled on the map, its neighbours too.
    sea = panel.map.words.index("sea")
    assert panel.map.focus == sea
    assert "sea" in panel.map.shown_labels()
    # (the map holds the most frequent words: a neighbour off the map gets no line)
    on_map = [r.word for r in listing.rows if r.on_map]
    assert [panel.map.words[i] for i in panel.map.neighbours] == on_map


def test_neighbour_list_is_the_engines_cosine_neighbours(qtbot, make_panel):
    panel, _, session = make_panel()
    with qtbot.waitSignal(panel.neighboursShown, timeout=20_000,
                          check_params_cb=lambda listing: listing.word == "king"):
        panel.preset_buttons["king"].click()
    direct = session.pretraining.neighbours("king", K)
    listing = panel.listing
    assert [r.word for r in listing.rows] == [n.token for n in direct]
    assert [r.similarity for r in listing.rows] == pytest.approx([n.similarity for n in direct])
    assert [r.rank for r in listing.rows] == list(range(1, K + 1))
    assert table_rows(panel) == [  # a neighbour outside the map's words is named as such
        (str(r.rank), r.word if r.on_map else f"{r.word} (off the map)", f"{r.similarity:.2f}")
        for r in listing.rows
    ]
    assert [r.word for r in listing.rows] == [n.token for n in direct]
    queen = [r for r in listing.rows if r.word == "queen"]
    assert (f"“queen” is neighbour #{queen[0].rank}" if queen else "“queen” is not among") \
        in panel.verdict.text()


def test_searching_a_word_rings_it_and_draws_lines_to_its_neighbours(qtbot, make_panel):
    panel, _, _ = make_panel()
    panel.search_edit.setText("ship")
    with qtbot.waitSignal(panel.neighboursShown, timeout=20_000,
                          check_params_cb=lambda listing: listing.word == "ship"):
        panel.search_button.click()
    m = panel.map
    ship_i = m.words.index("ship")
    assert m.focus == ship_i
    ring_x, ring_y = m.focus_ring.getData()
    np.testing.assert_allclose([ring_x[0], ring_y[0]], m.coords[ship_i])
    on_map = [r.word for r in panel.listing.rows if r.on_map]
    assert [m.words[i] for i in m.neighbours] == on_map
    xs, ys = m.lines.getData()
    assert len(xs) == 2 * len(on_map)  # one line from "ship" to each neighbour
    np.testing.assert_allclose(xs[1::2], m.coords[m.neighbours, 0])
    qtbot.waitUntil(lambda: "ship" in m.shown_labels(), timeout=5000)  # once the zoom settles
    assert m.zoomed_on and ship_i in m.zoomed_on  # a search zooms in on the word
    assert panel.whole_map_button.isVisible()
    panel.whole_map_button.click()
    assert not m.zoomed_on and not panel.whole_map_button.isVisible()


def test_a_word_that_is_not_one_token_gets_a_reason(qtbot, make_panel):
    panel, _, _ = make_panel()
    with qtbot.waitSignal(panel.neighboursShown, timeout=20_000,
                          check_params_cb=lambda listing: listing.word == "xylophone"):
        panel.search("xylophone")
    assert panel.listing.rows == ()
    assert "not a single token" in panel.verdict.text()
    # Shown as written, quotes and all: no HTML entities on screen (&quot;, &#x27;).
    assert "&quot;" not in panel.verdict.text() and "&#x27;" not in panel.verdict.text()
    assert panel.verdict.textFormat() == panel.verdict.textFormat().PlainText
    assert panel.table.rowCount() == 0
    assert panel.map.focus is None


def _failing_layout(vectors, init=None, seed=0):
    raise RuntimeError("the layout blew up on purpose")


def test_a_failed_projection_says_so_and_keeps_pca(qtbot, make_panel):
    projector = InProcessProjector(layout=_failing_layout)
    with qtbot.waitSignal(projector.layoutFailed, timeout=60_000):
        panel, _, _ = make_panel(projector=projector, wait=False)
    qtbot.waitUntil(lambda: panel.shown_frame is not None, timeout=20_000)
    assert panel.shown_method == "pca"
    assert "PCA" in panel.method_badge.text()
    assert "could not be drawn" in panel.map_status.text()
    assert len(panel.map.coords) == len(panel.history.frames[-1].snapshot)
    assert panel.history.frames[-1].umap is None


def test_export_writes_a_png_and_an_svg(make_panel, tmp_path):
    panel, _, _ = make_panel()
    png = panel.export(tmp_path / "map.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = panel.export(tmp_path / "map.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = [t.text or "" for t in root.iter() if t.tag.endswith("text")]
    labels = [panel.map.words[i] for i in panel.map._shown_labels]
    assert "sea" in labels  # a preset's word is always labelled
    # The labels are text in the drawing, not pixels (they are cached as pixmaps on screen).
    assert "sea" in [t.strip() for t in texts]
    with pytest.raises(ValueError):
        panel.export(tmp_path / "map.jpg")


def test_training_adds_frames_that_replay_and_stay_aligned(qtbot, make_panel):
    panel, controller, session = make_panel()
    history = panel.history
    history._timer.setInterval(300)  # the app's 2.5 s is too slow for a test
    with qtbot.waitSignal(controller.pretraining.trainingStateChanged, timeout=120_000,
                          check_params_cb=lambda s: s == "stopped"):
        controller.pretraining.start_training(from_scratch=False, seed=3, max_steps=12)
    qtbot.waitUntil(lambda: len(history.frames) >= 3
                    and history.frames[-1].snapshot.tokens_seen == session.tokens_seen,
                    timeout=30_000)
    frames = [f for f in history.frames if not f.from_build]  # this session's (see test_shipped_build)
    seen = [f.snapshot.tokens_seen for f in frames]
    assert seen == sorted(seen) and seen[-1] > seen[0]
    # Successive PCA frames are aligned: they move less than unaligned ones would.
    from engine.pretraining.projection import pca_layout

    for before, after in zip(frames, frames[1:], strict=False):
        raw = pca_layout(after.snapshot.vectors)
        assert layout_shift(after.pca, before.pca) <= layout_shift(raw, before.pca) + 1e-9
        np.testing.assert_allclose(after.pca, procrustes_align(raw, before.pca), atol=1e-9)
    # Replay: the first frame, with neighbours measured on that frame's vectors.
    with qtbot.waitSignal(panel.layoutShown, timeout=10_000):
        panel.show_frame(next(i for i in panel.history.frames_with(panel.method)
                              if not panel.history.frames[i].from_build))
    assert not panel.live and panel.listing.source == "replay"
    assert "Back then" in panel.frame_label.text()
    with qtbot.waitSignal(panel.neighboursShown, timeout=20_000,
                          check_params_cb=lambda listing: listing.source == "live"):
        panel.live_button.click()
    assert panel.live and panel.shown_frame == len(history.frames) - 1


def test_projector_fits_one_map_at_a_time_and_keeps_only_the_newest(qtbot):
    projector = InProcessProjector()
    projector.start()
    qtbot.waitUntil(lambda: projector.is_warm, timeout=5_000)
    done = []
    projector.layoutReady.connect(lambda r: done.append(r.job_id))
    rng = np.random.default_rng(0)
    words = tuple(f"w{i}" for i in range(10))
    ids = [projector.submit(words, rng.normal(size=(10, 4))) for _ in range(3)]
    qtbot.waitUntil(lambda: not projector.busy, timeout=5_000)
    assert done == [ids[0], ids[2]]  # the middle one was replaced while the first ran


ORPHAN_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QCoreApplication
    from gui.bridge.projection_client import ProjectionClient
    app = QCoreApplication([])
    client = ProjectionClient(layout_target="gui.bridge.projection_client:_keep_init")
    client.start()
    print(client.pid, flush=True)
    time.sleep(float(sys.argv[1]))
    os.kill(os.getpid(), 9)  # a crash: no clean-up runs
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_projection_worker_exits_when_the_app_crashes():
    script = ORPHAN_SCRIPT.format(root=str(ROOT))
    app = subprocess.Popen([sys.executable, "-c", script, "1.0"], stdout=subprocess.PIPE, text=True)
    worker_pid = int(app.stdout.readline())
    app.wait(timeout=30)
    assert app.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 15
    while os.path.exists(f"/proc/{worker_pid}") and time.monotonic() < deadline:
        with open(f"/proc/{worker_pid}/status") as f:
            if any(line.startswith("State:") and "Z" in line for line in f):
                break
        time.sleep(0.1)
    gone = not os.path.exists(f"/proc/{worker_pid}")
    if not gone:
        with open(f"/proc/{worker_pid}/status") as f:
            gone = any(line.startswith("State:") and "Z" in line for line in f)
    assert gone, "the projection worker outlived the app"


def test_real_umap_worker_draws_the_map(qtbot, make_panel, umap_client):
    """The one test that pays for UMAP: the worker process, warmed up, fits the real map."""
    qtbot.waitUntil(lambda: umap_client.is_warm or not umap_client.available, timeout=240_000)
    assert umap_client.available, umap_client.lost
    panel, _, _ = make_panel(projector=umap_client)
    # A warm worker may finish the fit while the panel is still being made, before a
    # waitSignal could start listening: wait on the state the signal leaves instead.
    qtbot.waitUntil(lambda: "UMAP" in panel.method_badge.text(), timeout=120_000)
    frame = panel.history.frames[panel.shown_frame]
    coords = frame.umap
    assert coords is not None and np.isfinite(coords).all()
    # UMAP keeps close words close: one of the 5 map words nearest to "sea" by cosine is
    # among the 10 points nearest to it on the UMAP map.
    words = frame.snapshot.words
    sea = words.index("sea")
    v = frame.snapshot.vectors / np.linalg.norm(frame.snapshot.vectors, axis=1, keepdims=True)
    by_cosine = [words[i] for i in np.argsort(-(v @ v[sea]))[1:6]]
    d = np.linalg.norm(coords - coords[sea], axis=1)
    nearest = [words[i] for i in np.argsort(d)[1:11]]
    assert set(by_cosine) & set(nearest), (by_cosine, nearest)
    # It was aligned onto the PCA picture it started from.
    assert layout_shift(coords, frame.pca) < 1.0


def test_history_keeps_a_bounded_thinned_timeline_and_restarts_with_a_new_run(qtbot):
    from engine.pretraining.projection import EmbeddingSnapshot
    from gui.bridge.controller import Controller, InProcessBackend
    from gui.bridge.embedding_history import MAX_FRAMES

    controller = Controller(InProcessBackend())  # never started: snapshots are fed by hand
    history = EmbeddingHistory(controller, InProcessProjector())
    rng = np.random.default_rng(0)
    words = tuple(f"w{i}" for i in range(12))

    def snap(tokens_seen):
        return EmbeddingSnapshot(tuple(range(12)), words, ("other",) * 12, (1,) * 12,
                                 rng.normal(size=(12, 8)).astype(np.float32), 0, tokens_seen)

    for t in range(1, 3 * MAX_FRAMES):
        history.add_snapshot(snap(t * 1000))
    seen = [f.snapshot.tokens_seen for f in history.frames]
    assert len(seen) <= MAX_FRAMES
    assert seen[0] == 1000 and seen[-1] == (3 * MAX_FRAMES - 1) * 1000  # both ends kept
    assert seen == sorted(seen)
    with qtbot.waitSignal(history.framesReset, timeout=1000):
        history.add_snapshot(snap(500))  # fewer tokens than before: a run from scratch
    assert [f.snapshot.tokens_seen for f in history.frames] == [500]


def _map_of_400_words(qtbot):
    """A shown word map with 400 words to label (all "other"): (map, words, rng)."""
    from gui.widgets.word_map import WordMap

    words = [f"w{i}" for i in range(400)]
    m = WordMap()
    qtbot.addWidget(m)
    m.resize(1100, 700)
    m.show()
    qtbot.waitExposed(m)
    m.set_words(words, ["other"] * len(words), label_order=list(range(len(words))))
    return m, words, np.random.default_rng(0)


def test_a_first_map_makes_its_labels_in_batches_not_in_one_freeze(qtbot):
    """Sixty label items made in one go froze the window ~70 ms: a pass makes at most
    NEW_LABELS_PER_PASS new ones (the searched word's always), the next turns the rest,
    and the labels end up exactly those one complete pass gives."""
    from gui.widgets.word_map_labels import NEW_LABELS_PER_PASS

    m, words, rng = _map_of_400_words(qtbot)
    m.set_focus(None)
    m.show_layout(rng.normal(size=(len(words), 2)), animate=False)
    first = set(m._shown_labels)
    assert len(m._labels) <= NEW_LABELS_PER_PASS
    assert m.labels_pending
    qtbot.waitUntil(lambda: not m.labels_pending, timeout=5000)
    batched = set(m._shown_labels)
    assert first < batched and len(batched) > 2 * NEW_LABELS_PER_PASS
    m.place_labels(complete=True)
    assert set(m._shown_labels) == batched and not m.labels_pending


def test_a_map_laid_out_and_ringed_in_one_turn_makes_one_batch_of_labels(qtbot):
    """The step's first map is laid out and then ringed around the searched word in the
    same turn: two placements. The batch is per turn, not per placement (16 label items
    made in the opening turn of the Embeddings step)."""
    from gui.widgets.word_map_labels import NEW_LABELS_PER_PASS

    m, words, rng = _map_of_400_words(qtbot)
    m.show_layout(rng.normal(size=(len(words), 2)), animate=False)
    m.set_focus(200, [201, 202, 203])
    assert len(m._labels) <= NEW_LABELS_PER_PASS + 1  # the searched word's always comes
    assert 200 in m._shown_labels
    qtbot.waitUntil(lambda: not m.labels_pending, timeout=5000)
    assert {200, 201, 202, 203} <= set(m._shown_labels)
    assert len(m._shown_labels) > 2 * NEW_LABELS_PER_PASS


def test_a_map_that_changed_while_hidden_is_drawn_after_the_step_shows(qtbot, make_panel,
                                                                       monkeypatch):
    """Drawing it inside the show (its points and first labels) made the Embeddings
    step's opening turn the longest of all (bench/stall_latency.py): it comes a turn later."""
    import dataclasses

    panel, controller, _ = make_panel()
    history = next(h for h in controller.findChildren(EmbeddingHistory))
    panel.hide()
    snap = history.latest().snapshot
    moved = dataclasses.replace(snap, vectors=snap.vectors + np.float32(0.05),
                                tokens_seen=snap.tokens_seen + 1)
    assert history.add_snapshot(moved) is not None
    qtbot.wait(100)  # its layouts arrive while the step is hidden
    drawn = []
    show_layout = panel.map.show_layout
    monkeypatch.setattr(panel.map, "show_layout", lambda *a, **k: (drawn.append(1), show_layout(*a, **k)))
    panel.show()
    assert not drawn, "drawn inside the show"
    qtbot.waitUntil(lambda: bool(drawn), timeout=5000)
