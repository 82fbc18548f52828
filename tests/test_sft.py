"""Supervised fine-tuning: exact masks, the Q&A data, files, and the assistant it makes."""

import json
import math

import pytest
import torch
import torch.nn.functional as F

from engine import paths
from engine.chat_format import IGNORE, answer_ids, chat_prompt, prompt_ids
from engine.checkpoint import load_checkpoint
from engine.finetuning.answer_scoring import (
    DecodeSettings,
    check_answer,
    greedy_batch,
)
from engine.finetuning.qa_data import (
    HELDOUT,
    QAEditError,
    QAFileError,
    QAPair,
    QASet,
    bundled_qa,
    load_qa_file,
    save_qa_file,
)
from engine.finetuning.trainer import (
    ExampleTooLong,
    SFTConfig,
    SFTTrainer,
    build_examples,
    build_sft_example,
    collate,
    sft_loss,
)
from engine.pretraining.probes import Generation, generate
from engine.tokenizers import END, PAD
from tests.tiny_world import tiny_setup

BASE = paths.stage_checkpoint("base")
needs_base = pytest.mark.skipif(not BASE.exists(), reason="shipped base checkpoint not built")

# The acceptance run: fixed seed, fixed steps, greedy decoding (see test_sft_turns_...).
SFT_TEST_STEPS = 150


@pytest.fixture(scope="module")
def base():
    return load_checkpoint(BASE)


@pytest.fixture(scope="module")
def tok(base):
    return base.tokenizer


# ----- masks ------------------------------------------------------------------------------
@needs_base
@pytest.mark.parametrize("index", [0, 7, 100, 200])
def test_labels_ignore_every_prompt_token_and_keep_every_answer_token(tok, index):
    pair = bundled_qa().train[index]
    p, a = prompt_ids(tok, pair.question), answer_ids(tok, pair.answer)
    ex = build_sft_example(tok, pair.question, pair.answer)
    assert list(ex.ids) == p + a and ex.prompt_len == len(p)
    assert a[-1] == END and END not in a[:-1]
    assert tok.decode(p) == chat_prompt(pair.question)
    assert all(label == IGNORE for label in ex.labels[: len(p)])
    assert list(ex.labels[len(p):]) == a  # every answer token and <end>, unchanged
    # With train_on_prompt the prompt is kept too.
    both = build_sft_example(tok, pair.question, pair.answer, train_on_prompt=True)
    assert both.ids == ex.ids and list(both.labels) == list(both.ids)


@needs_base
def test_collate_pads_with_pad_and_masks_the_padding(tok):
    qa = bundled_qa()
    examples = [build_sft_example(tok, p.question, p.answer) for p in qa.train[:5]]
    ids, labels = collate(examples)
    T = max(len(e) for e in examples)
    assert ids.shape == labels.shape == (5, T)
    for row, ex in enumerate(examples):
        n = len(ex)
        assert ids[row, :n].tolist() == list(ex.ids)
        assert labels[row, :n].tolist() == list(ex.labels)
        assert (ids[row, n:] == PAD).all() and (labels[row, n:] == IGNORE).all()


@needs_base
def test_sft_loss_counts_answer_tokens_only(base, tok):
    """Against a naive reference: the mean of -log p(answer token) over answer tokens."""
    qa = bundled_qa()
    examples = [build_sft_example(tok, p.question, p.answer) for p in qa.train[:4]]
    ids, labels = collate(examples)
    with torch.no_grad():
        loss = sft_loss(base.model, ids, labels).item()
        terms = []
        for ex in examples:
            x = torch.tensor([ex.ids])
            logp = F.log_softmax(base.model(x)[0][0], dim=-1)  # (T, V)
            for t in range(ex.prompt_len, len(ex)):  # answer tokens and <end>
                terms.append(-logp[t - 1, ex.ids[t]].item())
    assert loss == pytest.approx(sum(terms) / len(terms), rel=1e-4)


@needs_base
def test_long_examples_keep_the_answer_and_too_long_ones_are_skipped(tok):
    question = "Why " + "does the sea " * 40 + "move?"
    answer = "The sea moves with the wind."
    ex = build_sft_example(tok, question, answer, max_len=65)
    a = answer_ids(tok, answer)
    assert len(ex) == 65 and ex.truncated > 0
    assert list(ex.ids[-len(a):]) == a and list(ex.labels[-len(a):]) == a
    assert ex.ids[0] == prompt_ids(tok, question)[0]  # <user> stays first
    assert ex.ids[ex.prompt_len - 1] == prompt_ids(tok, question)[-1]  # <assistant> stays
    with pytest.raises(ExampleTooLong):
        build_sft_example(tok, "Why?", "wind " * 80, max_len=65)
    built = build_examples(tok, [QAPair(question, answer), QAPair("Why?", "wind " * 80),
                                 QAPair("Why?", "Wind.")], max_len=65)
    assert (len(built.examples), built.truncated, built.skipped) == (2, 1, 1)


def test_session_and_sft_use_the_same_chat_format():
    import engine.finetuning.trainer as sft
    import engine.session.core as session_core
    from engine.chat_format import chat_prompt as session_chat_prompt

    q = "Where does the fox sleep at night?"
    assert chat_prompt(q) == session_chat_prompt(q) == "<user> " + q + " <assistant>"
    assert session_core.chat_prompt is sft.prompt_ids.__globals__["chat_prompt"]  # defined once


# ----- the bundled pairs ------------------------------------------------------------------
def test_bundled_pairs_are_many_deterministic_and_split_cleanly():
    qa = bundled_qa()
    assert len(qa) >= 250
    assert 0.12 <= len(qa.heldout) / len(qa) <= 0.22
    assert qa == bundled_qa()  # the same every time
    key = lambda p: " ".join(p.question.lower().split())  # noqa: E731
    train_q, held_q = {key(p) for p in qa.train}, {key(p) for p in qa.heldout}
    assert not train_q & held_q
    assert len(train_q) == len(qa.train) and len(held_q) == len(qa.heldout)


def test_bundled_pairs_talk_about_the_corpus_world():
    qa = bundled_qa()
    for _, p in qa.rows():
        assert "?" not in p.answer  # some questions are requests ("Tell me ...")
        assert p.subject, p
        check = check_answer(p.question, Generation(p.question, " " + p.answer, (), (), (), True),
                             reference=p.answer)
        assert check.stops and check.asks_nothing_back and check.correct, p
    assert len(qa.subjects("train")) >= 40 and len(qa.subjects()) >= 8


# ----- editing never loses anything -----------------------------------------------------------
def test_qaset_changes_return_new_sets_and_bad_changes_raise():
    qa = bundled_qa()
    n_train, n_held = len(qa.train), len(qa.heldout)
    added = qa.add(QAPair("Is the owl wise?", "The owl is wise."))
    assert len(added.train) == n_train + 1 and len(qa.train) == n_train
    edited = qa.edit(0, QAPair(qa.train[0].question, "The cat sleeps on the mat."))
    assert edited.train[0].answer == "The cat sleeps on the mat." and qa.train[0] != edited.train[0]
    removed = qa.remove(n_train)  # the first held-out pair
    assert len(removed.heldout) == n_held - 1
    moved = qa.move(0, heldout=True)
    assert qa.train[0] in moved.heldout and qa.train[0] not in moved.train
    for bad in (QAPair("", "x"), QAPair("Why?", "  "), QAPair("Why <end>?", "x")):
        with pytest.raises(QAEditError):
            qa.edit(0, bad)
    with pytest.raises(QAEditError, match="twice"):  # a held-out question cannot be trained on
        qa.edit(0, QAPair(qa.heldout[0].question, "x"))
    with pytest.raises(QAEditError):
        qa.remove(len(qa))
    assert qa == bundled_qa()  # nothing above changed the original


# ----- files ------------------------------------------------------------------------------
def test_files_round_trip_in_every_format(tmp_path):
    qa = bundled_qa()
    for name in ("pairs.tsv", "pairs.jsonl"):
        path = save_qa_file(tmp_path / name, qa)
        back = load_qa_file(path)
        assert (back.train, back.heldout) == (qa.train, qa.heldout)
        assert back.name == name
    blocks = tmp_path / "blocks.txt"
    blocks.write_text("# my pairs\nQ: Why is the sea cold?\nA: Because of the ice.\n\n"
                      "q: What do cats eat?\na: Cats eat fish.\n", encoding="utf-8")
    back = load_qa_file(blocks)
    assert len(back) == 2 and QAPair("What do cats eat?", "Cats eat fish.") in back.train + back.heldout
    plain = tmp_path / "plain.tsv"  # no split column: about one in six is held out, by its text
    plain.write_text("".join(f"Question {i} about the sea?\tAnswer {i}.\n" for i in range(60)))
    back = load_qa_file(plain)
    assert len(back) == 60 and 3 <= len(back.heldout) <= 20


@pytest.mark.parametrize(
    "name, content, match, line",
    [
        ("bin.tsv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary", None),
        ("latin.tsv", "Why?\tok\nCaf\xe9?\tyes\n".encode("latin-1"), "not UTF-8", 2),
        ("empty.tsv", b"  \n\n", "empty", None),
        ("notab.tsv", b"Why?\tBecause.\nWhat is this line\n", "line 2", 2),
        ("cols.tsv", b"a?\tb\tc\td\te\n", "too many", 1),
        ("mark.tsv", b"a?\tb\tmaybe\n", "held-out", 1),
        ("dup.tsv", b"Why?\tOne.\nwhy?\tTwo.\n", "already on line 1", 2),
        ("special.tsv", b"Why <user>?\tBecause.\n", "reserves", 1),
        ("bad.jsonl", b'{"question": "Why?", "answer": "Yes."}\n{"question": "Why\n', "line 2", 2),
        ("shape.jsonl", b'["Why?", "Yes."]\n', "question", 1),
        ("noanswer.txt", b"Q: Why?\nQ: What?\nA: That.\n", "no 'A:'", 1),
        ("orphan.txt", b"Q: Why?\nA: Yes.\nA: No.\n", "no 'Q:'", 3),
        ("allheld.tsv", b"Why?\tYes.\theld-out\n", "every question", None),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path, name, content, match, line):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(QAFileError, match=match) as err:
        load_qa_file(path)
    assert err.value.line == line
    assert name in str(err.value)


def test_missing_file_and_folder_raise_clear_errors(tmp_path):
    with pytest.raises(QAFileError, match="no such file"):
        load_qa_file(tmp_path / "nope.tsv")
    with pytest.raises(QAFileError, match="folder"):
        load_qa_file(tmp_path)


# ----- the answer checks --------------------------------------------------------------------
def test_answer_checks_follow_their_shape_rules():
    q = "What does the fox eat?"
    fine = check_answer(q, " The fox eats mice.", stops=True)
    assert fine.stops and fine.asks_nothing_back and fine.on_topic and fine.correct is None
    assert not check_answer(q, " The fox eats mice.", stops=False).stops
    assert check_answer(q, " Why does the fox eat?", stops=True).asks_back
    assert not check_answer(q, " The king was crowned in May.", stops=True).on_topic


@needs_base
def test_batched_greedy_decoding_matches_one_question_at_a_time(base, tok):
    """check_answers decodes all questions in one padded batch: the same tokens as generate()."""
    questions = bundled_qa().questions(HELDOUT)[:8]
    prompts = [prompt_ids(tok, q) for q in questions] + [tok.encode(q) for q in questions[:3]]
    batched = greedy_batch(base.model, prompts, max_new_tokens=20)
    for ids, (new, ended) in zip(prompts, batched, strict=True):
        g = generate(base.model, tok, ids, max_new_tokens=20, greedy=True)
        assert (list(g.token_ids), g.ended) == (new, ended)


# ----- training -----------------------------------------------------------------------------
def tiny_trainer(seed=0, **overrides):
    tok, model, _, _ = tiny_setup(seed)
    pairs = [QAPair(f"where does the {a} sit?", f"the {a} sat on a mat.")
             for a in ("cat", "dog", "king", "queen", "bird", "child")]
    config = SFTConfig(**{"seed": seed, "batch_size": 4, "eval_every": 5, "max_steps": None,
                          **overrides})
    return SFTTrainer(model, tok, pairs[:5], pairs[5:], config), model


def test_trainer_is_deterministic_learns_and_stops():
    a = [s.train_loss for s in tiny_trainer()[0].train_steps(12)]
    b = [s.train_loss for s in tiny_trainer()[0].train_steps(12)]
    assert a == b and a[-1] < a[0]
    trainer, _ = tiny_trainer()
    gen = trainer.run()
    next(gen), next(gen)
    trainer.request_stop()
    final = list(gen)
    assert len(final) == 1 and final[0].status == "stopped" and final[0].step == 2
    trainer, _ = tiny_trainer(max_steps=3)
    snaps = list(trainer.run())
    assert [s.step for s in snaps] == [1, 2, 3, 3] and snaps[-1].status == "done"
    assert snaps[0].heldout_loss is not None and math.isfinite(snaps[0].heldout_loss)


def test_non_finite_loss_rolls_back_to_the_last_good_weights():
    trainer, model = tiny_trainer(lr=1e6, warmup_steps=1, grad_clip=1e12)
    snaps = trainer.train_steps(200)
    assert snaps[-1].status == "diverged" and "rolled back" in snaps[-1].message
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert math.isfinite(trainer.heldout_loss())


def test_nothing_to_train_on_is_refused():
    tok, model, _, _ = tiny_setup()
    with pytest.raises(ValueError, match="nothing to fine-tune"):
        SFTTrainer(model, tok, [QAPair("Why?", "wind " * 80)], [])


# ----- the acceptance run: from the shipped base model ----------------------------------------
@needs_base
@pytest.mark.slow
def test_sft_turns_the_next_word_machine_into_an_assistant(tmp_path):
    """After fine-tuning >= 80 % of held-out answers stop and ask nothing back (greedy, seed 0).

    Before, the base model is asked the same way and may stop too (end-of-text tokens
    between pre-training documents); its shares are only reported, never assumed.
    """
    from engine.session.core import Session

    session = Session.from_checkpoint(BASE)
    tok = session.ensure_tokenizer()
    qa = session.finetuning.qa_set()
    questions = qa.questions(HELDOUT)
    pre = session.model
    pre_weights = [p.detach().clone() for p in pre.parameters()]
    before = session.finetuning.answer_rates(stages=("pre-trained",)).rates["pre-trained"]
    assert before.total == len(questions) == len(qa.heldout)
    assert 0 <= before.share("stops") <= 1 and 0 <= before.correct_share <= 1

    snaps = list(session.finetuning.train(SFTConfig(seed=0, max_steps=SFT_TEST_STEPS)))
    assert snaps[-1].status == "done" and snaps[-1].step == SFT_TEST_STEPS
    held = [s.heldout_loss for s in snaps if s.heldout_loss is not None]
    # The answers of held-out subjects get likelier, though their facts were never taught:
    # the library model measured 4.76 -> 4.39 nats/token (the form is learned, not the facts).
    assert held[-1] < 0.95 * held[0], held
    assert session.stage == "fine-tuned" and session.model is not pre
    # The pre-trained model is kept, unchanged, for comparison.
    assert session.kept_models["pre-trained"].model is pre
    assert all(torch.equal(p, q) for p, q in zip(pre.parameters(), pre_weights, strict=True))

    rates = session.finetuning.answer_rates(stages=("fine-tuned",))
    after = rates.rates["fine-tuned"]
    assert rates.origins["fine-tuned"] == "this session's model"
    bad = [(c.question, c.text, c.summary()) for c in after.checks
           if not (c.stops and c.asks_nothing_back)]
    assert after.share("stops") >= 0.80 and after.share("asks_nothing_back") >= 0.80, bad

    # The comparison cards are written by the same rules as the table: chat format, the
    # same settings, both stop at <end>.
    q0 = questions[0]
    both = session.finetuning.compare(q0, DecodeSettings())
    base_run = generate(pre, tok, prompt_ids(tok, q0), max_new_tokens=DecodeSettings().max_new_tokens,
                        greedy=True, stop_at_end=True)
    assert both.output("pre-trained").generation.text == base_run.text
    assert both.output("fine-tuned").check.text == after.checks[0].text

    # generate(stage=...) picks a model; the saved checkpoint says "fine-tuned".
    q = questions[1]
    assert session.generate(q, chat=True, greedy=True, stage="fine-tuned").text == \
        generate(session.model, tok, prompt_ids(tok, q), greedy=True, stop_at_end=True).text
    path = session.save(tmp_path / "sft")
    assert load_checkpoint(path).stage == "fine-tuned"
    assert json.loads((path / "checkpoint.json").read_text())["stage"] == "fine-tuned"


@needs_base
def test_finetune_uses_the_edited_pairs_and_starts_from_the_pre_trained_model():
    from engine.session.core import Session

    session = Session.from_checkpoint(BASE)
    qa = session.finetuning.qa_set()
    edited = qa.edit(0, QAPair(qa.train[0].question, "The cat sleeps in the royal palace."))
    session.finetuning.set_qa(edited)
    list(session.finetuning.train(SFTConfig(max_steps=2)))
    trainer = session.finetuning.trainer
    tok = session.ensure_tokenizer()
    wanted = build_sft_example(tok, edited.train[0].question, edited.train[0].answer)
    assert wanted in trainer.train_set.examples
    assert len(trainer.train_set.examples) == len(edited.train)
    first = session.model
    list(session.finetuning.train(SFTConfig(max_steps=1)))  # again: from the pre-trained model
    assert session.model is not first and session.kept_models["pre-trained"].model is not first
    with pytest.raises(TypeError):
        session.finetuning.set_qa([("a", "b")])
    with pytest.raises(ValueError):
        session.finetuning.set_qa(QASet((), edited.heldout))


@needs_base
def test_cli_finetune_reports_loss_and_answer_rates(tmp_path, capsys):
    from engine.cli import main

    pairs = tmp_path / "pairs.tsv"  # a few pairs of your own keep the run short
    qa = bundled_qa()
    pairs.write_text("".join(f"{p.question}\t{p.answer}\ttrain\n" for p in qa.train[:20])
                     + "".join(f"{p.question}\t{p.answer}\theld-out\n" for p in qa.heldout[:6]))
    code = main(["finetune", "--checkpoint", str(BASE), "--out", str(tmp_path / "ft"),
                 "--steps", "3", "--qa", str(pairs), "--json"])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert code == 0
    done = lines[-1]
    assert done["event"] == "done" and done["steps"] == 3 and done["heldout_questions"] == 6
    assert set(done) >= {"checkpoint", "heldout_loss", "before", "after"}
    assert set(done["after"]) >= {"stops", "asks_nothing_back", "on_topic", "correct", "non_word_share"}
    assert math.isfinite(done["heldout_loss"]) and 0 <= done["before"]["correct"] <= 1
    assert load_checkpoint(done["checkpoint"]).stage == "fine-tuned"
    assert any(x["event"] == "progress" for x in lines)


@pytest.mark.skipif(not paths.stage_checkpoint("sft").exists(), reason="shipped sft not built")
def test_cli_sample_stage_sft_answers_and_stops(capsys):
    from engine.cli import main

    q = bundled_qa().heldout[0].question
    assert main(["sample", "--stage", "sft", "--chat", "--greedy", "--prompt", q, "--json"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert line["ended"] and "?" not in line["text"]
