"""The tour's live demonstrations: each one does the real thing through the controller
and through the shown panel's public methods, and narrates what it found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.corpus.sources import LIBRARY_SOURCES
from gui.lecture.look_inside_step import look_inside
from gui.lecture.shipped import shipped_mix
from gui.lecture.step_run import StepRun
from gui.lecture.tour_script import BIASED_CLICKS, BIASED_WORD, TOUR_QUESTION, TRAIN_SECONDS
from gui.panels.pretraining.windows_panel import CAT_SENTENCE


@dataclass(frozen=True)
class TourAction:
    """A live demonstration: its name in the tour script, and how to run it.

    It runs on the step's panel through that panel's public methods (each panel says
    which in its docstring), and on the controller.
    """

    name: str
    run: Callable[[StepRun], None]


def _words(n: int) -> str:
    return f"{n:,}"


def _load_default_mix(run: StepRun) -> None:
    # The shipped model's own mix, not merely Mix.default(): the later steps train a new
    # model on this text with the shipped tokenizer and then go back to the shipped model,
    # so all of them stand on the data that model really read.
    mix = shipped_mix()

    def shown(summary) -> None:
        if summary.mix != mix:
            return
        books = any(mix.share(source.name) > 0 for source in LIBRARY_SOURCES)
        kind = "real books" if books else "the made-up world (generated from templates)"
        run.say(f"The text the app's model learned from is loaded, {kind}: "
                f"{_words(summary.documents)} documents, {_words(summary.words)} words, "
                f"{_words(summary.tokens)} tokens.")
        run.done()

    run.listen(run.controller.pretraining.dataSummaryChanged, shown)
    run.say("Loading the text the app's model learned from…")
    run.controller.pretraining.set_mix(mix)


def _show_cleaning(run: StepRun) -> None:
    def shown(summary) -> None:
        reports = list(summary.reports)
        if not reports:
            run.say("The cleaning removed nothing from this mix.")
            run.done()
            return
        total = sum(r.removed for r in reports)
        biggest = max(range(len(reports)), key=lambda i: reports[i].removed)
        run.panel.select_cleaning_step(biggest)
        run.say(f"The cleaning threw out {_words(total)} documents in all; the biggest cut, "
                f"“{reports[biggest].name}”, removed {_words(reports[biggest].removed)}.")
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
            shown = ";  ".join(" + ".join(f"“{p.strip()}”" for p in ps) for ps in pieces)
            run.say(f"The word-piece tokenizer (BPE) cuts them as: {shown}.")
        run.done()

    if run.controller.pretraining.tokenizers:
        show(run.controller.pretraining.tokenizers)
    else:
        run.say("Preparing the three tokenizers…")
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
        n = len(sliding_windows(CAT_SENTENCE.split(" "), k))
        run.say(f"“{CAT_SENTENCE}” makes {n} windows of {k} words; the orange word is the "
                "one the model must guess each time.")
        run.done()

    if run.controller.model_tokenizer is None:
        run.once(run.controller.modelTokenizerChanged, lambda _t: start())
    else:
        start()


def _train_20s(run: StepRun) -> None:
    c = run.controller
    first = {"loss": None, "tokens": None}
    left = [TRAIN_SECONDS]

    def snapshot(snap) -> None:
        if first["loss"] is None and snap.train_loss == snap.train_loss:
            first["loss"], first["tokens"] = snap.train_loss, snap.tokens_seen

    def tick() -> None:
        left[0] -= 1
        snap = c.pretraining.latest_snapshot
        loss = "" if snap is None else f" · mistakes (loss) {snap.train_loss:.2f}"
        rate = "" if snap is None else f" · {snap.tokens_per_s:,.0f} tokens a second"
        if left[0] > 0:
            run.say(f"Training: {left[0]} s to go{loss}{rate}")

    def stop() -> None:
        c.pretraining.pause_training()
        snap = c.pretraining.latest_snapshot
        if snap is not None and first["loss"] is not None:
            read = snap.tokens_seen - first["tokens"]
            run.say(f"Paused after {TRAIN_SECONDS} s. It read {_words(read)} tokens; its "
                    f"mistakes (loss) went from {first['loss']:.2f} to {snap.train_loss:.2f}.")
        else:
            run.say(f"Paused after {TRAIN_SECONDS} s.")
        run.done()

    started = [False]

    def state(s: str) -> None:
        # The clock starts when the model really trains, not when it was asked to.
        if s == "running" and not started[0]:
            started[0] = True
            run.every(1000, tick)
            run.after(TRAIN_SECONDS * 1000, stop)
            run.say(f"Training: {TRAIN_SECONDS} s to go")
        elif s == "diverged":
            run.finish_timers()
            snap = c.pretraining.latest_snapshot
            run.say(snap.message if snap is not None and snap.message else
                    "Training stopped: its numbers blew up, and it went back to its last good state.")
            run.done()

    run.listen(c.pretraining.trainingSnapshot, snapshot)
    run.listen(c.pretraining.trainingStateChanged, state)
    run.on_leave(lambda: c.pretraining.pause_training() if c.pretraining.training_state == "running" else None)
    run.say("A new model starts from random numbers…")
    run.tour.trained_from_scratch = True  # the next step goes back to the shipped model
    c.pretraining.start_training(from_scratch=True)


def _sea_neighbours(run: StepRun) -> None:
    c = run.controller
    if run.tour.trained_from_scratch:
        # The 20-second model is too young for a tidy map: back to the shipped one first.
        run.tour.trained_from_scratch = False
        run.once(c.demoReset, lambda: _sea_neighbours(run))
        run.say("Back to the model that came with the app…")
        c.reset_demo()
        return

    def found(word, neighbours, message) -> None:
        if word != "sea":
            return
        if message or not neighbours:
            run.say(message or "The model found no neighbours for “sea”.")
        else:
            listed = ", ".join(f"“{n.token.strip()}” ({n.similarity:.2f})" for n in neighbours[:5])
            run.say(f"Nearest to “sea”, measured by cosine similarity: {listed}.")
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
            words = getattr(g, "text", "") if g is not None else getattr(o, "note", "")
            words = " ".join(str(words).split())
            return (words[:90] + "…") if len(words) > 90 else words

        if after and tuned is not None:
            run.say(f"Fine-tuned: “{text(tuned)}”")
        elif base is not None:
            run.say(f"Pre-trained, asked “{question}”: “{text(base)}”")
        run.done()

    def ask() -> None:
        run.once(c.finetuning.comparisonReady, answered)
        run.panel.ask(question)
        run.say(f"Asking “{question}”…")

    if after and c.finetuning.finetune_state == "running":
        run.say("Waiting for fine-tuning to finish…")
        run.once(c.finetuning.finetuneStateChanged, lambda _s: ask())
    else:
        ask()


def _finetune(run: StepRun) -> None:
    c = run.controller

    def progress(snap) -> None:
        total = (c.finetuning.sft_run or {}).get("max_steps")
        of = f" of {total}" if total else ""
        run.say(f"Fine-tuning: lesson {snap.step}{of} · mistakes on answers (loss) {snap.train_loss:.2f}")

    def state(s: str) -> None:
        if s != "running":
            snap = c.finetuning.latest_sft_snapshot
            loss = f" Its mistakes on answers (loss) ended at {snap.train_loss:.2f}." if snap else ""
            run.say(f"Fine-tuning {'finished' if s == 'done' else s}.{loss}")
            run.done()

    run.listen(c.finetuning.finetuneSnapshot, progress)
    run.listen(c.finetuning.finetuneStateChanged, state)
    run.panel.start_finetune()
    run.say("Fine-tuning starts from the pre-trained model…")


def _two_answers(run: StepRun) -> None:
    c = run.controller

    def shown(candidates) -> None:
        answers = getattr(candidates, "answers", ())
        if len(answers) >= 2:
            run.say(f"A: “{_short(answers[0].text)}”   B: “{_short(answers[1].text)}”")
        run.done()

    run.once(c.alignment.candidatesReady, shown)
    run.panel.ask(TOUR_QUESTION)
    run.say(f"The model writes two answers to “{TOUR_QUESTION}”…")


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
        return pick, "the only one that stopped by itself"
    return 0, "both or neither stopped by themselves, so A by default"


def _give_feedback(run: StepRun) -> None:
    """Learn from one judgement: the lecturer's click if there is one within a few seconds,
    else the tour's pick by a fixed rule (`pick_by_rule`), and it says which."""
    from engine.alignment.preference import PreferencePair

    c = run.controller
    decided: list[str] = []  # "person" or "rule", once

    def learned(snap) -> None:
        margin = getattr(snap, "margin", None)
        kl = getattr(snap, "kl", None)
        parts = []
        if margin is not None:
            parts.append(f"it now prefers the chosen answer by a margin of {margin:.2f}")
        if kl is not None:
            parts.append(f"it moved {kl:.3f} away from where it started (KL)")
        who = "your click" if decided[:1] == ["person"] else "the tour's pick"
        run.say(f"Learned from {who}: " + (", and ".join(parts) or "the model changed") + ".")
        run.done()

    def person(_feedback) -> None:
        if decided:
            return  # the tour's own pick, or a second click
        decided.append("person")
        run.once(c.alignment.alignmentSnapshot, learned)
        run.say("You picked the better answer yourself: the model learns from your click…")

    def by_rule(candidates) -> None:
        if decided:
            return
        answers = getattr(candidates, "answers", ())
        if len(answers) < 2:
            run.say("The model did not write two answers this time.")
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
        run.say(f"No one clicked, so the tour picks by a fixed rule: answer {'AB'[pick]} ({rule}): "
                f"“{_short(answers[pick].text)}”. Learning…")

    run.listen(run.panel.judgementSent, person)
    if c.alignment.candidates is None:
        c.alignment.request_candidates(TOUR_QUESTION, n=2)
    run.say(f"Click the better answer. If no one does within {CLICK_WAIT_MS // 1000} s, the tour "
            "picks by a fixed rule: the answer that stopped by itself, else A.")

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
        run.say(f"The one-sided judge has clicked {done} of {total} times, always for “{BIASED_WORD}”.")

    def state(s: str, info) -> None:
        if s == "running":
            return
        before, after = (info or {}).get("before"), (info or {}).get("after")
        if before is not None and after is not None and before.n and after.n:
            run.say(f"Answers mentioning “{BIASED_WORD}”: {100 * before.with_trait / before.n:.0f} % before, "
                    f"{100 * after.with_trait / after.n:.0f} % after {clicks} biased clicks.")
        else:
            run.say(f"The judge {'finished' if s == 'done' else 'stopped'}.")
        run.done()

    run.panel.show_biased_judge(BIASED_WORD)
    run.listen(c.alignment.rankerProgress, progress)
    run.listen(c.alignment.rankerStateChanged, state)
    run.on_leave(lambda: c.alignment.stop_ranker() if c.alignment.ranker_state == "running" else None)
    c.alignment.run_ranker(f"prefers-word:{BIASED_WORD}", clicks)
    run.say("Measuring the model before the judge starts…")


def _stage_strip(run: StepRun) -> None:
    c = run.controller

    def shown(views) -> None:
        answered = [v for v in views if getattr(v, "answer", None) is not None]
        run.say(f"One question to the three stages side by side: pre-trained, fine-tuned and "
                f"aligned ({len(answered)} of {len(views)} answered).")
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

