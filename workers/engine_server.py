"""The engine worker: the live model, run away from the GUI thread.

No Qt here (this module runs inside the spawned worker process, which never loads Qt).

`EngineServer` holds an `engine.session.core.Session` and executes commands against it.
A long job (training) is a generator it advances one step at a time, answering quick
commands (probes, data questions) between steps. Everything it has to say goes out
through one `emit(event)` callback as a tuple `(kind, *payload)` of plain, picklable
values. Both backends of the controller drive the same server:

- `worker_main` runs it in a spawned process (the default, see gui/controller.py);
- `InProcessBackend` runs it on the GUI thread from a timer (tests).

Commands (tuples, first item is the name):
    ("status",)                          -> ("status", ModelStatus)
    ("data_summary",)                    -> ("data_summary", DataSummary)
    ("set_mix", mix)                     -> ("data_summary", ...), ("tokenizers", ...), ("status", ...)
    ("add_user_texts", path)             -> same as set_mix, or ("error", ...) and nothing changes
    ("tokenizers",)                      -> ("tokenizers", {name: tok.to_dict()})
    ("passage", key, n_tokens, seed)     -> ("passage", key, list[int])
    ("embedding_snapshot",)              -> ("embedding_snapshot", EmbeddingSnapshot)
                                            (or ("embedding_snapshot_done",) then an error)
    ("neighbours", word, k)              -> ("neighbours", word, list[Neighbour], message)
    ("next_token", key, ids, k)          -> ("next_token", key, NextTokenDistribution)
    ("look_inside", key, InsideRequest)  -> ("inside", key, InsideView), or ("inside_done", key)
                                            then an error
    ("train", from_scratch, seed, lr, max_steps)
                                         -> ("training_state", "running"), ("snapshots", [...]), ...
    ("pause",) / ("step",) / ("stop",)   -> ("training_state", ...)
    Fine-tuning (Pillar II; the block at the end of EngineServer):
    ("qa_set",) / ("set_qa", QASet)      -> ("qa_set", QASet)
    ("finetune", seed, max_steps, train_on_prompt, lr)
                                         -> ("sft_started", dict), ("finetune_state", "running"),
                                            ("sft_snapshots", [SFTSnapshot, ...]), ...,
                                            ("finetune_state", "done" | "stopped" | "diverged")
    ("stop_finetune",)                   -> ("finetune_state", "stopped")
    ("compare", key, question, DecodeSettings, base_chat)
                                         -> ("comparison", key, StageComparison)
    ("answer_rate", DecodeSettings)      -> ("answer_rates", StageRates)
    Preference updates (Pillar III; the block after Pillar II's):
    ("align_history",)                   -> ("align_history", tuple[AlignmentSnapshot, ...])
    ("candidates", key, prompt, n, seed) -> ("align_candidates", key, Candidates)
    ("judge", feedback)                  -> ("align_progress", "learning"), ("align_snapshot", s),
                                            ("status", ...), ("align_progress", "")
    ("reset_alignment",)                 -> ("align_history", (snapshot,)), ("status", ...)
    ("set_alignment_trait", spec)        -> ("align_snapshot", AlignmentSnapshot)
    ("stage_strip", key, prompt, seed)   -> ("stage_strip", key, tuple[StageView, ...])
    ("run_ranker", spec, clicks, seed)   -> ("ranker_state", "running", info), then per click
                                            ("align_snapshot", s), ("ranker_progress", done, total),
                                            finally ("ranker_state", "done" | "stopped", info)
    ("stop_ranker",)                     -> ("ranker_state", "stopped", info)
    ("reset_demo",)                      -> ("training_state", "stopped"), ("demo_reset", ModelStatus),
                                            ("tokenizers", ...), ("model_tokenizer", ...),
                                            ("qa_set", QASet), ("data_summary", DataSummary)
    Session files (the block after "Reset the demo"):
    ("save_session", path)               -> ("busy", "saving", True), ("progress", "saving", f, text)...,
                                            ("session_file", "save", ok, path, message), busy False
    ("cancel_save",)                     -> ("session_file", "save", False, path, message)
    ("open_session", path)               -> ("session_opened", path), ("ready", ModelStatus),
                                            ("session_file", "open", True, path, message), then
                                            tokenizers, qa_set, align_history, data_summary; or
                                            ("session_file", "open", False, ...) + ("error", ...)
                                            and the current session is kept
    ("shutdown",)                        -> the loop ends

Other events: ("busy", what, bool), ("ready", ModelStatus), ("load_failed", message),
("model_tokenizer", dict) (the BPE the model reads, sent right after "ready"),
("error", title, message, traceback_text).
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

Event = tuple
Emit = Callable[[Event], None]

# Snapshots are sent in small batches: one message per ~50 ms instead of one per step keeps
# the queue traffic (and the pickling in this process) negligible next to training.
SNAPSHOT_FLUSH_S = 0.05


CHECKPOINT_ENV = "THREE_PILLARS_CHECKPOINT"


def default_session():
    """The shipped default checkpoint (assets/checkpoints/base), or $THREE_PILLARS_CHECKPOINT."""
    from engine.session.core import Session

    path = os.environ.get(CHECKPOINT_ENV)
    return Session.from_checkpoint(path) if path else Session.from_default()


class EngineServer:
    """Executes controller commands against one Session; advances the training job."""

    def __init__(self, session_factory: Callable[[], Any], emit: Emit):
        self._factory = session_factory
        self._emit = emit
        self.session: Any = None
        self._job: Iterator | None = None
        self._job_params: tuple | None = None  # (seed, lr, max_steps) of the running job
        self._state = "stopped"  # "running" | "paused" | "stopped" | "diverged"
        self._steps_left: int | None = None  # set by "step": run this many, then pause
        self._last_params: tuple = (0, None, None)
        self._batch: list = []
        self._last_flush = 0.0
        self._sent_tokenizer: int | None = None  # id() of the model tokenizer last sent
        self._inside: tuple[int, Any] | None = None  # (id of its session, InsideProbe): Look inside

    # -- life cycle -------------------------------------------------------------------
    def load(self) -> bool:
        """Build the session (imports torch, loads the model); report progress."""
        self._emit(("busy", "loading", True))
        try:
            self.session = self._factory()
            self._emit(("ready", self.session.status()))
            # The model's own tokenizer first (instant, from the checkpoint); the three
            # side by side need the corpus, which takes a moment to build.
            self._emit(("model_tokenizer", self.session.ensure_tokenizer().to_dict()))
        except Exception as exc:  # noqa: BLE001 - reported to the person, never silent
            self._error("Could not load the model", exc)
            self._emit(("load_failed", _message(exc)))
            return False
        finally:
            self._emit(("busy", "loading", False))
        self._emit(("busy", "data", True))
        try:
            self._send_tokenizers()
        except Exception as exc:  # noqa: BLE001
            self._error("Could not prepare the tokenizers", exc)
        finally:
            self._emit(("busy", "data", False))
        return True

    @property
    def wants_to_run(self) -> bool:
        """True while the training job (or the fine-tuning job) should be advanced."""
        return ((self._job is not None and self._state == "running") or self._ft_job is not None
                or self._rank_job is not None  # Pillar III: a scripted ranker demo
                or self._save_job is not None)  # session files: a save in progress

    # -- commands ---------------------------------------------------------------------
    def handle(self, command: tuple) -> None:
        """Execute one quick command; errors become ("error", ...) events."""
        name, *args = command
        method = getattr(self, f"_cmd_{name}", None)
        if method is None:
            self._emit(("error", "Unknown request", f"The engine has no command {name!r}.", ""))
            return
        if self.session is None:
            self._emit(("error", "The model is not loaded", "The model could not be loaded, "
                        "so this request cannot run. See the earlier message.", ""))
            return
        try:
            method(*args)
        except Exception as exc:  # noqa: BLE001
            self._error(_TITLES.get(name, "Something went wrong"), exc, show_trace=not _is_user_error(exc))

    def _cmd_status(self) -> None:
        self._emit(("status", self.session.status()))

    def _cmd_data_summary(self) -> None:
        self._emit(("busy", "data", True))
        try:
            self._emit(("data_summary", self.session.data_summary()))
        finally:
            self._emit(("busy", "data", False))

    def _cmd_set_mix(self, mix) -> None:
        self._emit(("busy", "data", True))
        try:
            self._emit(("data_summary", self.session.set_mix(mix)))
            self._send_tokenizers()
            self._emit(("status", self.session.status()))
        finally:
            self._emit(("busy", "data", False))

    def _cmd_add_user_texts(self, path) -> None:
        self._emit(("busy", "data", True))
        try:
            self._emit(("data_summary", self.session.add_user_texts(path)))
            self._send_tokenizers()
        finally:
            self._emit(("busy", "data", False))

    def _cmd_tokenizers(self) -> None:
        self._send_tokenizers()

    def _cmd_passage(self, key: str, n_tokens: int, seed: int = 0) -> None:
        ids = self.session.passage(n_tokens, seed=seed)
        self._emit(("passage", key, [int(i) for i in ids]))

    def _cmd_next_token(self, key: str, ids: list[int], k: int) -> None:
        try:
            dist = self.session.next_token(list(ids), k)
        except Exception:
            self._emit(("next_token_done", key))  # the controller may send the next one
            raise
        self._emit(("next_token", key, dist))

    # -- Embeddings panel (added by the embeddings work) -------------------------------
    def _cmd_embedding_snapshot(self) -> None:
        try:
            snapshot = self.session.embedding_snapshot()
        except Exception:
            self._emit(("embedding_snapshot_done",))  # the controller may ask again
            raise
        self._emit(("embedding_snapshot", snapshot))

    # -- Look inside (issue 17): attention, layer-by-layer guesses, parameter map ------
    def _cmd_look_inside(self, key: str, request) -> None:
        from engine.pretraining.inside import InsideError

        try:
            if self.session.model is None:
                raise InsideError("There is no model yet: train one first.")
            view = self._inside_probe().view(
                self.session.model, self.session.ensure_tokenizer(), request,
                clock=int(self.session.tokens_seen), tokens_per_step=_tokens_per_step(self.session))
        except Exception:
            self._emit(("inside_done", key))  # the controller may send the next one
            raise
        self._emit(("inside", key, view))

    def _inside_probe(self):
        """One probe per session; its head labels are measured on a few real passages."""
        from engine.pretraining.inside import InsideProbe

        if self._inside is None or self._inside[0] != id(self.session):
            rows = [self.session.passage(64, seed=s) for s in range(4)]
            n = min(len(r) for r in rows)
            self._inside = (id(self.session), InsideProbe([r[:n] for r in rows] if n >= 3 else None))
        return self._inside[1]

    def _cmd_neighbours(self, word: str, k: int) -> None:
        # A word that is not one token (or no model yet) is an answer, not a failure:
        # the panel shows the message beside the search box.
        try:
            found = self.session.neighbours(word, k)
        except ValueError as exc:  # ProbeError is a ValueError
            self._emit(("neighbours", word, [], _message(exc)))
            return
        except Exception:
            self._emit(("neighbours", word, [], "The model could not answer this time."))
            raise
        self._emit(("neighbours", word, found, ""))

    def _cmd_train(self, from_scratch: bool, seed: int, lr: float | None, max_steps=None) -> None:
        params = (seed, lr, max_steps)
        self._last_params = params
        if not from_scratch and self._job is not None and self._job_params == params:
            self._set_state("running")  # resume the paused job where it was
            return
        self._end_job()
        self._new_job(from_scratch, params)
        self._set_state("running")

    def _cmd_pause(self) -> None:
        if self._job is not None and self._state == "running":
            self._steps_left = None
            self._flush(force=True)
            self._set_state("paused")

    def _cmd_step(self) -> None:
        if self._job is None:
            self._new_job(False, self._last_params)
        self._steps_left = 1
        self._set_state("running")

    def _cmd_stop(self) -> None:
        self._end_job()
        self._set_state("stopped")

    # -- the training job -------------------------------------------------------------
    def _new_job(self, from_scratch: bool, params: tuple) -> None:
        from engine.pretraining.trainer import TrainConfig

        self._stop_finetune()  # Pillar II: one job at a time
        seed, lr, max_steps = params
        kwargs: dict[str, Any] = {"seed": int(seed), "max_steps": max_steps}
        if lr is not None:
            kwargs["lr"] = float(lr)
        self._emit(("busy", "training", True))
        self._job = iter(self.session.pretrain(TrainConfig(**kwargs), from_scratch=from_scratch))
        self._job_params = params
        self._emit(("train_started", bool(from_scratch)))
        if from_scratch:
            self._emit(("status", self.session.status()))
            if self._tokenizer_changed():  # a new mix gets its own word pieces
                self._send_tokenizers()
                # the training set's size in tokens depends on the tokenizer
                self._emit(("data_summary", self.session.data_summary()))

    def _end_job(self) -> None:
        """Stop the current job at once (its final 'stopped' snapshot is forwarded)."""
        if self._job is None:
            return
        job, self._job = self._job, None
        try:
            self.session.request_stop()
            for snap in job:  # ends at once: the stop flag is checked before any step
                self._batch.append(snap)
        except Exception as exc:  # noqa: BLE001
            self._error("Training stopped with an error", exc)
        finally:
            close = getattr(job, "close", None)
            if close is not None:
                close()
        self._steps_left = None
        self._flush(force=True)
        self._emit(("busy", "training", False))

    def advance(self) -> None:
        """Run one training step and queue its snapshot."""
        if self._save_job is not None:  # session files: a save writes one chunk per call
            self._advance_save()
            return
        if self._rank_job is not None:  # Pillar III: a scripted ranker demo runs first
            self._advance_ranker()
            return
        if self._ft_job is not None:  # Pillar II: a fine-tuning job runs instead
            self._advance_finetune()
            return
        if self._job is None:
            return
        try:
            snap = next(self._job)
        except StopIteration:
            self._finish_job("stopped")
            return
        except Exception as exc:  # noqa: BLE001
            self._job = None
            self._error("Training stopped with an error", exc)
            self._finish_job("stopped")
            return
        self._batch.append(snap)
        status = getattr(snap, "status", "running")
        if status != "running":
            self._finish_job("diverged" if status == "diverged" else "stopped")
            return
        if self._steps_left is not None:
            self._steps_left -= 1
            if self._steps_left <= 0:
                self._steps_left = None
                self._flush(force=True)
                self._set_state("paused")
                return
        self._flush()

    def _finish_job(self, state: str) -> None:
        job, self._job = self._job, None
        if job is not None and hasattr(job, "close"):
            job.close()
        self._steps_left = None
        self._flush(force=True)
        self._emit(("busy", "training", False))
        self._set_state(state)

    def _flush(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not self._batch or (not force and now - self._last_flush < SNAPSHOT_FLUSH_S):
            return
        batch, self._batch = self._batch, []
        self._last_flush = now
        self._emit(("snapshots", batch))
        self._emit(("status", self.session.status()))

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
        # Always say it: a fresh "running" after "running" means a new run began.
        self._emit(("training_state", state))

    # ===== Pillar II: fine-tuning (the Fine-tune panel) =================================
    # A fine-tuning run is a job of its own (`_ft_job`), advanced by `advance()` like
    # training; starting one ends the other. Its snapshots go out as "sft_snapshots" so
    # the pre-training loss history never mixes with them.
    _ft_job: Iterator | None = None

    def _cmd_qa_set(self) -> None:
        self._emit(("qa_set", self.session.qa_set()))

    def _cmd_set_qa(self, qa) -> None:
        self._emit(("qa_set", self.session.set_qa(qa)))

    def _cmd_finetune(self, seed: int = 0, max_steps: int | None = None,
                      train_on_prompt: bool = False, lr: float | None = None) -> None:
        from engine.finetuning.trainer import SFTConfig

        kwargs: dict[str, Any] = {"seed": int(seed)}
        if max_steps is not None:
            kwargs["max_steps"] = int(max_steps)
        if lr is not None:
            kwargs["lr"] = float(lr)
        config = SFTConfig(**kwargs)  # validates before anything stops or starts
        self._stop_finetune()
        if self._job is not None:
            self._end_job()
            self._set_state("stopped")
        job = iter(self.session.finetune(config, train_on_prompt=bool(train_on_prompt)))
        self._ft_job, self._ft_batch, self._ft_last_flush = job, [], 0.0
        qa = self.session.qa_set()
        self._emit(("busy", "fine-tuning", True))
        self._emit(("sft_started", {"train_on_prompt": bool(train_on_prompt),
                                    "max_steps": config.max_steps, "train": len(qa.train),
                                    "heldout": len(qa.heldout)}))
        self._emit(("status", self.session.status()))
        self._emit(("finetune_state", "running"))

    def _cmd_stop_finetune(self) -> None:
        self._stop_finetune()

    def _cmd_compare(self, key: str, question: str, settings=None, base_chat: bool = False) -> None:
        self._emit(("comparison", key, self.session.compare(question, settings, base_chat)))

    def _cmd_answer_rate(self, settings=None) -> None:
        self._emit(("busy", "measuring", True))
        try:
            self._emit(("answer_rates", self.session.answer_rates(settings)))
        finally:
            self._emit(("busy", "measuring", False))

    def _advance_finetune(self) -> None:
        try:
            snap = next(self._ft_job)
        except StopIteration:
            self._finish_finetune("done")
            return
        except Exception as exc:  # noqa: BLE001
            self._error("Fine-tuning stopped with an error", exc)
            self._finish_finetune("stopped")
            return
        self._ft_batch.append(snap)
        if snap.status != "running":
            self._finish_finetune(snap.status)
        else:
            self._flush_finetune()

    def _stop_finetune(self) -> None:
        """End a running fine-tuning job now (its final 'stopped' snapshot is sent)."""
        if self._ft_job is None:
            return
        try:
            self.session.stop_finetune()
            for snap in self._ft_job:  # ends at once: the flag is checked before a step
                self._ft_batch.append(snap)
        except Exception as exc:  # noqa: BLE001
            self._error("Fine-tuning stopped with an error", exc)
        self._finish_finetune("stopped")

    def _finish_finetune(self, state: str) -> None:
        job, self._ft_job = self._ft_job, None
        if job is not None:
            job.close()
        self._flush_finetune(force=True)
        self._emit(("busy", "fine-tuning", False))
        self._emit(("status", self.session.status()))
        self._emit(("finetune_state", state))

    def _flush_finetune(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not self._ft_batch or (not force and now - self._ft_last_flush < SNAPSHOT_FLUSH_S):
            return
        batch, self._ft_batch = self._ft_batch, []
        self._ft_last_flush = now
        self._emit(("sft_snapshots", batch))
        self._emit(("status", self.session.status()))

    # ===== end of Pillar II ==============================================================

    # ===== Pillar III: preference updates (the Chat & feedback panel) ====================
    # A thumbs click is one quick command (learn, then measure: well under 2 s). A scripted
    # ranker demo is a job (`_rank_job`), one click per `advance()`, so other commands
    # (and "stop_ranker") are answered between clicks. Starting one ends training and
    # fine-tuning: they would change the same live model.
    _rank_job: Iterator | None = None
    _rank_info: dict | None = None

    def _align_prepare(self) -> None:
        """Stop jobs that would change the model, and say if the live model changed."""
        self._stop_finetune()
        if self._job is not None:
            self._end_job()
            self._set_state("stopped")
        before = id(self.session.model)
        self.session.alignment()
        if id(self.session.model) != before:
            self._emit(("status", self.session.status()))
            self._emit(("align_history", tuple(self.session.alignment_history())))

    def _cmd_align_history(self) -> None:
        self._align_prepare()
        self._emit(("align_history", tuple(self.session.alignment_history())))

    def _cmd_candidates(self, key: str, prompt: str, n: int = 2, seed: int = 0) -> None:
        self._align_prepare()
        self._emit(("align_candidates", key, self.session.candidates(prompt, int(n), int(seed))))

    def _cmd_judge(self, feedback) -> None:
        self._align_prepare()
        self._emit(("busy", "aligning", True))
        try:
            self._emit(("align_progress", "learning"))
            snap = self.session.judge(feedback)
            self._emit(("align_snapshot", snap))
            self._emit(("status", self.session.status()))
        finally:
            self._emit(("align_progress", ""))
            self._emit(("busy", "aligning", False))

    def _cmd_reset_alignment(self) -> None:
        self._stop_ranker()
        self._align_prepare()
        self.session.reset_alignment()
        self._emit(("align_history", tuple(self.session.alignment_history())))
        self._emit(("status", self.session.status()))

    def _cmd_set_alignment_trait(self, spec: str | None) -> None:
        self._align_prepare()
        self._emit(("align_snapshot", self.session.set_alignment_trait(spec)))

    def _cmd_stage_strip(self, key: str, prompt: str, seed: int = 0) -> None:
        self._align_prepare()
        self._emit(("stage_strip", key, self.session.stage_strip(prompt, k=4, seed=int(seed))))

    def _cmd_run_ranker(self, spec: str, clicks: int, seed: int = 0) -> None:
        from engine.alignment.rankers import parse_ranker

        self._stop_ranker()
        self._align_prepare()
        ranker = parse_ranker(spec, self.session.ensure_tokenizer(), seed=int(seed))
        run = self.session.alignment()
        self._emit(("busy", "aligning", True))
        if ranker.trait is not None and not run.measures(ranker.trait):
            self._emit(("align_snapshot", run.set_trait(ranker.trait)))
        before = run.answer_stats(samples_per_prompt=2, seed=int(seed) + 1)
        self._rank_info = {"ranker": ranker.name, "description": ranker.description,
                           "clicks": int(clicks), "done": 0, "trait": run.trait.label if run.trait else "",
                           "before": before, "seed": int(seed)}
        self._rank_job = iter(self.session.run_ranker(ranker, int(clicks), seed=int(seed)))
        self._emit(("ranker_state", "running", dict(self._rank_info)))

    def _cmd_stop_ranker(self) -> None:
        self._stop_ranker()

    def _advance_ranker(self) -> None:
        try:
            snap = next(self._rank_job)
        except StopIteration:
            self._finish_ranker("done")
            return
        except Exception as exc:  # noqa: BLE001
            self._error("The automatic judge stopped with an error", exc)
            self._finish_ranker("stopped")
            return
        self._rank_info["done"] += 1
        self._emit(("align_snapshot", snap))
        self._emit(("ranker_progress", self._rank_info["done"], self._rank_info["clicks"]))

    def _stop_ranker(self) -> None:
        if self._rank_job is not None:
            self.session.stop_ranker()
            self._finish_ranker("stopped")

    def _finish_ranker(self, state: str) -> None:
        from engine.alignment.answer_quality import compare_stats

        job, self._rank_job = self._rank_job, None
        if job is not None:
            job.close()
        info, self._rank_info = self._rank_info or {}, None
        try:
            before = info.get("before")
            if before is not None:
                run = self.session.alignment()
                after = run.answer_stats(samples_per_prompt=2, seed=info["seed"] + 1)
                test = compare_stats(before, after, seed=info["seed"])
                info.update(after=after, before_after=test, p_value=test.trait.p_value)
        finally:
            self._emit(("status", self.session.status()))
            self._emit(("ranker_state", state, info))
            self._emit(("busy", "aligning", False))

    # ===== end of Pillar III =============================================================

    # ===== Reset the demo (the lecture tour; gui/tour.py) ================================
    def _cmd_reset_demo(self) -> None:
        """Everything back to what the app ships: every job stopped, the shipped model, the
        default mix, the bundled question/answer pairs.

        The shipped checkpoint is read again (a fraction of a second with one torch
        thread); the corpus and the encoded data already built are kept when they belong
        to it, so nothing slow is rebuilt. The status goes out first.
        """
        stop_ranker = getattr(self, "_stop_ranker", None)
        if stop_ranker is not None:
            stop_ranker()
        self._stop_finetune()
        if self._job is not None:
            self._end_job()
        self._set_state("stopped")
        self._emit(("busy", "loading", True))
        try:
            old, self.session = self.session, self._factory()
        finally:
            self._emit(("busy", "loading", False))
        _carry_built_data(self.session, old)
        self._job_params, self._last_params, self._steps_left = None, (0, None, None), None
        self._emit(("demo_reset", self.session.status()))
        self._send_tokenizers()
        self._emit(("qa_set", self.session.qa_set()))
        self._emit(("data_summary", self.session.data_summary()))

    # ===== end of reset the demo ==========================================================

    # ===== Session files (File > Save session… / Open session…; engine/session_file.py) ==
    # A save is a job (`_save_job`) advanced a chunk per `advance()`, so its progress is
    # reported and "cancel_save" is answered between chunks; the session is copied at its
    # first chunk, so training may go on meanwhile. Opening reads and checks the whole file
    # into a new Session first and only then swaps it in: a refused file changes nothing.
    _save_job: Iterator | None = None
    _save_path: str = ""

    def _cmd_save_session(self, path: str) -> None:
        from engine.session.file import iter_save_session

        self._cancel_save(quiet=True)
        self._save_job, self._save_path = iter_save_session(path, self.session), str(path)
        self._emit(("busy", "saving", True))
        self._advance_save()

    def _cmd_cancel_save(self) -> None:
        self._cancel_save()

    def _cancel_save(self, quiet: bool = False) -> None:
        job, self._save_job = self._save_job, None
        if job is None:
            return
        job.close()  # removes the temp file; the previous file is untouched
        if not quiet:
            name = os.path.basename(self._save_path)
            self._emit(("session_file", "save", False, self._save_path,
                        f'Saving was cancelled. Any earlier "{name}" is unchanged.'))
        self._emit(("progress", "saving", -1.0, ""))
        self._emit(("busy", "saving", False))

    def _advance_save(self) -> None:
        try:
            step = next(self._save_job)
        except StopIteration:
            step = None
        except Exception as exc:  # noqa: BLE001 - reported to the person, never silent
            self._save_job = None
            self._emit(("session_file", "save", False, self._save_path, _message(exc)))
            self._emit(("progress", "saving", -1.0, ""))
            self._emit(("busy", "saving", False))
            self._error("Could not save the session", exc,
                        show_trace=type(exc).__name__ != "SessionFileError")
            return
        if step is not None and not step.done:
            self._emit(("progress", "saving", step.fraction, step.message))
            return
        job, self._save_job = self._save_job, None
        if job is not None:
            job.close()
        self._emit(("progress", "saving", -1.0, ""))
        self._emit(("busy", "saving", False))
        self._emit(("session_file", "save", True, self._save_path,
                    step.message if step is not None else "Saved."))

    def _cmd_open_session(self, path: str) -> None:
        from engine.session.file import SessionFileError, load_session

        self._emit(("busy", "opening", True))
        try:
            new = load_session(path)  # raises before anything here changes
        except Exception as exc:
            self._emit(("session_file", "open", False, str(path), _message(exc)))
            if isinstance(exc, SessionFileError):
                self._error("Could not open the session", exc, show_trace=False)
                return
            raise
        finally:
            self._emit(("busy", "opening", False))
        # The file is good: stop whatever runs on the old session, then swap.
        self._cancel_save(quiet=True)
        stop_ranker = getattr(self, "_stop_ranker", None)
        if stop_ranker is not None:
            stop_ranker()
        self._stop_finetune()
        if self._job is not None:
            self._end_job()
        self._set_state("stopped")
        data_key = getattr(new, "_tokenizer_data_key", None)
        old, self.session = self.session, new
        _carry_built_data(new, old)  # the corpus of the same seed is not rebuilt
        new._tokenizer_data_key = data_key  # subtle: whether the tokenizer fits is the file's say
        self._job_params, self._last_params, self._steps_left = None, (0, None, None), None
        self._sent_tokenizer = None
        name = os.path.basename(str(path))
        self._emit(("session_opened", str(path)))
        self._emit(("ready", new.status()))
        self._emit(("session_file", "open", True, str(path), f'Opened the session "{name}".'))
        self._emit(("busy", "data", True))
        try:
            self._emit(("model_tokenizer", new.ensure_tokenizer().to_dict()))
            self._emit(("qa_set", new.qa_set()))
            if new.__dict__.get("_alignment_run") is not None:
                self._emit(("align_history", tuple(new.alignment_history())))
            self._send_tokenizers()
            self._emit(("data_summary", new.data_summary()))
        finally:
            self._emit(("busy", "data", False))

    # ===== end of session files ==========================================================

    # -- helpers ----------------------------------------------------------------------
    def _tokenizer_changed(self) -> bool:
        return id(getattr(self.session, "tokenizer", None)) != self._sent_tokenizer

    def _send_tokenizers(self) -> None:
        self._sent_tokenizer = id(getattr(self.session, "tokenizer", None))
        toks = self.session.tokenizers()
        self._emit(("tokenizers", {name: tok.to_dict() for name, tok in toks.items()}))
        if "bpe" in toks:
            self._emit(("model_tokenizer", toks["bpe"].to_dict()))

    def _error(self, title: str, exc: BaseException, show_trace: bool = True) -> None:
        tb = "".join(traceback.format_exception(exc)) if show_trace else ""
        self._emit(("error", title, _message(exc), tb))



def _tokens_per_step(session) -> int:
    """Tokens one pre-training step reads (the clock of "changed in the last N steps")."""
    from engine.pretraining.trainer import TrainConfig

    return TrainConfig().batch_size * session.model.config.block_size


def _carry_built_data(new, old) -> None:
    """Let `new` (a reset Session) reuse what `old` already built for the same data.

    The corpus is a pure function of the seed; the curated documents, the three
    tokenizers and the encoded ids are cached per data key (and per tokenizer object),
    and they still hold when the tokenizer is the same. Building them again costs
    seconds, a reset must cost less. The same glue as tests/conftest.py: if the engine
    renames these attributes, a reset gets slower, not wrong.
    """
    if old is None or getattr(old, "seed", None) != getattr(new, "seed", None):
        return
    try:
        if getattr(new, "_corpus", True) is None and getattr(old, "_corpus", None) is not None:
            new._corpus = old._corpus
        if (old.tokenizer is not None and new.tokenizer is not None
                and old.tokenizer.to_dict() == new.tokenizer.to_dict()):
            new.tokenizer = old.tokenizer  # the same object: the id-keyed caches hold
            new._tokenizer_data_key = new._data_key()
        key, tok_id = new._data_key(), id(new.tokenizer)
        for k, v in old._cache.items():
            # ("curated", key), ("tokenizers", key), ("ids", key, id(tok)), ...
            if isinstance(k, tuple) and len(k) > 1 and k[1] == key and (len(k) < 3 or k[2] == tok_id):
                new._cache.setdefault(k, v)
    except AttributeError:  # pragma: no cover - an engine without these caches
        pass

_TITLES = {
    "add_user_texts": "Could not add your text",
    "set_mix": "Could not change the mix",
    "data_summary": "Could not read the training data",
    "next_token": "The model could not make its guesses",
    "passage": "Could not pick a passage",
    "embedding_snapshot": "Could not read the word map",
    "neighbours": "Could not find the nearest words",
    "look_inside": "Could not look inside the model",
    "train": "Could not start training",
    "step": "Could not run a training step",
    "finetune": "Could not start fine-tuning",  # Pillar II
    "set_qa": "Could not use these questions and answers",
    "compare": "The models could not answer",
    "answer_rate": "Could not measure the answers",
    "candidates": "The model could not write its answers",  # Pillar III
    "judge": "The model could not learn from your choice",
    "run_ranker": "Could not start the automatic judge",
    "reset_alignment": "Could not go back to the fine-tuned model",
    "stage_strip": "Could not compare the three stages",
    "reset_demo": "Could not reset the demo",
    "save_session": "Could not save the session",  # session files
    "open_session": "Could not open the session",
    "set_alignment_trait": "Could not measure that",
    "align_history": "The chat needs a fine-tuned model",
}


def _is_user_error(exc: BaseException) -> bool:
    """Errors that carry a message written for the person (no traceback needed)."""
    return type(exc).__name__ in {"UserTextError", "TokenizerError", "ProbeError", "CheckpointError",
                                  "QAFileError", "QAEditError", "InsideError"}


def _message(exc: BaseException) -> str:
    text = str(exc).strip()
    return text if text else type(exc).__name__


# -- the worker process -----------------------------------------------------------------


def _watch_parent(conn, parent_pid: int) -> None:
    """Exit this process as soon as the parent is gone, even if it crashed.

    The parent holds the only write end of `conn`; when it dies the OS closes it and
    recv() raises EOFError. The pid check covers platforms where that is not enough.
    """
    while True:
        try:
            if conn.poll(1.0):
                conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if os.getppid() != parent_pid:
            os._exit(0)


class _MemoryTrimmer:
    """Hands the heap that jobs freed back to the OS, once per idle spell (glibc only).

    Measured with bench/soak.py and the same cycles run headless: the worker's Python
    objects and live tensors were the same after every cycle, yet its RSS crept up
    (593 -> 666 MB in 8 cycles) because glibc keeps freed pages; with malloc_trim(0)
    when idle it stayed flat (380-425 MB). Elsewhere (macOS, Windows, musl) a no-op.
    """

    def __init__(self) -> None:
        self._trim = None
        self._dirty = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                self._trim = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):
                self._trim = None

    def busy(self) -> None:
        self._dirty = True

    def idle(self) -> None:
        if self._dirty and self._trim is not None:
            self._dirty = False
            self._trim(0)


def worker_main(cmd_q, res_q, parent_conn, parent_pid: int, session_factory=default_session) -> None:
    """Entry point of the spawned engine process."""
    threading.Thread(target=_watch_parent, args=(parent_conn, parent_pid), daemon=True,
                     name="parent-watchdog").start()
    import torch

    torch.set_num_threads(1)  # one core for the model, the other stays free for the GUI
    server = EngineServer(session_factory, res_q.put)
    server.load()
    trimmer = _MemoryTrimmer()  # soak: freed memory goes back to the OS when idle
    try:
        while True:
            if server.wants_to_run:
                trimmer.busy()
                # Between two steps: answer whatever is waiting, then train one step.
                while True:
                    try:
                        command = cmd_q.get_nowait()
                    except queue.Empty:
                        break
                    if command[0] == "shutdown":
                        return
                    server.handle(command)
                if server.wants_to_run:
                    server.advance()
            else:
                server._flush(force=True)
                try:
                    command = cmd_q.get(timeout=0.5)
                except queue.Empty:
                    trimmer.idle()
                    continue
                if command[0] == "shutdown":
                    return
                trimmer.busy()
                server.handle(command)
    except KeyboardInterrupt:
        return
    finally:
        res_q.put(("bye",))
        res_q.close()
        res_q.join_thread()
        sys.stdout.flush()
