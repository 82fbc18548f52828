"""The answer rules (stops, asks nothing back, on topic, correct, made-up words) and the
held-out split by subject: each rule checked on outputs written by hand."""

import math

import pytest

from engine import paths
from engine.finetuning.answer_scoring import (
    AnswerReport,
    DecodeSettings,
    check_answer,
    check_answers,
    first_sentence,
    key_words,
    needed_key_words,
)
from engine.finetuning.known_words import KnownWords, non_word_share, words_of
from engine.finetuning.qa_data import (
    QAPair,
    bundled_qa,
    load_qa_file,
    nearest_training_question,
    save_qa_file,
    split_pairs,
    word_edit_distance,
)
from engine.pretraining.probes import Generation
from tests.tiny_world import tiny_setup

SEAL_Q = "In what place would you find a seal?"
SEAL_A = "The seal lives in the cold sea and rests on the rocks."


# ----- held out by subject ------------------------------------------------------------------
def test_word_edit_distance_counts_whole_words():
    assert word_edit_distance("Where does the fox live?", "where does the WOLF live") == 1
    assert word_edit_distance("Where does the fox live?", "Where does the fox live?") == 0
    assert word_edit_distance("What is a seal?", "Tell me about seals.") == 4
    assert word_edit_distance("", "a b c") == 3


def test_heldout_questions_are_whole_subjects_never_near_a_training_question():
    qa = bundled_qa()
    held_subjects = set(qa.subjects())
    assert len(held_subjects) >= 8 and not held_subjects & set(qa.subjects("train"))
    assert all(p.subject for p in qa.heldout)
    train_words = set()
    for p in qa.train:
        train_words.update(words_of(p.question + " " + p.answer))
    for subject in held_subjects:  # not even mentioned in passing in a training pair
        assert not {subject, subject + "s", subject + "es"} & train_words, subject
    for q in qa.questions():
        nearest, distance = nearest_training_question(qa, q)
        assert distance > 2, (q, nearest, distance)


def test_a_near_copy_is_caught_by_the_distance():
    qa = bundled_qa()
    q = qa.train[0].question.replace("whale", "seal")
    assert nearest_training_question(qa, q)[1] <= 2


def test_files_keep_subjects_and_split_unmarked_files_by_subject(tmp_path):
    qa = bundled_qa()
    back = load_qa_file(save_qa_file(tmp_path / "pairs.jsonl", qa))
    assert (back.train, back.heldout) == (qa.train, qa.heldout)
    pairs = [QAPair(f"Question {i} about thing {i % 12}?", f"Answer {i}.", f"thing{i % 12}")
             for i in range(96)]
    split = split_pairs(pairs)
    assert split.heldout and split.train
    assert not set(split.subjects()) & set(split.subjects("train"))


# ----- the rules on hand-written outputs -------------------------------------------------------
def test_correct_needs_half_the_reference_key_words_in_the_first_sentence():
    assert key_words(SEAL_Q, SEAL_A) == ("cold", "live", "rest", "rock", "sea")
    assert needed_key_words(5) == 3 and needed_key_words(2) == 1 and needed_key_words(1) == 1
    right = check_answer(SEAL_Q, " The seal lives in the sea by the rocks.", True, SEAL_A)
    assert right.correct and right.found_key_words == ("live", "rock", "sea")
    wrong = check_answer(SEAL_Q, " The seal sleeps in a hole in the woods.", True, SEAL_A)
    assert wrong.correct is False and wrong.on_topic  # the right shape, the wrong content
    late = check_answer(SEAL_Q, " The seal sleeps. It lives in the cold sea on rocks.", True, SEAL_A)
    assert late.correct is False  # only the first sentence counts
    assert first_sentence(" A b. C d.") == " A b."
    assert check_answer(SEAL_Q, " The seal lives in the cold sea.", True).correct is None


def test_non_words_are_words_found_nowhere_in_the_training_text():
    known = KnownWords.from_texts(["The ship's boat sailed on the sea.", "Whales swim."])
    assert known.non_words("The boat rulums on the buror sea!") == ("rulums", "buror")
    check = check_answer("Where is the boat?", " The boat rulums.", True, known=known)
    assert check.non_words == ("rulums",) and check.word_count == 3
    assert check.non_word_share == pytest.approx(1 / 3)
    assert check_answer("Where is the boat?", " The boat.", True).non_word_share is None
    assert non_word_share(known, ["the ship's boat", "zzz whales"]) == pytest.approx(1 / 5)
    assert math.isnan(non_word_share(known, ["", "123"]))


def test_report_counts_each_rule_over_many_outputs():
    known = KnownWords.from_texts(["the seal lives in the cold sea on rocks"])
    checks = (check_answer(SEAL_Q, " The seal lives in the cold sea.", True, SEAL_A, known),
              check_answer(SEAL_Q, " Where is the blorp?", False, SEAL_A, known))
    report = AnswerReport(checks)
    assert report.count("stops") == 1 and report.count("asks_nothing_back") == 1
    assert report.correct_share == 0.5 and report.non_words == 3 and report.words == 11
    d = report.as_dict()
    assert d["stops"] == 0.5 and d["non_word_share"] == pytest.approx(3 / 11)


def test_every_stage_is_asked_by_the_same_code_path_and_stops_at_end():
    """check_answers writes with stop at <end> for any model; greedy and sampled agree on it."""
    tok, model, _, _ = tiny_setup(0)
    qs = ["where does the cat sit?", "where does the dog sit?"]
    refs = ["the cat sat on a mat.", "the dog sat on a mat."]
    greedy = check_answers(model, tok, qs, DecodeSettings(max_new_tokens=8), refs)
    sampled = check_answers(model, tok, qs, DecodeSettings(max_new_tokens=8, greedy=False), refs)
    for report in (greedy, sampled):
        assert report.total == 2 and report.graded == 2
        assert all("<end>" not in c.text for c in report.checks)


@pytest.mark.skipif(not paths.stage_checkpoint("base").exists(), reason="shipped base not built")
def test_cli_evaluate_reports_every_rule(capsys):
    import json

    from engine.cli import main

    assert main(["evaluate", "--stage", "base", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert out["model_stage"] == "pre-trained" and out["questions"] == len(bundled_qa().heldout)
    for key in ("stops", "asks_nothing_back", "on_topic", "correct", "non_word_share"):
        assert 0 <= out[key] <= 1, key
    assert main(["evaluate", "--stage", "base", "--split", "train", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert out["split"] == "train" and out["questions"] == len(bundled_qa().train)


def test_generation_objects_are_checked_like_text():
    g = Generation("q", " The seal lives in the cold sea.", (), (), (), True)
    assert check_answer(SEAL_Q, g, reference=SEAL_A).stops
