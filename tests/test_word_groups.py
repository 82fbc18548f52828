"""The map's colour groups come from the corpus: proposed by counting, never by hand."""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.corpus.cooccurrence import count_cooccurrence
from engine.corpus.mix import Mix
from engine.corpus.word_groups import (
    LIBRARY_GROUPS,
    MADE_UP_GROUPS,
    WORD_GROUPS_FILE,
    cohesion,
    library_word_groups,
    made_up_word_groups,
    propose_groups,
    word_groups_for,
)

ROOT = Path(__file__).resolve().parent.parent


def made_up_text(n_docs: int = 3000) -> list[str]:
    """The made-up world's stories and encyclopedia, whose slots hold the lexicon's groups."""
    from engine.corpus.made_up import made_up_corpus

    corpus = made_up_corpus(0)
    return [d.text for name in ("stories", "encyclopedia", "news") for d in corpus[name][:n_docs]]


@pytest.fixture(scope="module")
def made_up_cooc():
    return count_cooccurrence(made_up_text(), vocab_size=1500)


def test_proposal_recovers_the_generators_slot_groups(made_up_cooc):
    """On text generated from templates, the proposal finds the generator's own slot
    groups without being told them: each proposed group is mostly one lexicon group."""
    cooc = made_up_cooc
    truth = made_up_word_groups()
    candidates = [i for i, w in enumerate(cooc.words) if truth.group_of(w) is not None]
    words = [cooc.words[i] for i in candidates]
    groups = propose_groups(words, cooc.vectors[candidates], clusters=8, keep=8, words_per_group=6)
    assert len(groups) >= 5
    purity = [max(sum(truth.group_of(w) == g for w in p.words) for g in truth.names) / len(p.words)
              for p in groups]
    assert np.mean(purity) >= 0.8, [(p.words, round(x, 2)) for p, x in zip(groups, purity, strict=True)]
    assert groups == propose_groups(words, cooc.vectors[candidates], clusters=8, keep=8,
                                    words_per_group=6)  # deterministic


def test_cohesion_reads_shuffled_contexts_as_unrelated(made_up_cooc):
    """The ranking metric can fail: the same words with their rows shuffled across
    context columns score near zero, the real groups well above."""
    cooc = made_up_cooc
    truth = made_up_word_groups()
    rows = np.stack([cooc.vectors[cooc.index(w)] for w in truth.words() if cooc.index(w) is not None])
    rng = np.random.default_rng(0)
    shuffled = np.stack([rng.permutation(r) for r in rows])
    real = np.mean([cohesion(np.stack([cooc.vectors[cooc.index(w)] for w in ws if cooc.index(w) is not None]))
                    for _, ws in truth.groups])
    assert real > 3 * cohesion(shuffled)
    assert cohesion(rows[:1]) == 0.0


def test_the_groups_follow_the_corpus_in_use():
    assert word_groups_for(Mix.default().weights).source == LIBRARY_GROUPS
    assert word_groups_for(Mix.made_up().weights).source == MADE_UP_GROUPS
    assert word_groups_for({"my text": 1.0}).source == LIBRARY_GROUPS


def test_shipped_library_groups_are_the_scripts_proposal():
    """engine/data/word_groups.json is exactly what scripts/propose_word_groups.py gets from
    the books now (so no group was edited by hand), eight groups of ten words."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import propose_word_groups

    from engine import paths

    found = propose_word_groups.proposal(paths.stage_checkpoint("base"))
    assert json.loads(WORD_GROUPS_FILE.read_text(encoding="utf-8")) == json.loads(json.dumps(found))
    groups = library_word_groups()
    assert len(groups.groups) == 8 and all(len(words) == 10 for _, words in groups.groups)
    assert len(set(groups.words())) == 80  # no word in two groups
    assert groups.group_of(" Twenty") == groups.names[0]  # a BPE token with its space


def test_the_legend_says_where_its_colours_come_from(qtbot):
    from gui.panels.pretraining.embeddings_parts import Legend
    from gui.widgets.word_groups import group_colour

    legend = Legend()
    qtbot.addWidget(legend)
    books = library_word_groups()
    legend.set_groups([*books.names, "other"], books.names, LIBRARY_GROUPS)
    assert "found by counting (no model)" in legend.text() and "twenty,&nbsp;five" in legend.text()
    made_up = made_up_word_groups()
    legend.set_groups(list(made_up.names), made_up.names, MADE_UP_GROUPS)
    assert "generator" in legend.text() and "sea&nbsp;&amp;&nbsp;water" in legend.text()
    # Colours go by place in the order: the first group of either corpus is the same blue.
    assert group_colour(books.names[0], books.names) == group_colour(made_up.names[0], made_up.names)
    assert group_colour("no such group", books.names) == group_colour("other", books.names)
