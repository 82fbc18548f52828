"""Thirty clicks of a scripted judge move the shipped fine-tuned model the way it rewards.

On the held-out questions (never trained on), the share of answers that mention a word
is measured before and after 30 automatic rounds, and the two are compared with the
paired sign-flip permutation test over prompts that the app uses (the answers to one
prompt are not independent draws):

- a judge that prefers the word raises it (p < 0.01), and the model agrees with more
  than 60 % of its pairs before learning from them;
- a judge that picks at random does not (not significant at the same level), and the
  before-update agreement stays between 35 % and 65 %;
- the reversed judge lowers it (p < 0.01);

and the exact KL from the reference stays within the budget stated in PreferenceConfig.
Fixed seeds throughout, so the numbers are the same on every run.
"""

import copy

import pytest

from engine import paths
from engine.alignment.answer_quality import compare_stats
from engine.alignment.metrics import word_trait
from engine.alignment.preference import PreferenceConfig
from engine.alignment.rankers import parse_ranker
from engine.alignment.run import Alignment
from engine.checkpoint import load_checkpoint
from engine.finetuning.qa_data import bundled_qa

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("both_cores")]

WORD = "sea"
CLICKS = 30
SAMPLES_PER_QUESTION = 4
ALPHA = 0.01


@pytest.fixture(scope="module")
def sft():
    path = paths.stage_checkpoint("sft")
    if not path.exists():
        pytest.skip("the shipped fine-tuned checkpoint is not built (scripts/build_assets.py --stage sft)")
    return load_checkpoint(path)


@pytest.fixture(scope="module")
def qa():
    return bundled_qa()


def _alignment(sft, qa) -> Alignment:
    tok = sft.tokenizer
    return Alignment(copy.deepcopy(sft.model), tok, [p.question for p in qa.heldout],
                     [p.question for p in qa.train], trait=word_trait(tok, WORD))


@pytest.fixture(scope="module")
def before(sft, qa):
    run = _alignment(sft, qa)
    return run.answer_stats(run.reference, SAMPLES_PER_QUESTION, seed=1)


def _after(sft, qa, spec: str):
    run = _alignment(sft, qa)
    ranker = parse_ranker(spec, sft.tokenizer, seed=0)
    rounds = list(run.run_ranker(ranker, CLICKS, seed=0, sample=False))
    assert len(rounds) == CLICKS
    assert run.version >= CLICKS // 3  # many rounds gave the judge something to prefer
    return run.answer_stats(run.policy, SAMPLES_PER_QUESTION, seed=1), run.history[-1]


def _test(before, after):
    """The paired, clustered before/after test the app and the command line use."""
    return compare_stats(before, after, seed=0).trait


def test_the_question_sets_are_apart(qa):
    assert not {p.question for p in qa.heldout} & {p.question for p in qa.train}


def test_a_judge_that_prefers_a_word_makes_the_model_say_it(sft, qa, before):
    after, last = _after(sft, qa, f"prefers-word:{WORD}")
    t = _test(before, after)
    print(f"prefers-word: {t.before:.3f} -> {t.after:.3f}, p={t.p_value:.2g}, "
          f"agreement before update {last.agreement:.2f}, KL {last.kl_per_token:.3f} nats/token")
    assert t.change > 0 and t.p_value < ALPHA
    assert last.agreement > 0.6  # it came to side with its judge before each new click
    assert last.kl_per_token < PreferenceConfig().kl_budget


def test_a_random_judge_teaches_nothing_measurable(sft, qa, before):
    after, last = _after(sft, qa, "random")
    t = _test(before, after)
    print(f"random: {t.before:.3f} -> {t.after:.3f}, p={t.p_value:.2g}, "
          f"agreement before update {last.agreement:.2f}, KL {last.kl_per_token:.3f} nats/token")
    assert t.p_value >= ALPHA
    assert 0.35 <= last.agreement <= 0.65
    assert last.kl_per_token < PreferenceConfig().kl_budget


def test_the_reversed_judge_makes_the_model_avoid_the_word(sft, qa):
    """Lowering a word has a floor: the fine-tuned library model says "sea" in under a fifth
    of its answers, so this test reads twice as many answers per question, before and after,
    to tell a fall from chance at the same level."""
    samples = 2 * SAMPLES_PER_QUESTION
    run = _alignment(sft, qa)
    before = run.answer_stats(run.reference, samples, seed=1)
    ranker = parse_ranker(f"reversed:prefers-word:{WORD}", sft.tokenizer, seed=0)
    assert len(list(run.run_ranker(ranker, CLICKS, seed=0, sample=False))) == CLICKS
    after, last = run.answer_stats(run.policy, samples, seed=1), run.history[-1]
    t = _test(before, after)
    print(f"reversed: {t.before:.3f} -> {t.after:.3f}, p={t.p_value:.2g}, "
          f"KL {last.kl_per_token:.3f} nats/token")
    assert t.change < 0 and t.p_value < ALPHA
    assert last.kl_per_token < PreferenceConfig().kl_budget


def test_the_align_command_reports_before_and_after_and_saves_an_aligned_checkpoint(tmp_path, sft):
    import json
    import subprocess
    import sys

    out = tmp_path / "aligned"
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "align", "--checkpoint", str(paths.stage_checkpoint("sft")),
         "--ranker", f"prefers-word:{WORD}", "--clicks", "3", "--seed", "0", "--samples", "1",
         "--out", str(out), "--json"],
        capture_output=True, text=True, timeout=300, check=True,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert [e["event"] for e in lines[:-1]] == ["click"] * 3
    done = lines[-1]
    assert done["event"] == "done" and done["samples"] == len(bundled_qa().heldout)
    assert 0.0 <= done["trait_before"] <= 1.0 and 0.0 <= done["trait_after"] <= 1.0
    assert 0.0 <= done["p_value"] <= 1.0 and "permutation" in done["test"]
    assert set(done["quality_change"]) >= {"non_word_share", "reference_loss"}
    assert done["pairs"] == sum(e["new_pairs"] for e in lines[:-1])
    ckpt = load_checkpoint(out)
    assert ckpt.stage == "aligned" and ckpt.meta["ranker"] == f"prefers-word:{WORD}"
