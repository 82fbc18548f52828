"""The engine worker's one job runner: advance / flush / stop / finish, two slots (no Qt)."""

from workers.jobs import Job, JobRunner
from workers.protocol import FineTune, RunState, SaveSession, Train


class Recorder:
    """A job over `items` that records what the runner did with it."""

    def __init__(self, name, items, command, slot="model", fail_at=None, flush_every=0.0):
        self.items, self.batches, self.ends, self.errors = list(items), [], [], []
        self.paused = 0
        self.stop_requested = False

        def steps():
            for i, item in enumerate(self.items):
                if self.stop_requested:
                    yield "final"
                    return
                if i == fail_at:
                    raise RuntimeError("boom")
                yield item

        self.job = Job(name, steps(), command, on_items=self.batches.append,
                       on_end=self.ends.append, on_error=lambda exc, cmd: self.errors.append((exc, cmd)),
                       request_stop=lambda: setattr(self, "stop_requested", True),
                       state_of=lambda item: RunState.DIVERGED if item == "nan" else None,
                       slot=slot, flush_every=flush_every, on_paused=self._on_paused)

    def _on_paused(self):
        self.paused += 1

    def sent(self):
        return [item for batch in self.batches for item in batch]


def test_a_job_runs_to_its_end_and_every_item_is_sent_once():
    runner = JobRunner()
    rec = Recorder("training", [1, 2, 3], Train(False))
    runner.start(rec.job)
    while runner.wants_to_run:
        runner.advance()
    assert rec.sent() == [1, 2, 3] and rec.ends == [RunState.DONE]
    assert runner.job("model") is None


def test_items_are_batched_until_the_flush_interval():
    runner = JobRunner()
    rec = Recorder("training", range(5), Train(False), flush_every=3600.0)
    runner.start(rec.job)
    runner.advance()  # the first flush is due at once (nothing sent before)
    for _ in range(3):
        runner.advance()
    assert rec.batches == [[0]]  # the rest waits for the interval
    runner.flush_all()
    assert rec.batches == [[0], [1, 2, 3]]


def test_one_model_job_at_a_time_and_a_save_beside_it():
    runner = JobRunner()
    training = Recorder("training", range(100), Train(False))
    saving = Recorder("saving", ["a", "b"], SaveSession("x"), slot="file")
    runner.start(training.job)
    runner.start(saving.job)
    runner.advance()
    assert saving.sent() == ["a"] and training.sent() == [0]  # both advance
    finetuning = Recorder("fine-tuning", range(3), FineTune())
    runner.stop("model")
    runner.start(finetuning.job)
    assert training.ends == [RunState.STOPPED] and training.sent()[-1] == "final"  # drained
    assert runner.running("fine-tuning") is finetuning.job and runner.running("saving") is saving.job


def test_a_replaced_job_of_the_same_kind_ends_without_a_word():
    runner = JobRunner()
    old = Recorder("training", range(100), Train(False))
    runner.start(old.job)
    runner.advance()
    runner.stop("model", announce=False)
    assert old.ends == [None]


def test_pause_resume_and_a_single_step():
    runner = JobRunner()
    rec = Recorder("training", range(100), Train(False))
    runner.start(rec.job)
    runner.advance()
    runner.pause()
    assert not runner.wants_to_run
    runner.resume(steps=1)
    runner.advance()
    assert rec.paused == 1 and not runner.wants_to_run and rec.sent() == [0, 1]
    runner.resume()
    runner.advance()
    assert runner.wants_to_run and rec.sent() == [0, 1, 2]


def test_an_error_names_the_command_and_a_final_item_ends_the_job():
    runner = JobRunner()
    command = Train(True, id=41)
    rec = Recorder("training", range(5), command, fail_at=2)
    runner.start(rec.job)
    while runner.wants_to_run:
        runner.advance()
    assert [cmd.id for _, cmd in rec.errors] == [41] and rec.ends == [RunState.STOPPED]
    diverging = Recorder("training", [1, "nan", 3], Train(False))
    runner.start(diverging.job)
    while runner.wants_to_run:
        runner.advance()
    assert diverging.ends == [RunState.DIVERGED] and diverging.sent() == [1, "nan"]


def test_the_server_names_the_failed_command_so_panels_need_no_titles(fresh_session, tmp_path):
    from workers.protocol import AddUserTexts, Failed, PredictNextToken
    from workers.server.core import EngineServer

    events = []
    server = EngineServer(fresh_session, events.append)
    assert server.load()
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\xff\xfe" * 100)
    server.handle(AddUserTexts(str(bad), id=5))
    failure = [e for e in events if isinstance(e, Failed)][-1]
    assert failure.is_about(AddUserTexts) and not failure.is_about(PredictNextToken)
    assert failure.command_id == 5 and failure.title == AddUserTexts.failure
    assert failure.traceback == ""  # a message written for the person, no traceback
    server.handle(PredictNextToken("k", (10**7,), 5, id=6))
    failure = [e for e in events if isinstance(e, Failed)][-1]
    assert failure.is_about(PredictNextToken) and failure.command_id == 6 and failure.traceback
