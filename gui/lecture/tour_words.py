"""The tour's longer live sentences, in the chosen language, built from measured numbers.

Kept apart from gui/lecture/tour_actions.py (which does the real thing) so each
sentence is one translatable whole with its numbers as `{fields}`, formatted the
chosen language's way. The model's own words (its answers, "sea") stay English.
"""

from __future__ import annotations

from gui.i18n import translate
from gui.panels.finetuning.numbers import count, number
from gui.panels.pretraining.cleaning_counts import CleaningCounts, cuts_pieces, dropped_by_unit
from gui.panels.pretraining.engine_texts import CLEANING, ENGINE_MESSAGES, MODEL_PARTS, shown


def quoted(word: str) -> str:
    """A word of the model (English) in the chosen language's quotation marks."""
    return translate("TourWords", "“{word}”").format(word=word)


def mix_loaded(books: bool, documents: int, words: int, tokens: int) -> str:
    said = (translate("TourWords", "The text the app's model learned from is loaded, real "
                      "books: {documents} documents, {words} words, {tokens} tokens.") if books
            else translate("TourWords", "The text the app's model learned from is loaded, the "
                           "made-up world (generated from templates): {documents} documents, "
                           "{words} words, {tokens} tokens."))
    return said.format(documents=count(documents), words=count(words), tokens=count(tokens))


def training_left(seconds: int, snap) -> str:
    """A tick of the training step: the seconds left, and the latest loss and speed."""
    if snap is None:
        return translate("TourWords", "Training: {seconds} s to go").format(seconds=seconds)
    return translate("TourWords", "Training: {seconds} s to go · mistakes (loss) {loss} · "
                     "{rate} tokens a second").format(
        seconds=seconds, loss=number(snap.train_loss, 2), rate=number(snap.tokens_per_s, 0))


def training_paused(seconds: int, tokens_read: int | None, first_loss: float | None,
                    last_loss: float | None) -> str:
    if tokens_read is None:
        return translate("TourWords", "Paused after {seconds} s.").format(seconds=seconds)
    return translate("TourWords", "Paused after {seconds} s. It read {tokens} tokens; its "
                     "mistakes (loss) went from {first} to {last}.").format(
        seconds=seconds, tokens=count(tokens_read), first=number(first_loss, 2),
        last=number(last_loss, 2))


def finetune_progress(step: int, total: int | None, loss: float) -> str:
    if total:
        return translate("TourWords", "Fine-tuning: lesson {step} of {total} · mistakes on "
                         "answers (loss) {loss}").format(step=count(step), total=count(total),
                                                         loss=number(loss, 2))
    return translate("TourWords", "Fine-tuning: lesson {step} · mistakes on answers (loss) "
                     "{loss}").format(step=count(step), loss=number(loss, 2))


def finetune_ended(state: str, loss: float | None,
                   heldout: tuple[float, float] | None = None) -> str:
    """How the fine-tune ended; `heldout`: its loss on the held-out answers, first and last
    measured, which may rise while the training loss falls (it learned the pairs by heart)."""
    said = {"done": translate("TourWords", "Fine-tuning finished."),
            "stopped": translate("TourWords", "Fine-tuning stopped."),
            "diverged": translate("TourWords", "Fine-tuning stopped: its numbers blew up."),
            }.get(state, translate("TourWords", "Fine-tuning ended."))
    if loss is not None:
        said += " " + translate("TourWords", "Its mistakes on answers (loss) ended at "
                                "{loss}.").format(loss=number(loss, 2))
    if heldout is not None:
        first, last = heldout
        said += " " + (translate("TourWords", "On the answers to questions it never trained on, "
                                 "its loss went from {first} to {last}: better at answers it "
                                 "never saw, too.") if last < first else
                       translate("TourWords", "On the answers to questions it never trained on, "
                                 "its loss went from {first} up to {last}: it learned these pairs "
                                 "by heart more than how to answer new questions (overfitting)."
                                 )).format(first=number(first, 2), last=number(last, 2))
    return said


def learned(by_person: bool, margin: float | None, kl: float | None) -> str:
    """What one judgement did to the model, and whose judgement it was."""
    if margin is not None and kl is not None:
        said = (translate("TourWords", "Learned from your click: it now prefers the chosen "
                          "answer by a margin of {margin}, and it moved {kl} away from where it "
                          "started (KL).") if by_person else
                translate("TourWords", "Learned from the tour's pick: it now prefers the chosen "
                          "answer by a margin of {margin}, and it moved {kl} away from where it "
                          "started (KL)."))
        return said.format(margin=number(margin, 2), kl=number(kl, 3))
    return (translate("TourWords", "Learned from your click: the model changed.") if by_person
            else translate("TourWords", "Learned from the tour's pick: the model changed."))


def cleaning_name(name: str) -> str:
    """A cleaning step's name (the engine's English) as the Data panel shows it."""
    return shown(CLEANING, name)


def cleaned(kept: int, reports, biggest: int | None) -> str:
    """What the cleaning did, each count in its own unit (gui/panels/pretraining/
    cleaning_counts.py): the whole texts it dropped, whether other steps cut pieces out of
    the text, and the step that dropped the largest share (`biggest`, an index of reports)."""
    counts = CleaningCounts()
    dropped = counts.listed(dropped_by_unit(reports))
    pieces = cuts_pieces(reports)
    if dropped and pieces:
        said = translate("TourWords", "Cleaning left {kept} documents: it dropped {dropped} "
                         "whole, and its other steps cut smaller pieces out of the text (line "
                         "ends, licences, headings, markers).")
    elif dropped:
        said = translate("TourWords", "Cleaning left {kept} documents: it dropped {dropped}.")
    elif pieces:
        said = translate("TourWords", "Cleaning left {kept} documents: it dropped no whole "
                         "text, only cut smaller pieces out of the text (line ends, licences, "
                         "headings, markers).")
    else:
        return translate("TourWords", "The cleaning removed nothing from this mix.")
    said = said.format(kept=count(kept), dropped=dropped)
    if biggest is None:
        return said
    step = reports[biggest]
    return said + " " + translate("TourWords", "The biggest cut, “{name}”, dropped {removed} "
                                  "(of {before}).").format(
        name=cleaning_name(step.name), removed=counts.removed(step), before=count(step.documents_in))


def engine_message(message: str) -> str:
    """A message of the pre-training engine (e.g. why a word has no neighbours)."""
    return shown(ENGINE_MESSAGES, message)


def head_pattern(words: str) -> str:
    """What a sharp attention head does (engine/pretraining/head_patterns.py), for people."""
    return shown(MODEL_PARTS, words)


def model_part(label: str) -> str:
    """A part of the model (engine/pretraining/parameter_map.py), for people."""
    return shown(MODEL_PARTS, label)
