"""Alignment measured honestly: agreement before update, pairs counted, quality, and a
before/after test that fits a paired, clustered design. Fixed seeds; a tiny model."""

import math

import pytest
import torch

from engine.alignment.answer_quality import AnswerStats, compare_stats, summarise
from engine.alignment.before_after import (
    PromptMeasures,
    compare_before_after,
    paired_change,
    sign_flip_p_value,
)
from engine.alignment.feedback import Answer, PreferencePair, Ranking
from engine.alignment.rankers import Ranker, parse_ranker
from engine.alignment.run import Alignment, agreement_before_update
from engine.finetuning.known_words import KnownWords
from engine.tokenizers import END
from tests.tiny_world import tiny_setup

PROMPTS = ["the cat sat on", "a dog looked at", "the king walked to", "the queen slept near",
           "a bird sang to", "the child sat on"]


def _answer(tok, text: str, ended: bool = True) -> Answer:
    ids = tuple(tok.encode(text)) + ((END,) if ended else ())
    return Answer(text, ids, ended)


# ----- the before/after test ------------------------------------------------------------------
def test_sign_flip_p_value_is_exact_for_few_prompts():
    assert sign_flip_p_value([1, 1, 1, 1]) == pytest.approx(2 / 16)  # only ++++ and ----
    assert sign_flip_p_value([0.0, 0.0, 0.0]) == 1.0
    assert sign_flip_p_value([1, -1]) == 1.0
    assert sign_flip_p_value([float("nan"), 1, 1]) == pytest.approx(2 / 4)


def test_monte_carlo_p_value_is_seeded_and_never_zero():
    d = [0.25] * 40
    p = sign_flip_p_value(d, seed=3)
    assert p == sign_flip_p_value(d, seed=3) and 0 < p < 0.001


def test_one_prompt_that_changed_a_lot_is_not_evidence():
    """Clustered data: 4 answers to each of 40 prompts, all of the change in one prompt.

    Pooled as 160 independent answers, a z-test would call 4 of 160 (2.5 %) a change from
    0 %; paired by prompt it is one prompt of 40, which chance explains easily."""
    before = [0.0] * 40
    after = [1.0] + [0.0] * 39
    change = paired_change(before, after)
    assert change.change == pytest.approx(1 / 40) and change.p_value == 1.0
    assert change.prompts == 40


def test_paired_change_drops_prompts_missing_on_either_side():
    change = paired_change([0.1, float("nan"), 0.3], [0.2, 0.5, float("nan")])
    assert change.prompts == 1 and change.change == pytest.approx(0.1)
    with pytest.raises(ValueError):
        paired_change([0.1], [0.1, 0.2])


def test_compare_reports_trait_and_quality_together():
    before = PromptMeasures((0.0, 0.25, 0.0, 0.5), (0.1, 0.1, 0.2, 0.1), (1.0, 1.2, 1.1, 1.0))
    after = PromptMeasures((0.5, 0.75, 0.5, 1.0), (0.3, 0.2, 0.4, 0.3), (1.5, 1.6, 1.9, 1.4))
    result = compare_before_after(before, after)
    assert result.trait.change == pytest.approx(0.5) and result.trait.p_value == pytest.approx(2 / 16)
    assert result.non_word_share.change == pytest.approx(0.175)
    assert result.reference_loss.change == pytest.approx(0.525)
    assert "permutation" in result.test and "exact" in result.test
    assert set(result.as_dict()) == {"trait", "non_word_share", "reference_loss", "test"}
    with pytest.raises(ValueError):
        compare_stats(AnswerStats(1, 0, 1.0, 1.0), AnswerStats(1, 0, 1.0, 1.0))


# ----- quality of answers ---------------------------------------------------------------------
def test_summarise_groups_by_prompt_and_measures_quality():
    tok, model, _, _ = tiny_setup(0)
    known = KnownWords.from_texts(["the cat sat on a mat near the sea"])
    prompts = [tuple(tok.encode(p)) for p in PROMPTS[:2]]
    answers = [_answer(tok, " the sea."), _answer(tok, " a mat zorp."),
               _answer(tok, " the sea the sea."), _answer(tok, " qqq", ended=False)]
    asked = [prompts[0], prompts[0], prompts[1], prompts[1]]
    stats = summarise(answers, asked, 2, lambda a: "sea" in a.text, known, model)
    assert stats.n == 4 and stats.with_trait == 2 and stats.end_rate == 0.75
    assert stats.by_prompt.trait == (0.5, 0.5)
    assert stats.non_word_share == pytest.approx(2 / 10)  # zorp, qqq of 10 words
    assert stats.by_prompt.non_words == (pytest.approx(1 / 5), pytest.approx(1 / 5))
    assert stats.reference_loss > 0 and all(x > 0 for x in stats.by_prompt.reference_loss)
    # The reference loss is the model's mean negative log-probability per answer token.
    from engine.alignment.answer_quality import reference_nll

    nll, count = reference_nll(model, asked, answers)
    assert stats.reference_loss == pytest.approx(float(nll.sum() / count.sum()), rel=1e-5)
    with pytest.raises(ValueError):
        summarise(answers[:3], asked[:3], 2)


# ----- agreement before update and counting pairs ------------------------------------------------
def test_agreement_counts_ties_as_half():
    chosen, rejected = torch.tensor([0.0, 1.0, -1.0]), torch.tensor([0.0, 0.5, 0.0])
    assert agreement_before_update(chosen, rejected) == [0.5, 1.0, 0.0]


def _run(seed=0) -> Alignment:
    tok, model, _, _ = tiny_setup(seed)
    return Alignment(model, tok, heldout_prompts=PROMPTS[:2], train_prompts=PROMPTS[2:],
                     samples_per_prompt=1, measure_prompts=2)


def test_each_pair_is_scored_before_the_model_learns_from_it():
    run = _run()
    c = run.candidates(PROMPTS[2], n=4, seed=1)
    ranking = Ranking(c.prompt, c.prompt_ids, c.answers)
    snap = run.learn_from_feedback(ranking, sample=False)
    # At the start the model IS the reference: no preference yet, every pair a tie.
    assert run.agreements == [0.5] * 6
    assert snap.new_pairs == 6 and snap.agreement_pairs == 6 and snap.agreement == 0.5
    # The stored-pair accuracy after training on those very pairs says nothing like that.
    assert snap.accuracy is not None and snap.accuracy > 0.5
    # Scoring the same pairs again, after learning, the model now agrees with them.
    pair = PreferencePair(c.prompt, c.prompt_ids, c.answers[0], c.answers[1])
    chosen, rejected = run.optimizer.pair_rewards([pair])
    assert agreement_before_update(chosen, rejected) == [1.0]


class _NeverPrefers(Ranker):
    name = "never"

    def score(self, answer):
        return 0.0


def test_rounds_without_a_preference_are_not_judgements():
    run = _run()
    snaps = list(run.run_ranker(_NeverPrefers(), clicks=3, seed=0, sample=False))
    assert [s.event for s in snaps] == ["no preference"] * 3
    assert all(s.new_pairs == 0 for s in snaps) and run.agreements == [] and run.version == 0


def test_a_random_ranker_gets_about_half_agreement_before_update():
    run = _run()
    tok = run.tokenizer
    snaps = list(run.run_ranker(parse_ranker("random", tok, seed=7), clicks=30, seed=7, sample=False))
    judged = [s for s in snaps if s.event != "no preference"]
    assert len(run.agreements) == sum(s.new_pairs for s in judged) > 30
    assert 0.35 <= run.agreement <= 0.65, run.agreement
    # ... while the after-training accuracy on the stored pairs reads far higher.
    assert snaps[-1].accuracy > run.agreement + 0.1


def test_reset_starts_the_agreement_again():
    run = _run()
    list(run.run_ranker(parse_ranker("prefers-longer"), clicks=2, seed=0, sample=False))
    assert run.agreements
    snap = run.reset()
    assert run.agreements == [] and snap.agreement is None and snap.agreement_pairs == 0


def test_snapshots_carry_quality_when_sampled():
    tok, model, _, _ = tiny_setup(0)
    known = KnownWords.from_texts(["the cat sat on a mat"])
    run = Alignment(model, tok, PROMPTS[:2], PROMPTS[2:], samples_per_prompt=2, measure_prompts=2,
                    known_words=known)
    snap = run.history[-1]
    assert 0 <= snap.non_word_share <= 1 and snap.reference_loss > 0
    before = run.answer_stats(samples_per_prompt=2, seed=1)
    assert before.by_prompt is not None and len(before.by_prompt.trait) == 2
    same = compare_stats(before, run.answer_stats(samples_per_prompt=2, seed=1))
    assert same.trait.p_value == 1.0 and same.reference_loss.change == pytest.approx(0.0, abs=1e-6)
    assert not math.isnan(same.non_word_share.before)


def test_status_loss_is_measured_on_the_answers_once_the_fine_tuned_model_is_live():
    """The status bar's loss follows its label: when the chat puts the fine-tuned model live,
    the loss is that model's, on the held-out answers, not the pre-trained text loss."""
    from engine import paths
    from engine.session.core import Session

    session = Session.from_checkpoint(paths.stage_checkpoint("base"))
    text_loss = session.status().loss
    session.alignment.current_run()
    status = session.status()
    assert status.loss_label == "held-out answers"
    assert status.loss is not None and status.loss != text_loss
    assert status.loss == session.remeasure_answer_loss()
