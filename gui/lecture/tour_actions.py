"""The tour's live demonstrations: each one does the real thing through the controller
and through the shown panel's public methods, and narrates what it found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.corpus.sources import LIBRARY_SOURCES
from gui.i18n import translate
from gui.lecture import tour_words
from gui.lecture.look_inside_step import look_inside
from gui.lecture.shipped import shipped_mix
from gui.lecture.step_run import StepRun
from gui.lecture.tour_script import BIASED_CLICKS, BIASED_WORD, TOUR_QUESTION, TRAIN_SECONDS
from gui.panels.finetuning.engine_words import engine_text
from gui.panels.finetuning.numbers import count, number, percent
from gui.panels.pretraining.cleaning_counts import biggest_cut
from gui.panels.pretraining.windows_panel import CAT_SENTENCE


@dataclass(frozen=True)
class TourAction:
    """A live demonstration: its name in the tour script, and how to run it.

    It runs on the step's panel through that panel's public methods (each panel says
    which in its docstring), and on the controller.
    """

    name: str
    run: Callable[[StepRun], None]


def _load_default_mix(run: StepRun) -> None:
    # The shipped model's own mix, not merely Mix.default(): the later steps train a new
    # model on this text with the shipped tokenizer and then go back to the shipped model,
    # so all of them stand on the data that model really read.
    mix = shipped_mix()

    def shown(summary) -> None:
        if summary.mix != mix:
            return
        books = any(mix.share(source.name) > 0 for source in LIBRARY_SOURCES)
        run.say(tour_words.mix_loaded(books, summary.documents, summary.words, summary.tokens))
        run.done()

    run.listen(run.controller.pretraining.dataSummaryChanged, shown)
    run.say(translate("TourActions", "Loading the text the app's model learned from…"))
    run.controller.pretraining.set_mix(mix)


def _show_cleaning(run: StepRun) -> None:
    def shown(summary) -> None:
        # Each step counts in its own unit (characters, lines, paragraphs, documents):
        # none are added together, and the biggest cut is the largest share dropped.
        reports = list(summary.reports)
        biggest = biggest_cut(reports)
        if biggest is not None:
            run.panel.select_cleaning_step(biggest)
        run.say(tour_words.cleaned(summary.documents, reports, biggest))
        run.done()

    if run.controller.pretraining.data_summary is not None:
        shown(run.controller.pretraining.data_summary)
    else:
        run.once(run.controller.pretraining.dataSummaryChanged, shown)
        run.controller.pretraining.request_data_summary()


def _split_headache(run: StepRun) -> None:
    text = "A headache and a stomachache"  # words inside a sentence: " head" + "ache"

    def show(tokenizers) -> None:
        run.panel.set_text(text)
        bpe = tokenizers.get("bpe") if tokenizers else None
        if bpe is not None:
            pieces = [bpe.token_strings(bpe.encode(w)) for w in (" headache", " stomachache")]
            shown = ";  ".join(" + ".join(tour_words.quoted(p.strip()) for p in ps) for ps in pieces)
            run.say(translate("TourActions", "The word-piece tokenizer (BPE) cuts them as: "
                              "{pieces}.").format(pieces=shown))
        run.done()

    if run.controller.pretraining.tokenizers:
        show(run.controller.pretraining.tokenizers)
    else:
        run.say(translate("TourActions", "Preparing the three tokenizers…"))
        run.once(run.controller.pretraining.tokenizersChanged, show)
        run.controller.pretraining.request_tokenizers()


def _cat_windows(run: StepRun) -> None:
    def start() -> None:
        run.panel.show_cat_sentence()
        run.panel.set_playing(True)
        run.on_leave(lambda: run.panel.set_playing(False))
        # Imported here: engine.pretraining.windows loads torch, which start-up need not wait for.
        from engine.pretraining.windows import sliding_windows

        k = 4
        windows = sliding_windows(CAT_SENTENCE.split(" "), k)
        # The last window ends the text: no word follows it, nothing to guess (no orange).
        guessed = sum(1 for w in windows if w.target is not None)
        run.say(translate("TourActions", "“{sentence}” makes {n} windows of {k} words: in "
                          "{guessed} of them the orange word after the window is the one the "
                          "model must guess; the last ends the text, with nothing left to "
                          "guess.").format(sentence=CAT_SENTENCE, n=len(windows), k=k,
                                           guessed=guessed))
        run.done()

    if run.controller.model_tokenizer is None:
        run.once(run.controller.modelTokenizerChanged, lambda _t: start())
    else:
        start()


PAUSE_WAIT_MS = 3000  # how long the training step waits to hear that the run paused


def _train_20s(run: StepRun) -> None:
    c = run.controller
    first = {"loss": None}
    left = [TRAIN_SECONDS]

    def snapshot(snap) -> None:
        if first["loss"] is None and snap.train_loss == snap.train_loss:
            first["loss"] = snap.train_loss

    def tick() -> None:
        left[0] -= 1
        snap = c.pretraining.latest_snapshot
        if left[0] > 0:
            run.say(tour_words.training_left(left[0], snap))

    def stop() -> None:
        # Said once the run has really paused: the step in flight when the time ran out
        # is counted, as in the status bar (the caption read one or two steps fewer).
        stopping[0] = True
        c.pretraining.pause_training()
        run.after(PAUSE_WAIT_MS, paused)  # if the pause is never reported

    def paused() -> None:
        if run.is_done:
            return
        run.finish_timers()
        snap = c.pretraining.latest_snapshot
        if snap is not None and first["loss"] is not None:
            # A brand-new model: all it has read, it read in these seconds.
            run.say(tour_words.training_paused(TRAIN_SECONDS, snap.tokens_seen, first["loss"],
                                               snap.train_loss))
        else:
            run.say(tour_words.training_paused(TRAIN_SECONDS, None, None, None))
        run.done()

    started, stopping = [False], [False]

    def state(s: str) -> None:
        if stopping[0] and s != "running":
            paused()
            return
        # The clock starts when the model really trains, not when it was asked to.
        if s == "running" and not started[0]:
            started[0] = True
            run.every(1000, tick)
            run.after(TRAIN_SECONDS * 1000, stop)
            run.say(tour_words.training_left(TRAIN_SECONDS, None))
        elif s == "diverged":
            run.finish_timers()
            snap = c.pretraining.latest_snapshot
            run.say(engine_text(snap.message) if snap is not None and snap.message else
                    translate("TourActions", "Training stopped: its numbers blew up, and it went "
                              "back to its last good state."))
            run.done()

    run.listen(c.pretraining.trainingSnapshot, snapshot)
    run.listen(c.pretraining.trainingStateChanged, state)
    run.on_leave(lambda: c.pretraining.pause_training() if c.pretraining.training_state == "running" else None)
    run.say(translate("TourActions", "A new model starts from random numbers…"))
    run.tour.trained_from_scratch = True  # the next step goes back to the shipped model
    c.pretraining.start_training(from_scratch=True)


def _sea_neighbours(run: StepRun) -> None:
    c = run.controller
    if run.tour.trained_from_scratch:
        # The 20-second model is too young for a tidy map: back to the shipped one first.
        run.tour.trained_from_scratch = False
        run.once(c.demoReset, lambda: _sea_neighbours(run))
        run.say(translate("TourActions", "Back to the model that came with the app…"))
        c.reset_demo()
        return

    def found(word, neighbours, message) -> None:
        if word != "sea":
            return
        if message or not neighbours:
            run.say(tour_words.engine_message(message) if message else
                    translate("TourActions", "The model found no neighbours for “sea”."))
        else:
            listed = ", ".join(f"{tour_words.quoted(n.token.strip())} ({number(n.similarity, 2)})"
                               for n in neighbours[:5])
            run.say(translate("TourActions", "Nearest to “sea”, measured by cosine similarity: "
                              "{words}.").format(words=listed))
        run.done()

    run.listen(c.pretraining.neighboursReady, found)
    run.panel.search("sea", zoom=True)
    c.pretraining.request_neighbours("sea", 5)


def _ask_both(run: StepRun, after: bool) -> None:
    c = run.controller
    question = TOUR_QUESTION

    def answered(comparison) -> None:
        outputs = {o.stage: o for o in getattr(comparison, "outputs", ())}
        base = outputs.get("pre-trained")
        tuned = outputs.get("fine-tuned")

        def text(o) -> str:
            g = getattr(o, "generation", None)
            words = getattr(g, "text", "") if g is not None else engine_text(getattr(o, "note", ""))
            words = " ".join(str(words).split())
            return (words[:90] + "…") if len(words) > 90 else words

        if after and tuned is not None:
            run.say(translate("TourActions", "Fine-tuned: “{answer}”").format(answer=text(tuned)))
        elif base is not None:
            run.say(translate("TourActions", "Pre-trained, asked “{question}”: “{answer}”").format(
                question=question, answer=text(base)))
        run.done()

    def ask() -> None:
        # What the panel shows, once it shows it: the engine's signal may reach the tour
        # before the cards, and the step would then scroll to the answers as they were.
        run.once(run.panel.comparisonShown, answered)
        run.panel.ask(question)
        run.say(translate("TourActions", "Asking “{question}”…").format(question=question))

    if after and c.finetuning.finetune_state == "running":
        run.say(translate("TourActions", "Waiting for fine-tuning to finish…"))
        run.once(c.finetuning.finetuneStateChanged, lambda _s: ask())
    else:
        ask()


def _finetune(run: StepRun) -> None:
    c = run.controller

    def progress(snap) -> None:
        total = (c.finetuning.sft_run or {}).get("max_steps")
        run.say(tour_words.finetune_progress(snap.step, total, snap.train_loss))

    def state(s: str) -> None:
        if s != "running":
            snap = c.finetuning.latest_sft_snapshot
            measured = c.finetuning.sft_history.heldout_loss
            heldout = (measured[0], measured[-1]) if len(measured) >= 2 else None
            run.say(tour_words.finetune_ended(s, snap.train_loss if snap else None, heldout))
            run.panel.show_learning_curve()  # what the caption is about, not the table
            run.done()

    run.listen(c.finetuning.finetuneSnapshot, progress)
    run.listen(c.finetuning.finetuneStateChanged, state)
    run.panel.start_finetune()
    run.say(translate("TourActions", "Fine-tuning starts from the pre-trained model…"))


def _two_answers(run: StepRun) -> None:
    def shown(candidates) -> None:
        answers = getattr(candidates, "answers", ())
        if len(answers) >= 2:
            run.say(translate("TourActions", "A: “{a}”   B: “{b}”").format(
                a=_short(answers[0].text), b=_short(answers[1].text)))
        run.done()

    # What the panel shows, not whatever the engine sends next: an answer to an earlier
    # ask (the step's first opening asks too) would be narrated beside other answers.
    run.once(run.panel.candidatesShown, shown)
    run.panel.ask(TOUR_QUESTION)
    run.say(translate("TourActions", "The model writes two answers to “{question}”…").format(
        question=TOUR_QUESTION))


def _short(text: str, n: int = 60) -> str:
    words = " ".join(str(text).split())
    return (words[:n] + "…") if len(words) > n else words


CLICK_WAIT_MS = 6000  # how long the feedback step waits for the lecturer's own click


def pick_by_rule(answers) -> tuple[int, str]:
    """The tour's fixed rule when no one clicks: (index of the answer, the rule in words).

    The answer that stopped by itself when only one of the two did; else answer A.
    """
    if answers[0].ended != answers[1].ended:
        pick = 0 if answers[0].ended else 1
        return pick, translate("TourActions", "the only one that stopped by itself")
    return 0, translate("TourActions", "both or neither stopped by themselves, so A by default")


def _give_feedback(run: StepRun) -> None:
    """Learn from one judgement: the lecturer's click if there is one within a few seconds,
    else the tour's pick by a fixed rule (`pick_by_rule`), and it says which."""
    from engine.alignment.preference import PreferencePair

    c = run.controller
    decided: list[str] = []  # "person" or "rule", once

    def learned(snap) -> None:
        margin = getattr(snap, "margin", None)
        kl = getattr(snap, "kl", None)
        run.say(tour_words.learned(decided[:1] == ["person"], margin, kl))
        run.done()

    def person(_feedback) -> None:
        if decided:
            return  # the tour's own pick, or a second click
        decided.append("person")
        run.once(c.alignment.alignmentSnapshot, learned)
        run.say(translate("TourActions", "You picked the better answer yourself: the model learns "
                          "from your click…"))

    def by_rule(candidates) -> None:
        if decided:
            return
        answers = getattr(candidates, "answers", ())
        if len(answers) < 2:
            run.say(translate("TourActions", "The model did not write two answers this time."))
            run.done()
            return
        decided.append("rule")
        pick, rule = pick_by_rule(answers)
        run.once(c.alignment.alignmentSnapshot, learned)
        if run.panel.candidates is candidates:
            run.panel.send_better(pick)
        else:
            ch, rj = answers[pick], answers[1 - pick]
            c.alignment.learn(PreferencePair(candidates.prompt, candidates.prompt_ids, ch, rj))
        run.say(translate("TourActions", "No one clicked, so the tour picks by a fixed rule: answer "
                          "{name} ({rule}): “{answer}”. Learning…").format(
            name="AB"[pick], rule=rule, answer=_short(answers[pick].text)))

    run.listen(run.panel.judgementSent, person)
    if c.alignment.candidates is None:
        c.alignment.request_candidates(TOUR_QUESTION, n=2)
    run.say(translate("TourActions", "Click the better answer. If no one does within {seconds} s, "
                      "the tour picks by a fixed rule: the answer that stopped by itself, else A."
                      ).format(seconds=CLICK_WAIT_MS // 1000))

    def wait_then_pick() -> None:
        if c.alignment.candidates is not None:
            by_rule(c.alignment.candidates)
        else:
            run.once(c.alignment.candidatesReady, by_rule)

    run.after(CLICK_WAIT_MS, wait_then_pick)


def _biased_judge(run: StepRun) -> None:
    c = run.controller
    clicks = BIASED_CLICKS

    def progress(done: int, total: int) -> None:
        run.say(translate("TourActions", "The one-sided judge has clicked {done} of {total} times, "
                          "always for “{word}”.").format(done=done, total=total, word=BIASED_WORD))

    def state(s: str, info) -> None:
        if s == "running":
            return
        before, after = (info or {}).get("before"), (info or {}).get("after")
        if before is not None and after is not None and before.n and after.n:
            # The clicks it learned from are the updates the panel and its charts count.
            said = translate("TourActions", "Answers mentioning “{word}”: {before} before, {after} "
                             "after the judge's {clicks} clicks, {learned} of which changed the "
                             "model (at the others it saw no difference between the answers)."
                             ).format(
                word=BIASED_WORD, before=percent(before.with_trait / before.n),
                after=percent(after.with_trait / after.n), clicks=int(info.get("done", clicks)),
                learned=int(info.get("learned", 0)))
            # subtle: the chart's points are other, smaller samples of answers, so its first
            # and last points differ from these two (6 -> 19 % here, 9 -> 31 % there, in one
            # run): both are real, and the sizes say which to trust more.
            snaps = c.alignment.alignment_history.snapshots
            per_point = getattr(snaps[-1], "samples", 0) if snaps else 0
            if per_point:
                said += " " + translate("TourActions", "Measured on {n} answers each time; each "
                                        "point of the chart is {m} answers, so it wanders more."
                                        ).format(n=count(after.n), m=count(per_point))
            run.say(said)
        else:
            run.say(translate("TourActions", "The judge finished.") if s == "done"
                    else translate("TourActions", "The judge stopped."))
        run.done()

    run.panel.show_biased_judge(BIASED_WORD)
    run.listen(c.alignment.rankerProgress, progress)
    run.listen(c.alignment.rankerStateChanged, state)
    run.on_leave(lambda: c.alignment.stop_ranker() if c.alignment.ranker_state == "running" else None)
    c.alignment.run_ranker(f"prefers-word:{BIASED_WORD}", clicks)
    run.say(translate("TourActions", "Measuring the model before the judge starts…"))


def _stage_strip(run: StepRun) -> None:
    c = run.controller

    def shown(views) -> None:
        answered = [v for v in views if getattr(v, "answer", None) is not None]
        run.say(translate("TourActions", "One question to the three stages side by side: "
                          "pre-trained, fine-tuned and aligned ({answered} of {total} answered)."
                          ).format(answered=len(answered), total=len(views)))
        run.done()

    run.once(c.alignment.stageStripReady, shown)
    run.panel.compare_stages(TOUR_QUESTION)


ACTIONS: dict[str, TourAction] = {
    a.name: a
    for a in (
        TourAction("load_default_mix", _load_default_mix),
        TourAction("show_cleaning", _show_cleaning),
        TourAction("split_headache", _split_headache),
        TourAction("cat_windows", _cat_windows),
        TourAction("train_20s", _train_20s),
        TourAction("sea_neighbours", _sea_neighbours),
        TourAction("look_inside", look_inside),  # gui/lecture/look_inside_step.py
        TourAction("ask_before", lambda run: _ask_both(run, after=False)),
        TourAction("finetune", _finetune),
        TourAction("ask_after", lambda run: _ask_both(run, after=True)),
        TourAction("two_answers", _two_answers),
        TourAction("give_feedback", _give_feedback),
        TourAction("biased_judge", _biased_judge),
        TourAction("stage_strip", _stage_strip),
    )
}

