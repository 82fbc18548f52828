"""The Fine-tune panel: both models' real replies, the pairs editor, masks and live SFT."""

import html

import pytest

from engine.chat_format import IGNORE
from engine.finetuning.answer_scoring import DecodeSettings
from engine.finetuning.qa_data import QAPair

pytestmark = pytest.mark.gui


@pytest.fixture
def finetune_panel(qtbot, main_window):
    panel = main_window.show_panel("finetune")
    qtbot.waitUntil(panel.is_ready, timeout=60_000)
    return panel


def _plain(label_text: str) -> str:
    return html.unescape(label_text)


def test_both_models_show_their_real_replies_to_the_chosen_question(
    qtbot, finetune_panel, engine_controller
):
    panel = finetune_panel
    session = engine_controller.backend.server.session
    question = panel.qa.heldout[5].question
    assert panel.question_box.findText(question) >= 0  # the held-out questions are offered
    with qtbot.waitSignal(panel.comparisonShown, timeout=30_000,
                          check_params_cb=lambda c: c.question == question):
        panel.ask(question)
    # The box shows how the question starts, not its last words, when it is too narrow.
    assert panel.question_box.lineEdit().cursorPosition() == 0
    settings = panel.current_settings()
    assert settings == DecodeSettings()  # greedy by default: the same reply every time
    # Both models are asked the same way (chat format, same settings, stop at <end>).
    assert panel.base_chat_check.isChecked()
    direct = session.generate(question, max_new_tokens=settings.max_new_tokens, greedy=True,
                              chat=True, stage="pre-trained")
    card = panel.cards["pre-trained"]
    assert card.output_text == direct.text
    assert direct.text.strip()[:20] in _plain(card.text.text())
    # Its verdict is computed from what it wrote just now.
    shown = panel.comparison.output("pre-trained").check
    assert shown.text == direct.text and shown.stops == direct.ended
    assert ("✔ stops" if direct.ended else "✘ stops") in card.verdict.text()
    # Its tooltip says what decided "on topic", and that the word groups are hand-written.
    tip = card.verdict.toolTip()
    if shown.shared_words:
        assert "On topic: shares " + ", ".join(shown.shared_words) in tip
    elif shown.shared_groups:
        assert "On topic" in tip and "hand-written" in tip and shown.shared_groups[0] in tip
    else:
        assert "Not on topic" in tip and "hand-written" in tip
    tuned = panel.comparison.output("fine-tuned")
    if tuned.generation is None:  # no fine-tuned model in this session yet
        assert "fine-tune" in _plain(panel.cards["fine-tuned"].text.text()).lower()
    else:
        direct = session.generate(question, max_new_tokens=settings.max_new_tokens, greedy=True,
                                  chat=True, stage="fine-tuned")
        assert panel.cards["fine-tuned"].output_text == direct.text

    # The mask view shows the first pair's tokens: grey prompt, green answer and <end>.
    example = panel.example
    assert panel.chips.ids() == list(example.ids)
    n_prompt = example.prompt_len
    assert [label == IGNORE for label in example.labels] == [True] * n_prompt + [False] * (
        len(example) - n_prompt)
    panel.prompt_check.setChecked(True)
    assert all(panel.example.trained)
    panel.prompt_check.setChecked(False)

    # Before/after: the table shows the measured counts.
    rates = panel.rates
    before = rates.rates["pre-trained"]
    assert panel.rates_table.item(3, 0).text().startswith(
        f"{before.count('correct')} of {before.graded}")
    # Counts as the interface writes numbers (English here: 1,211).
    assert panel.rates_table.item(4, 0).text().startswith(f"{before.non_words:,} of {before.words:,}")


def test_editing_a_pair_then_fine_tuning_uses_the_edit(qtbot, finetune_panel, engine_controller,
                                                       tmp_path):
    panel = finetune_panel
    session = engine_controller.backend.server.session
    original = panel.qa
    question = original.train[0].question
    new_answer = "The cat sleeps in the royal palace with the queen."

    # A bad file shows a clear dialog and loses nothing.
    bad = tmp_path / "broken.tsv"
    bad.write_bytes(b"Why is the sea cold?\tBecause.\nno tab on this line\n")
    assert not panel.load_file(bad)
    assert "line 2" in panel.last_problem.text() and panel.qa == original
    panel.last_problem.close()

    # A bad edit (an empty answer) is refused and the table keeps the old text.
    assert not panel.edit_pair(0, question, "   ")
    assert panel.qa == original and session.finetuning.qa_set() == original
    panel.last_problem.close()

    # Edit in the table itself, as a person would: double-click, type, enter.
    with qtbot.waitSignal(panel.qaShown, timeout=10_000):
        panel.pairs_table.item(0, 1).setText(new_answer)
    assert panel.qa.train[0] == QAPair(question, new_answer)
    qtbot.waitUntil(lambda: session.finetuning.qa_set().train[0].answer == new_answer, timeout=10_000)

    panel.steps_spin.setValue(40)
    with qtbot.waitSignal(engine_controller.finetuning.finetuneStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s == "done"):
        panel.finetune_button.click()
    trainer = session.finetuning.trainer
    wanted = engine_controller.finetuning.sft_example(question, new_answer)
    assert wanted in trainer.train_set.examples  # it learned from the edited pair
    assert session.stage == "fine-tuned"
    history = engine_controller.finetuning.sft_history
    assert history.steps == list(range(1, 41)) and len(history.heldout_loss) >= 2
    assert history.heldout_loss[-1] < history.heldout_loss[0]
    xs, ys = panel.heldout_curve.getData()
    assert list(xs) == history.heldout_steps

    # After fine-tuning the panel asks again and measures again, with the new model.
    qtbot.waitUntil(lambda: panel.rates is not None
                    and panel.rates.origins.get("fine-tuned") == "this session's model",
                    timeout=60_000)
    q = panel.current_question()
    qtbot.waitUntil(lambda: panel.comparison.question == q
                    and panel.comparison.output("fine-tuned").origin == "this session's model",
                    timeout=30_000)
    direct = session.generate(q, max_new_tokens=32, greedy=True, chat=True, stage="fine-tuned")
    assert panel.cards["fine-tuned"].output_text == direct.text
    after = panel.rates.rates["fine-tuned"]
    assert panel.rates_table.item(0, 1).text().startswith(
        f"{after.count('stops')} of {after.total}")


def test_a_long_progress_line_wraps_under_the_buttons(qtbot, finetune_panel):
    panel = finetune_panel
    column = panel.finetune_button.parentWidget()
    width = column.width()
    panel.progress.setText("Fine-tuning: step 134 of 300 · loss on the answers 2.31 · "
                           "about 40 seconds left · the chat model is updated when it ends")
    qtbot.waitUntil(lambda: panel.progress.height() > panel.progress.fontMetrics().height() * 1.5)
    assert column.width() == width  # it wrapped; the intro beside it kept its room

    # At a lecture's text size the tick box still gets its whole width (it ran into "Steps:").
    from gui.lecture.appearance import Appearance

    appearance = Appearance.instance()
    appearance.set_scale(1.75)
    try:
        qtbot.waitUntil(lambda: panel.prompt_check.width() >= panel.prompt_check.sizeHint().width())
        qtbot.wait(50)
        assert panel.prompt_check.width() >= panel.prompt_check.sizeHint().width()
    finally:
        appearance.reset_scale()


def test_the_on_topic_tooltip_names_what_decided_it(finetune_panel):
    from engine.finetuning.answer_scoring import check_answer

    card = finetune_panel.cards["pre-trained"]
    shared = check_answer("Where does the seal live?", "The seal lives on the rocks.", True)
    grouped = check_answer("Where does the owl sleep?", "A fox hides in the woods.", True)
    neither = check_answer("Where does the owl sleep?", "A king rode into town.", True)
    assert shared.shared_words == ("live", "seal")  # "lives" folded to "live"
    assert card._on_topic_reason(shared).startswith("On topic: shares live, seal")
    assert not grouped.shared_words and grouped.shared_groups == ("animals",)
    assert "“animals” (a hand-written list" in card._on_topic_reason(grouped)
    assert not neither.on_topic
    assert card._on_topic_reason(neither).startswith("Not on topic")
