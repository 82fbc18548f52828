"""Save a whole session as one file, and open it again, here or on another computer.

One session file holds everything a person made: the model of every stage (pre-trained,
fine-tuned, aligned, and the frozen reference the aligned one is measured against), the
tokenizer, the corpus mix and seed, the texts the person added (the texts themselves, so
the session opens where those files do not exist), their question/answer edits and every
judgement they gave in the chat, with the charts' history.

The format: ONE safetensors file. Tensors carry stage-prefixed names
("pre-trained/wte.weight", "aligned/blocks.0.attn.c_attn.weight", ...); the person's texts
are one uint8 tensor of UTF-8 bytes ("data/user_documents"); everything else is a JSON
document stored in the safetensors header's `__metadata__` under "three_pillars".

Why one safetensors file and not a zip of safetensors + JSON files:
- one parser, already trusted by the checkpoints: an 8-byte header length, a JSON
  header, then raw bytes whose offsets the header declares. Nothing is decompressed, so
  there is no zip bomb to defuse, no entry names to sanitise (zip-slip), no central
  directory that can disagree with the local headers;
- every claim is checked against the file size before anything large is allocated: the
  header length (MAX_HEADER_BYTES), each tensor's offsets against its dtype and shape,
  the offsets tiling the data exactly (a truncated file is named as such), and the model
  shapes against the saved config (on torch's "meta" device, which allocates nothing);
- it is never pickle: a pickle can run code when it is opened.
The cost is that the JSON must fit in the header; the only large text (the person's own
files, up to 50 MB) is therefore a tensor, and the header stays a few hundred kB.

    save_session(path, session)        atomic: a temp file, fsync, os.replace
    iter_save_session(path, session)   the same, yielding SaveProgress (cancel: close() it)
    load_session(path) -> Session      or SessionFileError with a message for the person
"""

from __future__ import annotations

import json
import math
import os
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
import torch

FORMAT = "three-pillars-session"
VERSION = 1
SUFFIX = ".pillars"  # what "Save session…" proposes; any name opens if the contents are right
META_KEY = "three_pillars"
# Our header is a few hundred kB (tokenizers ~70 kB each, the Q&A pairs, the judgements);
# a huge declared header is a damaged or hostile file, refused before it is read.
MAX_HEADER_BYTES = 16 << 20
MAX_TENSORS = 4096
USER_TEXTS = "data/user_documents"
CHUNK_BYTES = 1 << 20  # written a megabyte at a time: progress to show, a place to cancel
STALE_TEMP_S = 600  # a temp file untouched this long is the remains of a killed save
_DTYPES = {"F32": (torch.float32, 4), "U8": (torch.uint8, 1)}
_SLOTS = ("untrained", "pre-trained", "fine-tuned", "aligned", "reference")
_STAGES = ("untrained", "pre-trained", "fine-tuned", "aligned")


class SessionFileError(ValueError):
    """A session file that cannot be saved or opened, with a message a person can act on."""


@dataclass(frozen=True)
class SaveProgress:
    """How far a save has got (plain values, safe to send between processes)."""

    fraction: float  # 0..1
    written: int  # bytes written so far
    total: int  # bytes the file will have
    message: str  # for people: what is happening
    done: bool = False


# ----- saving ----------------------------------------------------------------------------


def save_session(path: str | os.PathLike, session, progress: Callable[[SaveProgress], None] | None = None) -> Path:
    """Write the whole session to `path` atomically; returns the path.

    A save that fails or is killed half-way leaves the previous file at `path` intact.
    """
    for step in iter_save_session(path, session):
        if progress is not None:
            progress(step)
    return Path(path)


def iter_save_session(path: str | os.PathLike, session) -> Iterator[SaveProgress]:
    """Save step by step, yielding progress. Closing the generator early cancels the save
    (the temp file is removed; the previous file at `path` is untouched)."""
    path = Path(path)
    name = path.name
    yield SaveProgress(0.0, 0, 0, f'Gathering the session for "{name}"…')
    data = pack_session(session)  # a consistent copy: the live model may train on meanwhile
    total = len(data)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SessionFileError(
            f'Could not save "{name}": the folder "{folder}" does not exist. Choose another folder.'
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise _save_error(name, folder, err) from None
    tmp = Path(tmp_name)
    finished = False
    try:
        with os.fdopen(fd, "wb") as f:
            view = memoryview(data)
            for start in range(0, total, CHUNK_BYTES):
                f.write(view[start:start + CHUNK_BYTES])
                written = min(total, start + CHUNK_BYTES)
                yield SaveProgress(0.05 + 0.9 * written / total, written, total,
                                   f'Saving "{name}": {written / 1e6:.1f} of {total / 1e6:.1f} MB')
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a session is an ordinary document
        os.replace(tmp, path)
        finished = True
        _fsync_folder(folder)
    except OSError as err:
        raise _save_error(name, folder, err) from None
    finally:
        if not finished:  # an error, or the generator closed: cancelled
            tmp.unlink(missing_ok=True)
    _remove_stale_temps(path)
    yield SaveProgress(1.0, total, total, f'Saved the session to "{name}".', done=True)


def _save_error(name: str, folder: Path, err: OSError) -> SessionFileError:
    import errno

    if isinstance(err, PermissionError):
        why = f'this computer does not allow writing in "{folder}" (permission denied)'
    elif err.errno == errno.ENOSPC:
        why = "the disk is full"
    else:
        why = err.strerror or str(err)
    return SessionFileError(
        f'Could not save "{name}": {why}. Choose another folder or free some space; '
        "any earlier file of that name is unchanged."
    )


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every system; the file itself is already synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Remove the remains of saves that were killed long ago (never a save in progress)."""
    now = time.time()
    for p in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if now - p.stat().st_mtime > STALE_TEMP_S:
                p.unlink()
        except OSError:
            pass


def pack_session(session) -> bytes:
    """The session as the bytes of one safetensors file (see the module docstring)."""
    from safetensors.torch import save as safetensors_bytes

    doc, tensors = _collect(session)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_HEADER_BYTES // 2:
        raise SessionFileError(
            "This session has too much history to save in one file (the judgements and "
            "question/answer pairs alone are over 8 MB). Reset the chat feedback and try again."
        )
    return safetensors_bytes(tensors, metadata={META_KEY: text})


def _collect(session) -> tuple[dict, dict[str, torch.Tensor]]:
    """(the JSON document, the tensors) of everything worth keeping in `session`.

    subtle: this reads Session's private fields (`_user_docs`, the Pillar II/III state);
    it is the Session's own file format, kept in its own module for readability.
    """
    tensors: dict[str, torch.Tensor] = {}
    tokenizers: list[dict] = []
    tok_ids: dict[int, int] = {}

    def tok_index(tok) -> int | None:
        if tok is None:
            return None
        if id(tok) not in tok_ids:
            d = tok.to_dict()
            if d not in tokenizers:  # the stages usually share one tokenizer: stored once
                tokenizers.append(d)
            tok_ids[id(tok)] = tokenizers.index(d)
        return tok_ids[id(tok)]

    models: dict[str, dict] = {}
    model_objs: dict[str, object] = {}

    def add_model(slot: str, model, tok, stage: str) -> None:
        models[slot] = {"stage": stage, "config": model.config.to_dict(), "tokenizer": tok_index(tok)}
        model_objs[slot] = model
        for k, v in model.state_dict().items():
            if k != "lm_head.weight":  # tied to wte; re-tied when the model is built
                tensors[f"{slot}/{k}"] = v.detach().cpu().contiguous().clone()

    live = session.model
    if live is not None:
        add_model(session.stage, live, session.tokenizer, session.stage)
    ft_state = session.__dict__.get("_finetune_state")
    if ft_state is not None:
        for stage in ("pre-trained", "fine-tuned"):
            kept = ft_state.models.get(stage)
            if stage not in models and kept is not None and kept is not live:
                add_model(stage, kept, ft_state.tokenizers.get(stage, session.tokenizer), stage)

    alignment = None
    run = session.__dict__.get("_alignment_run")
    if run is not None and live is not None and run.policy is live:
        ref_slot = next((s for s, m in model_objs.items() if _same_weights(m, run.reference)), None)
        if ref_slot is None:
            ref_slot = "reference"
            add_model(ref_slot, run.reference, session.tokenizer, "fine-tuned")
        opt = run.optimizer
        alignment = {
            "reference": ref_slot,
            "version": int(opt.version),
            "kl_reference": float(opt.kl_reference),
            "judgements": [_item_to_json(i) for i in opt.memory.items],
            "history": [asdict(s) for s in run.history],
            "trait": None if run.trait is None else asdict(run.trait),
        }

    user_docs = list(session.__dict__.get("_user_docs", []))
    encoded = [d.text.encode("utf-8") for d in user_docs]
    if encoded:
        tensors[USER_TEXTS] = torch.from_numpy(np.frombuffer(b"".join(encoded), dtype=np.uint8).copy())

    qa = ft_state.qa if ft_state is not None else None
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seed": int(session.seed),
        "mix": dict(session.mix.weights),
        "model_config": None if session.model_config is None else session.model_config.to_dict(),
        "stage": session.stage,
        "live": session.stage if live is not None else None,
        "tokens_seen": int(session.tokens_seen),
        "last_loss": None if session.last_loss is None else float(session.last_loss),
        "tokenizer": tok_index(session.tokenizer),
        "tokenizer_fits_data": session._tokenizer_data_key == session._data_key(),
        "tokenizers": tokenizers,
        "models": models,
        "user_texts": {
            "files": list(session.user_files),
            "byte_lengths": [len(b) for b in encoded],
        },
        "qa": None if qa is None else {
            "name": qa.name,
            "train": [[p.question, p.answer, p.subject] for p in qa.train],
            "heldout": [[p.question, p.answer, p.subject] for p in qa.heldout],
        },
        "alignment": alignment,
    }
    return doc, tensors


def _same_weights(a, b) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(
        sa[k].shape == sb[k].shape and torch.equal(sa[k], sb[k]) for k in sa
    )


def _answer_to_json(a) -> dict:
    return {"text": a.text, "token_ids": list(a.token_ids), "ended": bool(a.ended)}


def _item_to_json(item) -> dict:
    from engine.alignment.preference import PreferencePair

    base = {"prompt": item.prompt, "prompt_ids": list(item.prompt_ids)}
    if isinstance(item, PreferencePair):
        return {"kind": "pair", **base, "chosen": _answer_to_json(item.chosen),
                "rejected": _answer_to_json(item.rejected)}
    return {"kind": "thumb", **base, "answer": _answer_to_json(item.answer), "up": bool(item.up)}


# ----- opening -----------------------------------------------------------------------------


def load_session(path: str | os.PathLike):
    """Open a session file -> Session, or raise SessionFileError saying what is wrong.

    Nothing outside the new Session is touched, so a refused file changes nothing.
    """
    path = Path(path)
    doc, index, data_start = read_header(path)
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            tensors = {name: f.get_tensor(name) for name in index}
    except (SafetensorError, OSError, RuntimeError, ValueError) as e:
        raise _damaged(path, f"its numbers cannot be read ({e})") from None
    try:
        return _build_session(path, doc, tensors)
    except SessionFileError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, UnicodeDecodeError) as e:
        raise _damaged(path, f"its description is inconsistent ({type(e).__name__}: {e})") from None


def _damaged(path: Path, detail: str) -> SessionFileError:
    return SessionFileError(
        f'"{path.name}" could not be opened: the file is damaged ({detail}). '
        "Nothing was changed. Open an earlier copy, or save the session again where it came from."
    )


def _not_a_session(path: Path, what: str) -> SessionFileError:
    return SessionFileError(
        f'"{path.name}" is not a Three Pillars session: {what}. Nothing was changed. '
        'Choose a file made with "Save session…" (it ends in .pillars).'
    )


def read_header(path: Path) -> tuple[dict, dict[str, dict], int]:
    """(the JSON document, the tensor index, where the tensor data starts), all checked
    against the file size before anything large is read."""
    path = Path(path)
    if path.is_dir():
        from engine.checkpoint import META

        what = ("it is a model checkpoint folder (open those with THREE_PILLARS_CHECKPOINT)"
                if (path / META).is_file() else "it is a folder, not a file")
        raise _not_a_session(path, what)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(8)
            if head.startswith(b"PK\x03\x04"):
                raise _not_a_session(path, "it is a zip archive (such as a PyTorch .pt file), "
                                           "which this app never opens")
            if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
                raise _not_a_session(path, "it is a Python pickle, which can run code when it is "
                                           "opened, so this app never opens one")
            if size == 0:
                raise _not_a_session(path, "the file is empty")
            if len(head) < 8:
                raise _damaged(path, f"it is cut short: only {size} bytes")
            (n,) = struct.unpack("<Q", head)
            if n > MAX_HEADER_BYTES:
                raise _not_a_session(
                    path, f"its first bytes announce a {n:,}-byte description, far more than "
                          f"any session has (the limit is {MAX_HEADER_BYTES:,}); the file is "
                          "damaged or was not made by this app")
            if 8 + n > size:
                raise _damaged(path, f"it is cut short: its description alone needs {8 + n:,} "
                                     f"bytes and the file has {size:,}")
            raw = f.read(n)
    except FileNotFoundError:
        raise SessionFileError(
            f'Could not find "{path.name}". Check that the file still exists.') from None
    except PermissionError:
        raise SessionFileError(
            f'This computer does not allow reading "{path.name}" (permission denied). '
            "Copy it somewhere you own, or ask for access.") from None
    except OSError as err:
        raise SessionFileError(
            f'"{path.name}" could not be read ({err.strerror or err}).') from None
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_a_session(path, "it does not start the way a session file does") from None
    if not isinstance(header, dict):
        raise _not_a_session(path, "it does not start the way a session file does")
    meta = header.pop("__metadata__", None)
    if not isinstance(meta, dict) or not isinstance(meta.get(META_KEY), str):
        raise _not_a_session(path, "it is a file of model weights (safetensors) from elsewhere, "
                                   "without a session in it")
    try:
        doc = json.loads(meta[META_KEY])
    except json.JSONDecodeError as e:
        raise _damaged(path, f"its description is not valid JSON: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _not_a_session(path, "it was written by another program")
    version = doc.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and version > VERSION
        raise SessionFileError(
            f'"{path.name}" was saved by {"a newer" if newer else "another"} version of Three '
            f"Pillars (session format {version!r}; this app reads format {VERSION}). Nothing was "
            + ("changed. Update the app to open it." if newer else "changed.")
        )
    data_start = 8 + n
    index = _check_index(path, header, size - data_start)
    return doc, index, data_start


def _check_index(path: Path, header: dict, data_bytes: int) -> dict[str, dict]:
    """Every tensor's dtype, shape and offsets are sane, and the offsets tile the data."""
    if len(header) > MAX_TENSORS:
        raise _damaged(path, f"it lists {len(header):,} tensors")
    spans = []
    for name, info in header.items():
        if not isinstance(info, dict) or info.get("dtype") not in _DTYPES:
            raise _damaged(path, f"{name!r} has an unexpected kind of numbers")
        shape, offsets = info.get("shape"), info.get("data_offsets")
        if (not isinstance(shape, list) or len(shape) > 4
                or not all(isinstance(d, int) and d >= 0 for d in shape)):
            raise _damaged(path, f"{name!r} has a malformed shape")
        if (not isinstance(offsets, list) or len(offsets) != 2
                or not all(isinstance(o, int) and o >= 0 for o in offsets)):
            raise _damaged(path, f"{name!r} has malformed offsets")
        start, end = offsets
        need = math.prod(shape) * _DTYPES[info["dtype"]][1]
        if end - start != need:
            raise _damaged(path, f"{name!r} claims shape {shape} but {end - start:,} bytes")
        spans.append((start, end, name))
    spans.sort()
    pos = 0
    for start, end, name in spans:
        if start != pos:
            raise _damaged(path, f"the numbers of {name!r} overlap or leave a gap")
        pos = end
    if pos > data_bytes:
        raise _damaged(path, f"it is cut short: it should hold {pos / 1e6:.1f} MB of numbers "
                             f"and has {max(0, data_bytes) / 1e6:.1f} MB, probably because saving "
                             "or copying it was interrupted")
    if pos < data_bytes:
        raise _damaged(path, f"it has {data_bytes - pos:,} unexpected bytes at the end")
    return {name: header[name] for _, _, name in spans}


def _build_session(path: Path, doc: dict, tensors: dict[str, torch.Tensor]):
    from engine.corpus.mix import Mix
    from engine.corpus.sources import Document
    from engine.model import GPTConfig
    from engine.finetuning.qa_data import QAEditError, QAPair, QASet, check_pair
    from engine.session.core import USER_SOURCE, Session, _FinetuneState
    from engine.tokenizers import BPETokenizer, Tokenizer, TokenizerError

    try:
        toks = [Tokenizer.from_dict(d) for d in _list(doc["tokenizers"])]
    except TokenizerError as e:
        raise _damaged(path, f"its tokenizer cannot be rebuilt: {e}") from None

    def tokenizer(index):
        if index is None:
            return None
        if not isinstance(index, int) or not 0 <= index < len(toks):
            raise ValueError(f"no tokenizer number {index!r}")
        return toks[index]

    config = doc.get("model_config")
    session = Session(seed=_int(doc["seed"]),
                      model_config=None if config is None else GPTConfig.from_dict(_dict(config)))
    session.mix = Mix(_dict(doc["mix"]))

    # The person's texts, from the one byte tensor.
    user = _dict(doc["user_texts"])
    lengths = [_int(n) for n in _list(user["byte_lengths"])]
    blob = tensors.pop(USER_TEXTS, None)
    if blob is not None and blob.dtype != torch.uint8:
        raise _damaged(path, "the texts you added are stored as numbers of the wrong kind")
    raw = b"" if blob is None else blob.numpy().tobytes()
    if sum(lengths) != len(raw) or min(lengths, default=0) < 0:
        raise _damaged(path, "the texts you added do not add up")
    texts, pos = [], 0
    for n in lengths:
        texts.append(raw[pos:pos + n].decode("utf-8"))
        pos += n
    session._user_docs = [Document(USER_SOURCE, t) for t in texts]
    session.user_files = [str(f) for f in _list(user["files"])]

    # The models, each checked against its config before any weights are made.
    by_slot: dict[str, str] = {}
    for name in tensors:
        slot, _, _ = name.partition("/")
        by_slot.setdefault(slot, name)
    models = _dict(doc["models"])
    if set(by_slot) - set(models):
        raise _damaged(path, f"it holds weights of unknown models {sorted(set(by_slot) - set(models))}")
    built = {}
    for slot, info in models.items():
        if slot not in _SLOTS:
            raise _damaged(path, f"it names an unknown model {slot!r}")
        info = _dict(info)
        if info["stage"] not in _STAGES:
            raise _damaged(path, f"it names an unknown stage {info['stage']!r}")
        tok = tokenizer(info["tokenizer"])
        cfg = _check_config(GPTConfig.from_dict(_dict(info["config"])))
        if tok is None or tok.vocab_size != cfg.vocab_size:
            raise _damaged(path, f"the {slot} model and its tokenizer do not match")
        prefix = f"{slot}/"
        own = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
        built[slot] = (_build_model(path, slot, cfg, own), tok)

    stage = doc["stage"]
    if stage not in _STAGES:
        raise _damaged(path, f"it names an unknown stage {stage!r}")
    session.stage = stage
    live_slot = doc.get("live")
    if live_slot is not None:
        if live_slot not in built:
            raise _damaged(path, "the current model is missing")
        session.model = built[live_slot][0]
        session.model_config = session.model.config
    elif stage != "untrained":
        raise _damaged(path, f"it says the model is {stage} but holds no model")
    live_tok = tokenizer(doc["tokenizer"])
    if live_tok is not None and not isinstance(live_tok, BPETokenizer):
        raise _damaged(path, "the model's tokenizer is not a BPE tokenizer")
    if session.model is not None and (live_tok is None or live_tok.vocab_size != session.model.config.vocab_size):
        raise _damaged(path, "the current model and its tokenizer do not match")
    session.tokenizer = live_tok
    session._tokenizer_data_key = session._data_key() if doc.get("tokenizer_fits_data") else ("saved",)
    session.tokens_seen = _int(doc["tokens_seen"])
    loss = doc.get("last_loss")
    session.last_loss = None if loss is None else float(loss)

    state = _FinetuneState()
    for kept in ("pre-trained", "fine-tuned"):
        if kept in built and kept != live_slot:
            state.models[kept], state.tokenizers[kept] = built[kept]
    qa = doc.get("qa")
    if qa is not None:
        qa = _dict(qa)
        try:
            state.qa = QASet(
                tuple(check_pair(QAPair(*_pair(p))) for p in _list(qa["train"])),
                tuple(check_pair(QAPair(*_pair(p))) for p in _list(qa["heldout"])),
                str(qa["name"]),
            )
        except QAEditError as e:
            raise _damaged(path, f"its question/answer pairs are not usable: {e}") from None
        if not state.qa.train:
            raise _damaged(path, "it has no question/answer pair to train on")
    session._finetune_state = state

    alignment = doc.get("alignment")
    if alignment is not None:
        if session.model is None:
            raise _damaged(path, "it has chat feedback but no model")
        _restore_alignment(path, session, _dict(alignment), built)
    return session


def _check_config(config):
    """A config small enough to describe on the meta device (a hostile one could ask for
    a billion layers)."""
    limits = {"vocab_size": 1 << 20, "block_size": 1 << 16, "n_layer": 64, "n_head": 256,
              "n_embd": 1 << 14}
    for name, limit in limits.items():
        value = getattr(config, name)
        if isinstance(value, bool) or not isinstance(value, int) or value > limit:
            raise ValueError(f"the model's {name} is {value!r} (at most {limit:,})")
    return config


def _build_model(path: Path, slot: str, config, tensors: dict[str, torch.Tensor]):
    from engine.model import TinyGPT

    with torch.device("meta"):  # the expected shapes, without allocating a single weight
        expected = {k: tuple(v.shape) for k, v in TinyGPT(config).state_dict().items()
                    if k != "lm_head.weight"}
    if set(tensors) != set(expected):
        missing = sorted(set(expected) - set(tensors))[:3]
        extra = sorted(set(tensors) - set(expected))[:3]
        raise _damaged(path, f"the {slot} model does not match its description "
                             f"(missing {missing}, unexpected {extra})")
    for k, shape in expected.items():
        t = tensors[k]
        if tuple(t.shape) != shape or t.dtype != torch.float32:
            raise _damaged(path, f"the {slot} model's {k} has shape {tuple(t.shape)}, "
                                 f"expected {shape}")
        if not torch.isfinite(t).all():
            raise _damaged(path, f"the {slot} model's {k} contains NaN or infinity")
    model = TinyGPT(config)
    model.load_state_dict(tensors, strict=False)  # lm_head is tied to wte
    model.eval()
    return model


def _restore_alignment(path: Path, session, saved: dict, built: dict) -> None:
    """Rebuild the Pillar III run: policy = the live model, its frozen reference, the
    judgements (replayed by later updates), the charts' history and the trait."""
    from engine.alignment.run import Alignment
    from engine.alignment.metrics import AlignmentSnapshot, Trait

    ref_slot = saved["reference"]
    if ref_slot not in built:
        raise _damaged(path, "the reference model of the chat feedback is missing")
    reference = built[ref_slot][0]
    vocab = session.model.config.vocab_size
    items = [_item_from_json(d, vocab) for d in _list(saved["judgements"])]
    history = [_checked(AlignmentSnapshot, d) for d in _list(saved["history"])]
    trait = saved.get("trait")
    trait = None if trait is None else _checked(Trait, trait)
    if trait is not None and trait.kind in ("short", "long") and trait.threshold <= 0:
        raise ValueError("a length trait without its threshold")
    if trait is not None and trait.token_id is not None and not 0 <= trait.token_id < vocab:
        raise ValueError("the trait's token is outside the vocabulary")
    qa = session.qa_set()
    run = Alignment(
        session.model, session.tokenizer,
        heldout_prompts=[p.question for p in qa.heldout],
        train_prompts=[p.question for p in qa.train],
        reference=reference, trait=trait, start_from_reference=False,
    )
    opt = run.optimizer
    opt.memory.items = items
    opt.version = _int(saved["version"])
    opt.kl_reference = float(saved["kl_reference"])
    run.history = history or run.history
    session.model = run.policy
    session._alignment_run = run
    if session.stage == "aligned":  # the fine-tuned stage is the reference's weights
        state = session._finetune_state
        state.models.setdefault("fine-tuned", reference)
        state.tokenizers.setdefault("fine-tuned", session.tokenizer)


def _answer_from_json(d, vocab: int):
    from engine.alignment.preference import Answer

    d = _dict(d)
    return Answer(str(d["text"]), _ids(d["token_ids"], vocab), bool(d["ended"]))


def _item_from_json(d, vocab: int):
    from engine.alignment.preference import PreferencePair, Thumb

    d = _dict(d)
    prompt, prompt_ids = str(d["prompt"]), _ids(d["prompt_ids"], vocab)
    if d["kind"] == "pair":
        return PreferencePair(prompt, prompt_ids, _answer_from_json(d["chosen"], vocab),
                              _answer_from_json(d["rejected"], vocab))
    if d["kind"] == "thumb":
        return Thumb(prompt, prompt_ids, _answer_from_json(d["answer"], vocab), bool(d["up"]))
    raise ValueError(f"unknown kind of judgement {d['kind']!r}")


# ----- small type checks (a hostile file must fail with SessionFileError, not deep inside) --


def _dict(v) -> dict:
    if not isinstance(v, dict):
        raise TypeError(f"expected an object, got {type(v).__name__}")
    return v


def _list(v) -> list:
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {type(v).__name__}")
    return v


def _int(v) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"expected a whole number, got {v!r}")
    return v


_TYPES = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,)}


def _checked(cls, d):
    """cls(**d) for a frozen dataclass of plain values, each field's type checked first."""
    d = _dict(d)
    kinds = {f.name: str(f.type) for f in fields(cls)}
    if not set(d) <= set(kinds):
        raise ValueError(f"unexpected fields {sorted(set(d) - set(kinds))}")
    for name, value in d.items():
        allowed = [a.strip() for a in kinds[name].split("|")]
        if value is None and "None" in allowed:
            continue
        types = tuple(t for a in allowed for t in _TYPES.get(a, ()))
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise TypeError(f"{name} is {value!r}")
    return cls(**d)


def _pair(v) -> tuple[str, ...]:
    """(question, answer) or (question, answer, subject), as saved."""
    v = _list(v)
    if len(v) not in (2, 3) or not all(isinstance(s, str) for s in v):
        raise TypeError("a question/answer pair must be two texts (and its subject)")
    return tuple(v)


def _ids(v, vocab: int) -> tuple[int, ...]:
    ids = tuple(_int(i) for i in _list(v))
    if any(not 0 <= i < vocab for i in ids):
        raise ValueError("a token id is outside the vocabulary")
    return ids
