"""The Tokens panel against the real tokenizers of a real session (in-process engine)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import functools  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

pytestmark = pytest.mark.gui


@functools.cache
def _session():
    """One Session on the full made-up world (whose "head" + "ache" these tests check),
    its three tokenizers built once.

    The tests only read from it, so every test's controller can share it.
    """
    from engine.corpus.mix import Mix
    from engine.session.core import Session

    session = Session(seed=0)
    session.set_mix(Mix.made_up())
    session.tokenizers()
    return session


@pytest.fixture
def controller(qtbot):
    from gui.bridge.controller import Controller, InProcessBackend

    c = Controller(InProcessBackend(_session))
    with qtbot.waitSignal(c.pretraining.tokenizersChanged, timeout=120_000):
        c.start()
    yield c
    c.shutdown()


@pytest.fixture
def panel(qtbot, controller):
    from gui.panels.pretraining.tokens_panel import TokensPanel

    p = TokensPanel(controller)  # made after the tokenizers arrived: draws them at once
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    assert p.is_ready()
    return p


def _engine_tokenizers():
    return _session().tokenizers()  # the engine's own objects, not the GUI's copies


def _type(qtbot, panel, text):
    panel.editor.clear()
    qtbot.keyClicks(panel.editor, text)
    qtbot.waitUntil(
        lambda: (
            panel.tokenization("char") is not None
            and "".join(panel.chips_for("char").tokens()) == text
        ),
        timeout=5_000,
    )


def test_typed_text_gives_each_tokenizers_own_encoding(qtbot, panel):
    text = "The queen sailed across the sea, didn't she?"
    _type(qtbot, panel, text)
    for kind, tok in _engine_tokenizers().items():
        ids = tok.encode(text)
        chips = panel.chips_for(kind)
        assert chips.ids() == ids, kind
        assert chips.tokens() == tok.token_strings(ids), kind
        assert panel.unknown_note(kind) == ""
        numbers = panel._rows[kind].header.text()
        assert f"<b>{len(ids):,}</b> tokens" in numbers
        assert f"<b>{len(text) / len(ids):.1f}</b> characters per token" in numbers
    # fewer, longer pieces from letters to subwords to words
    counts = {k: len(panel.chips_for(k).ids()) for k in ("char", "word", "bpe")}
    assert counts["char"] > counts["bpe"] >= counts["word"]


def test_unknown_words_get_a_note_not_a_crash(qtbot, panel):
    text = "The zorblax quuxed"
    _type(qtbot, panel, text)
    word = panel.tokenization("word")
    assert "zorblax" in word.unknown and "quuxed" in word.unknown
    assert None in panel.chips_for("word").ids()  # shown as a chip without an id
    assert (
        "".join(t for t in panel.chips_for("word").tokens()).replace(" ", "") == "Thezorblaxquuxed"
    )
    note = panel.unknown_note("word")
    assert "zorblax" in note and "vocabulary" in note
    # BPE has every byte, so it still encodes everything, exactly as the engine does
    bpe = _engine_tokenizers()["bpe"]
    assert panel.chips_for("bpe").ids() == bpe.encode(text)
    assert panel.unknown_note("bpe") == ""


def test_headache_preset_shows_head_and_ache(qtbot, panel):
    qtbot.mouseClick(panel.preset_buttons["headache"], Qt.MouseButton.LeftButton)
    tokens = panel.chips_for("bpe").tokens()
    i = tokens.index(" head")
    assert tokens[i + 1] == "ache"
    ache_id = panel.chips_for("bpe").ids()[i + 1]

    qtbot.mouseClick(panel.preset_buttons["stomachache"], Qt.MouseButton.LeftButton)
    tokens = panel.chips_for("bpe").tokens()
    ids = panel.chips_for("bpe").ids()
    j = tokens.index(" stomach")
    assert tokens[j + 1] == "ache" and ids[j + 1] == ache_id  # the same "ache" token


def test_stepping_the_merge_replay_grows_the_vocabulary_and_shrinks_the_text(qtbot, panel):
    panel.set_text("I have a headache and a stomachache.")
    panel.show_replay()
    replay = panel.replay
    qtbot.mouseClick(replay.reset_button, Qt.MouseButton.LeftButton)
    assert replay.position() == 0
    bpe = _engine_tokenizers()["bpe"]
    text = panel.text()
    assert replay.sample_token_count() == len(text.encode("utf-8"))  # one token per byte
    start_vocab = replay.vocab_size()
    assert start_vocab == bpe.vocab_size - len(bpe.merges)

    vocab, count = start_vocab, replay.sample_token_count()
    for _ in range(5):
        qtbot.mouseClick(replay.step_button, Qt.MouseButton.LeftButton)
        n = replay.position()
        assert replay.vocab_size() == start_vocab + n > vocab
        assert replay.sample_token_count() < count  # each step is a merge that changes the text
        merged = "".join(bpe.merges[n - 1])
        assert bpe.token_to_id(merged) is not None
        vocab, count = replay.vocab_size(), replay.sample_token_count()
        assert any(replay.chips.highlighted()), "the newest merge is framed"

    qtbot.mouseClick(replay.end_button, Qt.MouseButton.LeftButton)
    assert replay.position() == len(bpe.merges)
    assert replay.vocab_size() == bpe.vocab_size
    # the replay ends exactly where the real tokenizer is
    ids = bpe.encode(text)
    assert replay.sample_ids() == ids
    pieces = replay.chips.tokens()
    assert pieces[pieces.index(" head") + 1] == "ache"


def test_playing_the_replay_advances_by_itself(qtbot, panel):
    panel.show_replay()
    replay = panel.replay
    replay.reset()
    replay.speed_combo.setCurrentIndex(replay.speed_combo.count() - 1)  # fastest
    with qtbot.waitSignal(replay.positionChanged, timeout=5_000):
        qtbot.mouseClick(replay.play_button, Qt.MouseButton.LeftButton)
    assert replay.is_playing()
    qtbot.waitUntil(lambda: replay.position() > 100, timeout=5_000)
    qtbot.mouseClick(replay.play_button, Qt.MouseButton.LeftButton)  # pause
    assert not replay.is_playing()
