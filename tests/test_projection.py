"""The word map's maths: which words, PCA, alignment, neighbours (engine only, no UMAP fit)."""

import numpy as np
import pytest
import torch

from engine.corpus.word_groups import made_up_word_groups
from engine.pretraining.probes import embedding_matrix, nearest_neighbours
from engine.pretraining.projection import (
    OTHER_GROUP,
    EmbeddingSnapshot,
    align_layout,
    cosine_neighbours,
    layout_shift,
    make_snapshot,
    pca_layout,
    procrustes_align,
    procrustes_transform,
    seed_layout,
    select_word_tokens,
    umap_layout,
)
from engine.pretraining.trainer import PreTrainer, TrainConfig
from tests.tiny_world import tiny_setup

GROUPS = made_up_word_groups()  # the tiny world is made of the made-up world's words


@pytest.fixture(scope="module")
def training_run():
    """(tokenizer, snapshots every 10 steps of a short training run, the trained model)."""
    tok, model, ids, held = tiny_setup()
    counts = np.bincount(ids, minlength=tok.vocab_size)
    selection = select_word_tokens(tok, counts=counts, limit=None, groups=GROUPS)
    trainer = PreTrainer(model, ids, held, TrainConfig(batch_size=8, eval_every=1000))
    snaps = [make_snapshot(embedding_matrix(model), selection, 0, 0)]
    for _ in range(8):
        last = trainer.train_steps(10)[-1]
        snaps.append(make_snapshot(embedding_matrix(model), selection, last.step, last.tokens_seen))
    return tok, snaps, model, counts


def rotation(angle: float) -> np.ndarray:
    c, s = np.cos(angle), np.sin(angle)
    return np.array([[c, -s], [s, c]])


# -- which words --------------------------------------------------------------------------

def test_selection_is_whole_words_most_frequent_first(training_run):
    tok, snaps, _, counts = training_run
    snap = snaps[0]
    strings = tok.token_strings(list(snap.token_ids))
    assert all(s.startswith(" ") and s.strip().isalpha() for s in strings)
    assert list(snap.words) == [s.strip() for s in strings]
    sel_counts = [counts[i] for i in snap.token_ids]
    assert sel_counts == sorted(sel_counts, reverse=True)
    assert all(c > 0 for c in sel_counts)  # words the text never uses stay off the map
    assert list(snap.counts) == sel_counts
    assert {"cat", "king", "queen", "sea", "river"} <= set(snap.words)
    assert snap.groups[snap.words.index("sea")] == "sea & water"
    assert snap.group_names == GROUPS.names and snap.group_source == "made-up"
    assert all(g == (GROUPS.group_of(w) or OTHER_GROUP) for w, g in zip(snap.words, snap.groups, strict=True))


def test_limit_keeps_the_most_frequent_and_every_grouped_word(training_run):
    tok, snaps, _, counts = training_run
    everything = select_word_tokens(tok, counts=counts, limit=None, groups=GROUPS)
    small = select_word_tokens(tok, counts=counts, limit=3, groups=GROUPS)
    assert small.token_ids[:3] == everything.token_ids[:3]
    grouped = {w for w, g in zip(everything.words, everything.groups, strict=True) if g != OTHER_GROUP}
    assert grouped <= set(small.words)
    assert len(small) == 3 + len(grouped - set(small.words[:3]))
    rare = everything.words[-1]  # a word kept only because the panel asks for it
    assert rare not in small.words and rare not in grouped
    asked = select_word_tokens(tok, counts=counts, limit=3, groups=GROUPS, always=[rare.upper()])
    assert rare in asked.words and len(asked) == len(small) + 1
    assert asked.groups[asked.words.index(rare)] == OTHER_GROUP
    bare = select_word_tokens(tok, counts=counts, limit=3)  # no groups: all grey, no extras
    assert len(bare) == 3 and set(bare.groups) == {OTHER_GROUP} and bare.group_names == ()


def test_snapshot_is_a_copy_not_a_view(training_run):
    tok, _, model, counts = training_run
    selection = select_word_tokens(tok, counts=counts, limit=None)
    snap = make_snapshot(embedding_matrix(model), selection)
    before = snap.vectors.copy()
    with torch.no_grad():
        model.embedding_table().add_(1.0)
    try:
        np.testing.assert_array_equal(snap.vectors, before)
    finally:
        with torch.no_grad():
            model.embedding_table().sub_(1.0)
    assert snap.vectors.dtype == np.float32
    with pytest.raises(ValueError):
        EmbeddingSnapshot((1, 2), ("a",), ("other",), (1,), np.zeros((1, 4), np.float32))


# -- neighbours -------------------------------------------------------------------------

def test_snapshot_neighbours_equal_the_engines_probe(training_run):
    """With every word on the map, the replay's neighbours are exactly the live probe's."""
    tok, _, model, _ = training_run
    selection = select_word_tokens(tok, counts=None, limit=None)  # every whole-word token
    snap = make_snapshot(embedding_matrix(model), selection)
    for word in ("king", "sea", "cat"):
        probe = nearest_neighbours(model, tok, word, k=5)
        mine = cosine_neighbours(snap, word, k=5)
        assert [snap.token_ids[i] for i, _ in mine] == [n.token_id for n in probe]
        np.testing.assert_allclose([s for _, s in mine], [n.similarity for n in probe], atol=1e-5)
    assert cosine_neighbours(snap, "xylophone") == []


# -- layouts ----------------------------------------------------------------------------

def test_pca_matches_the_covariance_eigenvectors_up_to_sign(training_run):
    """PCA by SVD equals the textbook route: project on the top eigenvectors of the covariance."""
    snap = training_run[1][-1]
    unit = snap.vectors.astype(np.float64)
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    centred = unit - unit.mean(axis=0)
    eigvals, eigvecs = np.linalg.eigh(np.cov(centred, rowvar=False))
    reference = centred @ eigvecs[:, ::-1][:, :2]
    mine = pca_layout(snap.vectors)
    for axis in range(2):
        sign = np.sign(mine[:, axis] @ reference[:, axis])
        np.testing.assert_allclose(mine[:, axis], sign * reference[:, axis], atol=1e-8)
    assert mine[:, 0].var() >= mine[:, 1].var()
    np.testing.assert_array_equal(pca_layout(snap.vectors), mine)  # same vectors, same picture


def test_procrustes_undoes_rotation_reflection_scale_and_shift():
    rng = np.random.default_rng(0)
    ref = rng.normal(size=(50, 2))
    mirror = np.diag([1.0, -1.0])
    moved = 3.5 * ref @ rotation(1.1) @ mirror + np.array([4.0, -2.0])
    np.testing.assert_allclose(procrustes_align(moved, ref), ref, atol=1e-10)
    t = procrustes_transform(moved, ref)
    assert t.scale == pytest.approx(1 / 3.5)
    assert np.linalg.det(t.rotation) == pytest.approx(-1.0)  # the mirror image is flipped back


def test_procrustes_rotation_agrees_with_scipy():
    from scipy.linalg import orthogonal_procrustes

    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(30, 2)), rng.normal(size=(30, 2))
    t = procrustes_transform(a, b)
    r, _ = orthogonal_procrustes(a - a.mean(0), b - b.mean(0))
    np.testing.assert_allclose(t.rotation, r, atol=1e-10)


def test_align_and_seed_work_through_shared_words():
    rng = np.random.default_rng(2)
    ref_words = ("sea", "waters", "king", "queen", "cat")
    ref = rng.normal(size=(5, 2))
    words = ("queen", "sea", "newword", "king", "waters")  # another order, one new word
    new = np.array([ref[3], ref[0], [9.0, 9.0], ref[2], ref[1]]) @ rotation(0.7) * 2.0
    aligned = align_layout(words, new, ref_words, ref)
    np.testing.assert_allclose(aligned[[0, 1, 3, 4]], ref[[3, 0, 2, 1]], atol=1e-10)
    seeded = seed_layout(words, new, ref_words, ref)
    np.testing.assert_allclose(seeded[[0, 1, 3, 4]], ref[[3, 0, 2, 1]])
    np.testing.assert_allclose(seeded[2], aligned[2])  # the new word: its aligned fallback
    # Too few shared words: left as it is.
    np.testing.assert_array_equal(align_layout(("a", "b"), new[:2], ("a", "b"), ref[:2]), new[:2])


def test_aligned_layouts_move_less_than_unaligned_ones(training_run):
    """Consecutive PCA maps of real training snapshots: aligning them keeps points still."""
    snaps = training_run[1]
    layouts = [pca_layout(s.vectors) for s in snaps]
    unaligned = [layout_shift(b, a) for a, b in zip(layouts, layouts[1:], strict=False)]
    aligned, previous = [], layouts[0]
    for layout in layouts[1:]:
        current = procrustes_align(layout, previous)
        aligned.append(layout_shift(current, previous))
        previous = current
    assert all(a <= u + 1e-12 for a, u in zip(aligned, unaligned, strict=True))
    assert sum(aligned) < 0.7 * sum(unaligned), (aligned, unaligned)


def test_umap_layout_checks_its_input_before_loading_umap():
    with pytest.raises(ValueError, match="at least 4"):
        umap_layout(np.zeros((3, 8), np.float32))
    with pytest.raises(ValueError, match="init"):
        umap_layout(np.ones((6, 8), np.float32), init=np.zeros((5, 2)))
