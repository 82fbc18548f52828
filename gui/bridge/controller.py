"""The controller: the only bridge between the GUI and the engine.

The live model runs in an engine worker (gui/worker.py). The controller sends it
commands and turns what comes back into Qt signals on the GUI thread. Panels call the
methods below and connect to the signals; they never touch the engine themselves.

Signals (all delivered on the GUI thread):
    statusChanged(object)          ModelStatus: stage, n_params, loss, tokens_seen
    dataSummaryChanged(object)     DataSummary: sources, mix, curation reports, totals
    tokenizersChanged(object)      dict[str, Tokenizer] ("char", "word", "bpe"), rebuilt here
                                   with Tokenizer.from_dict, so typed text tokenizes instantly
    trainingSnapshot(object)       TrainSnapshot: the LATEST one only (the full loss history is
                                   in `controller.loss_history`); redraw from a ~30 Hz timer
    trainingStateChanged(str)      "running" | "paused" | "stopped" | "diverged"
    nextTokenReady(object)         NextTokenDistribution (check its context_ids is yours)
    passageReady(object)           list[int]: model (BPE) token ids of a real training passage
    jobFailed(str, str)            title, message: something went wrong; already logged and shown
    busyChanged(str, bool)         what ("loading", "data", "training"), busy or not
    modelReady()                   the model is loaded: requests can be answered from now on
    modelTokenizerChanged(object)  Tokenizer: the BPE the model reads (arrives right after
                                   modelReady, before the three side-by-side tokenizers)
    embeddingSnapshotReady(object) EmbeddingSnapshot: the map's words and their vectors now
    neighboursReady(str, object, str)  word, list[Neighbour] (cosine, full space), and a
                                   message for the person when there is no answer ("" if ok)
    insideReady(object)            InsideView: attention, layer-by-layer guesses, parameter map
    Fine-tuning (Pillar II; the block at the end of Controller):
    qaSetChanged(object)           QASet: the question/answer pairs fine-tuning uses
    finetuneStateChanged(str)      "running" | "done" | "stopped" | "diverged"
    finetuneSnapshot(object)       SFTSnapshot: the LATEST one (history in `sft_history`)
    comparisonReady(object)        StageComparison: one question, pre-trained vs fine-tuned
    answerRatesReady(object)       StageRates: answer-like share on the held-out questions
    Preference updates (Pillar III; the block after Pillar II's):
    alignmentSnapshot(object)      AlignmentSnapshot after an update, reset or trait change
                                   (all since the last reset in `alignment_history`)
    candidatesReady(object)        Candidates: the answers the live model wrote for a prompt
    alignmentProgress(str)         "learning" while a judgement is learned, "" when done
    rankerStateChanged(str, object)  "running" | "done" | "stopped", and an info dict
                                   (ranker, clicks, trait, before/after AnswerStats, z, p_value)
    rankerProgress(int, int)       clicks done, clicks asked for
    stageStripReady(object)        tuple[StageView, ...]: pre-trained, fine-tuned, aligned
    Reset the demo (the lecture tour):
    demoReset()                    everything is back to the shipped defaults (`reset_demo()`)
    Session files and job progress (the block after "Reset the demo"):
    sessionFileDone(str, bool, str, str)  "save" | "open", ok, path, a message for the person
    sessionOpened(str)             another session is live (path); the histories were emptied
    jobProgress(str, float, str)   what ("saving"), fraction 0..1 (-1: finished), text

The latest value of each is also kept (`status`, `data_summary`, `tokenizers`,
`training_state`, `latest_snapshot`, `model_tokenizer`) so a panel created late can draw at once.

Backends: `ProcessBackend` (default) spawns the worker process; `InProcessBackend` runs
the same `EngineServer` on the GUI thread from a zero-timeout QTimer, one command or one
training step per tick (tests). Both have the same interface: start(deliver), send(command),
shutdown(), alive.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import queue
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workers.engine_server import EngineServer, default_session, worker_main

log = logging.getLogger("three_pillars")

Deliver = Callable[[list], None]


class _Relay(QObject):
    """Carries event batches from the reader thread to the GUI thread (queued signal)."""

    events = Signal(object)


def _preload_engine() -> None:
    """Import the engine's result types (and torch) so unpickling them later is instant."""
    import engine.pretraining.inside  # noqa: F401  (Look inside)
    import engine.pretraining.probes  # noqa: F401
    import engine.pretraining.trainer  # noqa: F401
    import engine.session.core  # noqa: F401
    import engine.tokenizers  # noqa: F401


class ProcessBackend:
    """Runs the engine in a spawned worker process with one torch thread.

    reader: "thread" (a small thread blocks on the result queue and forwards batches with
    a queued signal) or "poll" (a 30 Hz QTimer drains the queue on the GUI thread).
    """

    def __init__(self, session_factory: Callable[[], Any] = default_session, reader: str = "thread"):
        if reader not in ("thread", "poll"):
            raise ValueError(f"reader must be 'thread' or 'poll', got {reader!r}")
        self._factory = session_factory
        self._reader_mode = reader
        self._ctx = mp.get_context("spawn")
        self._proc = None
        self._cmd_q = None
        self._res_q = None
        self._lifeline = None
        self._relay: _Relay | None = None
        self._poll_timer: QTimer | None = None
        self._stopping = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def start(self, deliver: Deliver) -> None:
        self._cmd_q = self._ctx.Queue()
        self._res_q = self._ctx.Queue()
        # The worker's watchdog reads `child_end`; we keep the only write end. If this
        # process dies, however it dies, the OS closes it and the worker exits.
        child_end, self._lifeline = self._ctx.Pipe(duplex=False)
        self._proc = self._ctx.Process(
            target=worker_main,
            args=(self._cmd_q, self._res_q, child_end, os.getpid(), self._factory),
            name="three-pillars-engine",
            daemon=True,
        )
        self._proc.start()
        child_end.close()
        self._relay = _Relay()
        self._relay.events.connect(deliver)
        if self._reader_mode == "thread":
            self._reader = threading.Thread(target=self._read_loop, name="engine-reader", daemon=True)
            self._reader.start()
        else:
            threading.Thread(target=_preload_engine, name="engine-preload", daemon=True).start()
            self._poll_timer = QTimer()
            self._poll_timer.setInterval(33)
            self._poll_timer.timeout.connect(self._poll)
            self._poll_timer.start()

    def send(self, command: tuple) -> None:
        if self._cmd_q is not None:
            self._cmd_q.put(command)

    def _drain(self, first=None, limit: int = 500) -> list:
        batch = [] if first is None else [first]
        while len(batch) < limit:
            try:
                batch.append(self._res_q.get_nowait())
            except queue.Empty:
                break
        return batch

    def _died_events(self) -> list:
        code = self._proc.exitcode if self._proc is not None else None
        return [
            ("error", "The engine stopped unexpectedly",
             f"The process that runs the model ended (exit code {code}). "
             "Restart the app to continue.", ""),
            ("worker_died",),
        ]

    def _read_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                first = self._res_q.get(timeout=0.25)
            except queue.Empty:
                if not self.alive and not self._stopping.is_set():
                    self._relay.events.emit(self._died_events())
                    return
                continue
            except (EOFError, OSError):
                return
            batch = self._drain(first)
            self._relay.events.emit(batch)
            if any(e[0] == "bye" for e in batch):
                return

    def _poll(self) -> None:
        try:
            batch = self._drain()
        except (EOFError, OSError):
            batch = []
        if batch:
            self._relay.events.emit(batch)
        elif not self.alive and not self._stopping.is_set():
            self._poll_timer.stop()
            self._relay.events.emit(self._died_events())

    def shutdown(self, timeout: float = 3.0) -> None:
        if self._proc is None:
            return
        self._stopping.set()
        if self._poll_timer is not None:
            self._poll_timer.stop()
        with contextlib.suppress(ValueError, OSError):
            self.send(("shutdown",))
        self._proc.join(timeout)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(1.0)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(1.0)
        if self._reader is not None:
            self._reader.join(1.0)
        for q in (self._cmd_q, self._res_q):
            q.cancel_join_thread()
            q.close()
        self._lifeline.close()
        self._proc = None


class InProcessBackend(QObject):
    """The same engine server on the GUI thread, one command or training step per tick.

    For tests: no process, no threads; a zero-interval QTimer advances the work, so the
    event loop (and qtbot.waitSignal) keeps running between steps.
    """

    def __init__(self, session_factory: Callable[[], Any] = default_session, parent=None):
        super().__init__(parent)
        self._factory = session_factory
        self._commands: deque = deque()
        self._events: list = []
        self._deliver: Deliver | None = None
        self._server: EngineServer | None = None
        self._loaded = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def alive(self) -> bool:
        return self._server is not None

    @property
    def server(self) -> EngineServer | None:
        return self._server

    def start(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._server = EngineServer(self._factory, self._events.append)
        self._timer.start()

    def send(self, command: tuple) -> None:
        self._commands.append(command)
        if self._server is not None:
            self._timer.start()

    def _tick(self) -> None:
        server = self._server
        if server is None:
            self._timer.stop()
            return
        if not self._loaded:
            self._loaded = True
            server.load()
        elif self._commands:
            command = self._commands.popleft()
            if command[0] != "shutdown":
                server.handle(command)
        elif server.wants_to_run:
            server.advance()
        else:
            server._flush(force=True)
            self._timer.stop()
        if self._events:
            batch, self._events[:] = list(self._events), []
            self._deliver(batch)

    def shutdown(self, timeout: float = 0.0) -> None:
        self._timer.stop()
        self._server = None


class CurveHistory:
    """A loss curve's points: train loss every step, held-out loss when it was measured.

    Subclasses say what the x axis counts (`x_of`) and whether a run's final snapshot,
    which repeats its last step, is skipped.
    """

    skip_final = False

    def __init__(self) -> None:
        self.x: list[int] = []
        self.train_loss: list[float] = []
        self.heldout_x: list[int] = []
        self.heldout_loss: list[float] = []
        self.version = 0  # bumps on every change: a panel redraws only when it moved

    @staticmethod
    def x_of(snapshot) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        for values in (self.x, self.train_loss, self.heldout_x, self.heldout_loss):
            values.clear()
        self.version += 1

    def extend(self, snapshots: list) -> None:
        for s in snapshots:
            if self.skip_final and s.status != "running":
                continue
            if s.train_loss == s.train_loss:  # skip NaN (a diverged step)
                self.x.append(self.x_of(s))
                self.train_loss.append(s.train_loss)
            if s.heldout_loss is not None:
                self.heldout_x.append(self.x_of(s))
                self.heldout_loss.append(s.heldout_loss)
        self.version += 1


class LossHistory(CurveHistory):
    """Pre-training's curve since the last run from scratch, against tokens read."""

    @staticmethod
    def x_of(snapshot) -> int:
        return snapshot.tokens_seen

    @property
    def tokens(self) -> list[int]:
        return self.x

    @property
    def heldout_tokens(self) -> list[int]:
        return self.heldout_x


class Controller(QObject):
    """The GUI's single bridge to the engine. See the module docstring for the signals."""

    statusChanged = Signal(object)
    dataSummaryChanged = Signal(object)
    tokenizersChanged = Signal(object)
    trainingSnapshot = Signal(object)
    trainingStateChanged = Signal(str)
    nextTokenReady = Signal(object)
    passageReady = Signal(object)
    jobFailed = Signal(str, str)
    busyChanged = Signal(str, bool)
    modelReady = Signal()
    modelTokenizerChanged = Signal(object)
    embeddingSnapshotReady = Signal(object)  # Embeddings panel
    neighboursReady = Signal(str, object, str)  # Embeddings panel
    insideReady = Signal(object)  # Look inside: InsideView

    def __init__(self, backend=None, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend if backend is not None else ProcessBackend()
        self.status = None
        self.data_summary = None
        self.tokenizers: dict = {}
        self.model_tokenizer = None
        self.training_state = "stopped"
        self.latest_snapshot = None
        self.loss_history = LossHistory()
        self.is_ready = False
        self.load_error: str | None = None
        self._started = False
        self._next_in_flight: set[str] = set()
        self._next_pending: dict[str, tuple] = {}
        self._passage_seed = 0
        self._embedding_in_flight = False  # Embeddings panel: one snapshot request at a time
        self._embedding_pending = False
        self._neighbours_in_flight = False
        self._neighbours_pending: tuple[str, int] | None = None
        self._inside_in_flight = False  # Look inside: one request at a time, latest wins
        self._inside_pending = None

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        """Start the engine (spawns the worker). Returns at once; watch busyChanged/modelReady."""
        if self._started:
            return
        self._started = True
        self.busyChanged.emit("loading", True)
        self.backend.start(self._on_events)

    def shutdown(self) -> None:
        """Stop the engine and its worker process (safe to call twice)."""
        if self._started:
            self._started = False
            self.backend.shutdown()

    # -- requests ---------------------------------------------------------------------
    def request_status(self) -> None:
        self._send("status")

    def request_data_summary(self) -> None:
        self._send("data_summary")

    def request_tokenizers(self) -> None:
        self._send("tokenizers")

    def set_mix(self, mix) -> None:
        """Use a new mix of sources; dataSummaryChanged follows."""
        self._send("set_mix", mix)

    def add_user_texts(self, path) -> None:
        """Add the person's .txt/.md file(s) or folder; a bad file arrives as jobFailed."""
        paths = [str(p) for p in path] if isinstance(path, (list, tuple)) else str(path)
        self._send("add_user_texts", paths)

    def start_training(self, from_scratch: bool = False, seed: int = 0, lr: float | None = None,
                       max_steps: int | None = None) -> None:
        """Train (from a fresh model, or continue the current one) until paused."""
        if from_scratch:
            self.loss_history.clear()
            self.latest_snapshot = None
        self._send("train", bool(from_scratch), int(seed), lr, max_steps)

    def retrain_from_scratch(self, seed: int = 0, lr: float | None = None, mix=None) -> None:
        """Apply `mix` (if given) and train a fresh model on it: one click from the Data panel."""
        if mix is not None:
            self.set_mix(mix)
        self.start_training(True, seed, lr)

    def pause_training(self) -> None:
        self._send("pause")

    def step_training(self) -> None:
        """Run exactly one training step, then pause."""
        self._send("step")

    def stop_training(self) -> None:
        self._send("stop")

    def request_next_token(self, ids, k: int = 10, key: str = "") -> None:
        """Ask for the model's top-k guesses after `ids`; answered by nextTokenReady.

        Latest wins per `key`: while one request is being answered, newer ones replace
        each other, so a fast-moving panel never builds a queue.
        """
        request = (tuple(int(i) for i in ids), int(k))
        if key in self._next_in_flight:
            self._next_pending[key] = request
            return
        self._next_in_flight.add(key)
        self._send("next_token", key, list(request[0]), request[1])

    def request_passage(self, n_tokens: int = 40, seed: int | None = None) -> None:
        """Ask for a real passage of the training data; answered by passageReady."""
        if seed is None:
            seed = self._passage_seed
            self._passage_seed += 1
        self._send("passage", "", int(n_tokens), int(seed))

    # -- Embeddings panel (added by the embeddings work) ------------------------------
    def request_embedding_snapshot(self) -> None:
        """Ask for the map's words and vectors now; answered by embeddingSnapshotReady.

        While one is on its way, further requests fold into one more (latest wins).
        """
        if self._embedding_in_flight:
            self._embedding_pending = True
            return
        self._embedding_in_flight = True
        self._send("embedding_snapshot")

    def request_neighbours(self, word: str, k: int = 8) -> None:
        """Ask for the k nearest words of `word` (cosine, full space); neighboursReady."""
        if self._neighbours_in_flight:
            self._neighbours_pending = (word, int(k))
            return
        self._neighbours_in_flight = True
        self._send("neighbours", str(word), int(k))

    def request_inside(self, request) -> None:
        """Look inside the live model (an InsideRequest); answered by insideReady.

        While one is being answered, newer requests replace each other (latest wins).
        """
        if self._inside_in_flight:
            self._inside_pending = request
            return
        self._inside_in_flight = True
        self._send("look_inside", "inside", request)

    def _inside_done(self) -> None:
        self._inside_in_flight = False
        pending, self._inside_pending = self._inside_pending, None
        if pending is not None:
            self.request_inside(pending)

    def _embedding_done(self) -> None:
        self._embedding_in_flight = False
        if self._embedding_pending:
            self._embedding_pending = False
            self.request_embedding_snapshot()

    def _neighbours_done(self) -> None:
        self._neighbours_in_flight = False
        pending, self._neighbours_pending = self._neighbours_pending, None
        if pending is not None:
            self.request_neighbours(*pending)

    def _send(self, *command) -> None:
        if not self._started:
            self.start()
        self.backend.send(tuple(command))

    # -- events from the engine -------------------------------------------------------
    def _on_events(self, batch: list) -> None:
        snapshots: list = []
        for event in batch:
            kind = event[0]
            if kind == "snapshots":
                snapshots.extend(event[1])
                continue
            if snapshots:  # keep order: snapshots before what followed them
                self._publish_snapshots(snapshots)
                snapshots = []
            self._dispatch(kind, event[1:])
        if snapshots:
            self._publish_snapshots(snapshots)

    def _publish_snapshots(self, snapshots: list) -> None:
        self.loss_history.extend(snapshots)
        self.latest_snapshot = snapshots[-1]
        self.trainingSnapshot.emit(snapshots[-1])

    def _dispatch(self, kind: str, args: tuple) -> None:
        if kind == "demo_reset":  # Reset the demo (lecture tour)
            self._on_demo_reset(args[0])
        elif kind in _SESSION_EVENTS:  # session files and job progress
            self._dispatch_session(kind, args)
        elif kind in _FINETUNE_EVENTS:  # Pillar II
            self._dispatch_finetune(kind, args)
        elif kind in _ALIGNMENT_EVENTS:  # Pillar III
            self._dispatch_alignment(kind, args)
        elif kind in ("status", "ready"):
            self.status = args[0]
            if kind == "ready":
                self.is_ready = True
            self.statusChanged.emit(args[0])
            if kind == "ready":
                self.modelReady.emit()
        elif kind == "tokenizers":
            from engine.tokenizers import Tokenizer

            self.tokenizers = {name: Tokenizer.from_dict(d) for name, d in args[0].items()}
            self.tokenizersChanged.emit(self.tokenizers)
        elif kind == "model_tokenizer":
            from engine.tokenizers import Tokenizer

            self.model_tokenizer = Tokenizer.from_dict(args[0])
            self.modelTokenizerChanged.emit(self.model_tokenizer)
        elif kind == "data_summary":
            self.data_summary = args[0]
            self.dataSummaryChanged.emit(args[0])
        elif kind == "training_state":
            self.training_state = args[0]
            self.trainingStateChanged.emit(args[0])
        elif kind == "train_started":
            if args[0]:
                self.loss_history.clear()
                self.latest_snapshot = None
        elif kind == "next_token":
            key, dist = args
            self.nextTokenReady.emit(dist)
            self._next_done(key)
        elif kind == "next_token_done":
            self._next_done(args[0])
        elif kind == "passage":
            self.passageReady.emit(args[1])
        elif kind == "embedding_snapshot":  # Embeddings panel
            self.embeddingSnapshotReady.emit(args[0])
            self._embedding_done()
        elif kind == "embedding_snapshot_done":
            self._embedding_done()
        elif kind == "inside":  # Look inside
            self.insideReady.emit(args[1])
            self._inside_done()
        elif kind == "inside_done":
            self._inside_done()
        elif kind == "neighbours":
            word, found, message = args
            self.neighboursReady.emit(word, list(found), message)
            self._neighbours_done()
        elif kind == "busy":
            self.busyChanged.emit(args[0], args[1])
        elif kind == "error":
            title, message, tb = args
            if tb:
                log.error("%s: %s\n%s", title, message, tb)
            else:
                log.warning("%s: %s", title, message)
            self.jobFailed.emit(title, message)
        elif kind == "load_failed":
            self.load_error = args[0]
        elif kind == "worker_died":
            self._next_in_flight.clear()
            self._next_pending.clear()
            self._embedding_in_flight = self._neighbours_in_flight = False  # Embeddings panel
            self._inside_in_flight, self._inside_pending = False, None  # Look inside
            if self.training_state == "running":
                self.training_state = "stopped"
                self.trainingStateChanged.emit("stopped")
            self.busyChanged.emit("training", False)

    # ===== Pillar II: fine-tuning (the Fine-tune panel) =================================
    qaSetChanged = Signal(object)
    finetuneStateChanged = Signal(str)
    finetuneSnapshot = Signal(object)
    comparisonReady = Signal(object)
    answerRatesReady = Signal(object)

    # Latest values (class defaults: immutable until the first event replaces them).
    qa_set = None  # QASet
    finetune_state = "stopped"
    latest_sft_snapshot = None  # SFTSnapshot
    sft_run = None  # dict from "sft_started": train_on_prompt, max_steps, train, heldout
    comparison = None  # StageComparison
    answer_rates = None  # StageRates

    @property
    def sft_history(self) -> SFTHistory:
        """Every fine-tuning snapshot's numbers since the last run began (for the curve)."""
        if "_sft_history" not in self.__dict__:
            self._sft_history = SFTHistory()
        return self._sft_history

    def request_qa_set(self) -> None:
        self._send("qa_set")

    def set_qa(self, qa) -> None:
        """Use `qa` (a QASet) from now on; qaSetChanged follows at once."""
        self._publish_qa(qa)
        self._send("set_qa", qa)

    def edit_qa(self, index: int, pair) -> None:
        """Replace pair number `index`; raises QAEditError (and changes nothing) if it is bad."""
        self.set_qa(self._current_qa().edit(index, pair))

    def add_qa(self, pair, heldout: bool = False) -> None:
        self.set_qa(self._current_qa().add(pair, heldout=heldout))

    def remove_qa(self, index: int) -> None:
        self.set_qa(self._current_qa().remove(index))

    def load_qa_file(self, path) -> None:
        """Read a question/answer file; raises QAFileError (and changes nothing) if it is bad."""
        from engine.finetuning.qa_data import load_qa_file

        self.set_qa(load_qa_file(path))

    def save_qa_file(self, path) -> None:
        from engine.finetuning.qa_data import save_qa_file

        save_qa_file(path, self._current_qa())

    def reset_qa(self) -> None:
        """Back to the bundled pairs."""
        from engine.finetuning.qa_data import bundled_qa

        self.set_qa(bundled_qa())

    def start_finetune(self, seed: int = 0, max_steps: int | None = None,
                       train_on_prompt: bool = False, lr: float | None = None) -> None:
        """Fine-tune (a copy of) the pre-trained model on the current pairs."""
        self.sft_history.clear()
        self.latest_sft_snapshot = None
        self._send("finetune", int(seed), max_steps, bool(train_on_prompt), lr)

    def stop_finetune(self) -> None:
        self._send("stop_finetune")

    def request_comparison(self, question: str, settings=None, base_chat: bool = False,
                           key: str = "finetune") -> None:
        """Put `question` to the pre-trained and the fine-tuned model; comparisonReady follows."""
        self._send("compare", key, question, settings, bool(base_chat))

    def request_answer_rates(self, settings=None) -> None:
        """Measure answer-like outputs on the held-out questions; answerRatesReady follows."""
        self._send("answer_rate", settings)

    def sft_example(self, question: str, answer: str, train_on_prompt: bool = False):
        """The SFTExample of one pair under the model's tokenizer (None before it is known).

        Computed here, at once, from the tokenizer the engine sent (like the Tokens panel).
        """
        from engine.finetuning.trainer import build_sft_example

        if self.model_tokenizer is None:
            return None
        return build_sft_example(self.model_tokenizer, question, answer, train_on_prompt)

    def _current_qa(self):
        if self.qa_set is None:
            from engine.finetuning.qa_data import bundled_qa

            return bundled_qa()
        return self.qa_set

    def _publish_qa(self, qa) -> None:
        if qa == self.qa_set:
            return  # the engine's echo of a change already shown
        self.qa_set = qa
        self.qaSetChanged.emit(qa)

    def _dispatch_finetune(self, kind: str, args: tuple) -> None:
        if kind == "qa_set":
            self._publish_qa(args[0])
        elif kind == "sft_started":
            self.sft_run = args[0]
            self.sft_history.clear()
            self.latest_sft_snapshot = None
        elif kind == "sft_snapshots":
            self.sft_history.extend(args[0])
            self.latest_sft_snapshot = args[0][-1]
            self.finetuneSnapshot.emit(args[0][-1])
        elif kind == "finetune_state":
            self.finetune_state = args[0]
            self.finetuneStateChanged.emit(args[0])
        elif kind == "comparison":
            self.comparison = args[1]
            self.comparisonReady.emit(args[1])
        elif kind == "answer_rates":
            self.answer_rates = args[0]
            self.answerRatesReady.emit(args[0])

    # ===== end of Pillar II ==============================================================

    # ===== Pillar III: preference updates (the Chat & feedback panel) ====================
    alignmentSnapshot = Signal(object)
    candidatesReady = Signal(object)
    alignmentProgress = Signal(str)
    rankerStateChanged = Signal(str, object)
    rankerProgress = Signal(int, int)
    stageStripReady = Signal(object)

    # Latest values (class defaults until the first event replaces them).
    candidates = None  # Candidates: the answers shown now
    alignment_progress = ""  # "learning" while a judgement is being learned, else ""
    ranker_state = "stopped"  # "running" | "done" | "stopped"
    ranker_info = None  # dict: ranker, description, clicks, done, trait, before/after (AnswerStats)
    stage_strip = None  # tuple[StageView, ...]

    @property
    def alignment_history(self) -> AlignmentHistory:
        """Every AlignmentSnapshot since the last reset (for the charts)."""
        if "_alignment_history" not in self.__dict__:
            self._alignment_history = AlignmentHistory()
        return self._alignment_history

    def request_alignment_history(self) -> None:
        self._send("align_history")

    def request_candidates(self, prompt: str, n: int = 2, seed: int = 0, key: str = "chat") -> None:
        """n answers to `prompt` from the live model; candidatesReady follows."""
        self._send("candidates", key, prompt, int(n), int(seed))

    def judge(self, feedback) -> None:
        """Learn from a PreferencePair, Ranking, Thumb (or pairs) now; alignmentSnapshot follows."""
        self.alignment_progress = "learning"
        self.alignmentProgress.emit("learning")
        self._send("judge", feedback)

    def reset_alignment(self) -> None:
        """Back to the fine-tuned model; the charts start again."""
        self._send("reset_alignment")

    def set_alignment_trait(self, spec: str | None) -> None:
        """Measure "word:WORD", "short" or "long" from now on."""
        self._send("set_alignment_trait", spec)

    def run_ranker(self, spec: str, clicks: int, seed: int = 0) -> None:
        """Let a scripted ranker judge `clicks` rounds; rankerStateChanged/alignmentSnapshot follow."""
        self._send("run_ranker", spec, int(clicks), int(seed))

    def stop_ranker(self) -> None:
        self._send("stop_ranker")

    def request_stage_strip(self, prompt: str, seed: int = 0, key: str = "chat") -> None:
        """One prompt to the pre-trained, fine-tuned and aligned models; stageStripReady follows."""
        self._send("stage_strip", key, prompt, int(seed))

    def _dispatch_alignment(self, kind: str, args: tuple) -> None:
        if kind == "align_history":
            self.alignment_history.replace(args[0])
            if args[0]:
                self.alignmentSnapshot.emit(args[0][-1])
        elif kind == "align_snapshot":
            self.alignment_history.add(args[0])
            self.alignmentSnapshot.emit(args[0])
        elif kind == "align_candidates":
            self.candidates = args[1]
            self.candidatesReady.emit(args[1])
        elif kind == "align_progress":
            self.alignment_progress = args[0]
            self.alignmentProgress.emit(args[0])
        elif kind == "ranker_state":
            self.ranker_state, self.ranker_info = args
            self.rankerStateChanged.emit(args[0], args[1])
        elif kind == "ranker_progress":
            if self.ranker_info is not None:
                self.ranker_info["done"] = args[0]
            self.rankerProgress.emit(args[0], args[1])
        elif kind == "stage_strip":
            self.stage_strip = args[1]
            self.stageStripReady.emit(args[1])

    # ===== end of Pillar III =============================================================

    # ===== Reset the demo (the lecture tour, gui/tour.py) ================================
    demoReset = Signal()

    def reset_demo(self) -> None:
        """Back to what the app ships, in well under 2 s: every job stopped, the shipped
        model, the default mix, the bundled question/answer pairs.

        demoReset follows (after statusChanged), then tokenizersChanged,
        modelTokenizerChanged, qaSetChanged and dataSummaryChanged as usual. The GUI-side
        histories (loss curve, fine-tuning curve, alignment charts) are emptied here;
        a panel that keeps results of its own can listen to demoReset.
        """
        self._send("reset_demo")

    def _on_demo_reset(self, status) -> None:
        self.loss_history.clear()
        self.latest_snapshot = None
        self.sft_history.clear()
        self.latest_sft_snapshot = self.sft_run = self.comparison = self.answer_rates = None
        self.alignment_history.replace(())
        self.candidates = self.stage_strip = self.ranker_info = None
        self.ranker_state, self.alignment_progress = "stopped", ""
        self.status = status
        self.statusChanged.emit(status)
        self.demoReset.emit()

    # ===== end of reset the demo ==========================================================

    # ===== Session files and job progress (File menu; gui/session_actions.py) ============
    sessionFileDone = Signal(str, bool, str, str)
    sessionOpened = Signal(str)
    jobProgress = Signal(str, float, str)

    session_path: str | None = None  # the file last saved or opened

    def save_session(self, path) -> None:
        """Save the whole session to one file; jobProgress("saving", ...) then
        sessionFileDone("save", ok, path, message) follow."""
        self._send("save_session", str(path))

    def cancel_save(self) -> None:
        """Stop a save in progress: the temp file goes, any earlier file stays as it was."""
        self._send("cancel_save")

    def open_session(self, path) -> None:
        """Open a session file; sessionFileDone("open", ok, path, message) follows. A file
        that is refused leaves the current session as it is."""
        self._send("open_session", str(path))

    def _dispatch_session(self, kind: str, args: tuple) -> None:
        if kind == "session_file":
            what, ok, path, message = args
            if ok:
                self.session_path = path
            self.sessionFileDone.emit(what, ok, path, message)
        elif kind == "progress":
            self.jobProgress.emit(*args)
        elif kind == "session_opened":
            # Another session: the GUI-side histories belong to the old one.
            self.loss_history.clear()
            self.latest_snapshot = None
            self.sft_history.clear()
            self.latest_sft_snapshot = self.sft_run = self.comparison = self.answer_rates = None
            self.alignment_history.replace(())
            self.candidates = self.stage_strip = self.ranker_info = None
            self.ranker_state, self.alignment_progress = "stopped", ""
            self.sessionOpened.emit(args[0])

    # ===== end of session files ==========================================================

    def _next_done(self, key: str) -> None:
        self._next_in_flight.discard(key)
        pending = self._next_pending.pop(key, None)
        if pending is not None:
            self.request_next_token(pending[0], pending[1], key)


# Session files: events handled by Controller._dispatch_session.
_SESSION_EVENTS = frozenset({"session_file", "progress", "session_opened"})

# Pillar II: events handled by Controller._dispatch_finetune.
_FINETUNE_EVENTS = frozenset(
    {"qa_set", "sft_started", "sft_snapshots", "finetune_state", "comparison", "answer_rates"}
)


class SFTHistory(CurveHistory):
    """The fine-tuning curve against steps: train loss every step, held-out every few."""

    skip_final = True  # the final snapshot repeats the last step

    @staticmethod
    def x_of(snapshot) -> int:
        return snapshot.step

    @property
    def steps(self) -> list[int]:
        return self.x

    @property
    def heldout_steps(self) -> list[int]:
        return self.heldout_x


# Pillar III: events handled by Controller._dispatch_alignment.
_ALIGNMENT_EVENTS = frozenset(
    {"align_history", "align_snapshot", "align_candidates", "align_progress", "ranker_state",
     "ranker_progress", "stage_strip"}
)


class AlignmentHistory:
    """The alignment charts' data: one AlignmentSnapshot per update since the last reset.

    A "no preference" round of a scripted ranker (nothing learned) adds no point.
    """

    def __init__(self) -> None:
        self.snapshots: list = []
        self.version = 0  # bumps on every change: a panel redraws only when it moved

    def replace(self, snapshots) -> None:
        self.snapshots = [s for s in snapshots if s.event != "no preference"]
        self.version += 1

    def add(self, snap) -> None:
        if snap.event == "no preference":
            return
        if snap.event == "reset":
            self.snapshots = []
        self.snapshots.append(snap)
        self.version += 1

    def column(self, name: str):
        """(x, y) numpy arrays of one field: x is the update number, missing values skipped.

        The trait fields keep only the points that measured the latest trait.
        """
        import numpy as np

        snaps = self.snapshots
        if name.startswith("trait") and snaps:
            snaps = [s for s in snaps if s.trait == snaps[-1].trait]
        pts = [(s.version, getattr(s, name)) for s in snaps if getattr(s, name) is not None]
        pts = [(x, y) for x, y in pts if y == y]  # drop NaN
        if not pts:
            return np.zeros(0), np.zeros(0)
        xs, ys = zip(*pts, strict=True)
        return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
