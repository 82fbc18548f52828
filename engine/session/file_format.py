"""The session file's format, checked before anything is built from it.

A session file is one safetensors file (see `engine.session.file`). Everything here
guards the reading side: the header's length and JSON, every tensor's dtype, shape and
offsets against the file size, each model's config and weights, and the plain types of
every field, so a damaged or hostile file fails with a SessionFileError that says what
is wrong, never deep inside the code that uses it.
"""

from __future__ import annotations

import json
import math
import struct
from dataclasses import fields
from pathlib import Path

import torch

from engine import integrity
from engine.bounded_input import JSONLimitError, load_json, open_regular_file
from engine.checkpoint import META
from engine.model import GPTConfig, TinyGPT
from engine.stages import STAGES

FORMAT = "three-pillars-session"
VERSION = 1
SUFFIX = ".pillars"  # what "Save session…" proposes; any name opens if the contents are right
META_KEY = "three_pillars"
# Our header is a few hundred kB (tokenizers ~70 kB each, the Q&A pairs, the judgements);
# a huge declared header is a damaged or hostile file, refused before it is read.
MAX_HEADER_BYTES = 16 << 20
MAX_TENSORS = 4096
USER_TEXTS = "data/user_documents"
DTYPES = {"F32": (torch.float32, 4), "U8": (torch.uint8, 1)}
SLOTS = (*STAGES, "reference")  # a model's place in the file: its stage, or the frozen reference


class SessionFileError(ValueError):
    """A session file that cannot be saved or opened, with a message a person can act on."""



def damaged(path: Path, detail: str) -> SessionFileError:
    return SessionFileError(
        f'"{path.name}" could not be opened: the file is damaged ({detail}). '
        "Nothing was changed. Open an earlier copy, or save the session again where it came from."
    )


def not_a_session(path: Path, what: str) -> SessionFileError:
    return SessionFileError(
        f'"{path.name}" is not a Three Pillars session: {what}. Nothing was changed. '
        'Choose a file made with "Save session…" (it ends in .pillars).'
    )


def read_header(path: Path) -> tuple[dict, dict[str, dict], int]:
    """(the JSON document, the tensor index, where the tensor data starts), all checked
    against the file size before anything large is read."""
    path = Path(path)
    if path.is_dir():
        what = ("it is a model checkpoint folder (open those with THREE_PILLARS_CHECKPOINT)"
                if (path / META).is_file() else "it is a folder, not a file")
        raise not_a_session(path, what)
    try:
        size = path.stat().st_size
        # a regular file only: a FIFO would hang the engine, /dev/zero never ends
        with open_regular_file(path, lambda m: SessionFileError(f"{m} Nothing was changed.")) as f:
            head = f.read(8)
            if head.startswith(b"PK\x03\x04"):
                raise not_a_session(path, "it is a zip archive (such as a PyTorch .pt file), "
                                           "which this app never opens")
            if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
                raise not_a_session(path, "it is a Python pickle, which can run code when it is "
                                           "opened, so this app never opens one")
            if size == 0:
                raise not_a_session(path, "the file is empty")
            if len(head) < 8:
                raise damaged(path, f"it is cut short: only {size} bytes")
            (n,) = struct.unpack("<Q", head)
            if n > MAX_HEADER_BYTES:
                raise not_a_session(
                    path, f"its first bytes announce a {n:,}-byte description, far more than "
                          f"any session has (the limit is {MAX_HEADER_BYTES:,}); the file is "
                          "damaged or was not made by this app")
            if 8 + n > size:
                raise damaged(path, f"it is cut short: its description alone needs {8 + n:,} "
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
        header = load_json(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise not_a_session(path, "it does not start the way a session file does") from None
    except JSONLimitError as e:
        raise damaged(path, f"its index is not usable: {e}") from None
    if not isinstance(header, dict):
        raise not_a_session(path, "it does not start the way a session file does")
    meta = header.pop("__metadata__", None)
    if not isinstance(meta, dict) or not isinstance(meta.get(META_KEY), str):
        raise not_a_session(path, "it is a file of model weights (safetensors) from elsewhere, "
                                   "without a session in it")
    try:
        doc = load_json(meta[META_KEY], allow_nan=True)  # bounded: depth, 5000 digits, 1e400
    except json.JSONDecodeError as e:
        raise damaged(path, f"its description is not valid JSON: {e}") from None
    except JSONLimitError as e:
        raise damaged(path, f"its description is not usable: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise not_a_session(path, "it was written by another program")
    version = doc.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and version > VERSION
        raise SessionFileError(
            f'"{path.name}" was saved by {"a newer" if newer else "another"} version of Three '
            f"Pillars (session format {version!r}; this app reads format {VERSION}). Nothing was "
            + ("changed. Update the app to open it." if newer else "changed.")
        )
    data_start = 8 + n
    index = check_index(path, header, size - data_start)
    return doc, index, data_start


def check_index(path: Path, header: dict, data_bytes: int) -> dict[str, dict]:
    """Every tensor's dtype, shape and offsets are sane, and the offsets tile the data."""
    if len(header) > MAX_TENSORS:
        raise damaged(path, f"it lists {len(header):,} tensors")
    spans = []
    for name, info in header.items():
        if not isinstance(info, dict) or info.get("dtype") not in DTYPES:
            raise damaged(path, f"{name!r} has an unexpected kind of numbers")
        shape, offsets = info.get("shape"), info.get("data_offsets")
        if (not isinstance(shape, list) or len(shape) > 4
                or not all(isinstance(d, int) and d >= 0 for d in shape)):
            raise damaged(path, f"{name!r} has a malformed shape")
        if (not isinstance(offsets, list) or len(offsets) != 2
                or not all(isinstance(o, int) and o >= 0 for o in offsets)):
            raise damaged(path, f"{name!r} has malformed offsets")
        start, end = offsets
        need = math.prod(shape) * DTYPES[info["dtype"]][1]
        if end - start != need:
            raise damaged(path, f"{name!r} claims shape {shape} but {end - start:,} bytes")
        spans.append((start, end, name))
    spans.sort()
    pos = 0
    for start, end, name in spans:
        if start != pos:
            raise damaged(path, f"the numbers of {name!r} overlap or leave a gap")
        pos = end
    if pos > data_bytes:
        raise damaged(path, f"it is cut short: it should hold {pos:,} bytes of numbers "
                             f"and has {max(0, data_bytes):,}, probably because saving "
                             "or copying it was interrupted")
    if pos < data_bytes:
        raise damaged(path, f"it has {data_bytes - pos:,} unexpected bytes at the end")
    return {name: header[name] for _, _, name in spans}



def check_config(d: object) -> GPTConfig:
    """A saved config, its types and sizes checked before anything is built from it (a
    hostile one could ask for a billion layers, or 4.5): engine/integrity.py, shared with
    the checkpoints."""
    return integrity.model_config(d)


def build_model(path: Path, slot: str, config, tensors: dict[str, torch.Tensor]):

    with torch.device("meta"):  # the expected shapes, without allocating a single weight
        expected = {k: tuple(v.shape) for k, v in TinyGPT(config).state_dict().items()
                    if k != "lm_head.weight"}
    if set(tensors) != set(expected):
        missing = sorted(set(expected) - set(tensors))[:3]
        extra = sorted(set(tensors) - set(expected))[:3]
        raise damaged(path, f"the {slot} model does not match its description "
                             f"(missing {missing}, unexpected {extra})")
    for k, shape in expected.items():
        t = tensors[k]
        if tuple(t.shape) != shape or t.dtype != torch.float32:
            raise damaged(path, f"the {slot} model's {k} has shape {tuple(t.shape)}, "
                                 f"expected {shape}")
        problem = integrity.weights_problem(t)  # NaN, infinity, or absurdly large (x 1e30)
        if problem is not None:
            raise damaged(path, f"the {slot} model's {k} {problem}")
    model = TinyGPT(config)
    model.load_state_dict(tensors, strict=False)  # lm_head is tied to wte
    model.eval()
    return model



# ----- small type checks (a hostile file must fail with SessionFileError, not deep inside) --


def as_dict(v) -> dict:
    if not isinstance(v, dict):
        raise TypeError(f"expected an object, got {type(v).__name__}")
    return v


def as_list(v) -> list:
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {type(v).__name__}")
    return v


def as_int(v) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"expected a whole number, got {v!r}")
    return v


_TYPES = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,)}


def checked(cls, d):
    """cls(**d) for a frozen dataclass of plain values, each field's type checked first."""
    d = as_dict(d)
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


def as_pair(v) -> tuple[str, ...]:
    """(question, answer) or (question, answer, subject), as saved."""
    v = as_list(v)
    if len(v) not in (2, 3) or not all(isinstance(s, str) for s in v):
        raise TypeError("a question/answer pair must be two texts (and its subject)")
    return tuple(v)


def as_ids(v, vocab: int) -> tuple[int, ...]:
    ids = tuple(as_int(i) for i in as_list(v))
    if any(not 0 <= i < vocab for i in ids):
        raise ValueError("a token id is outside the vocabulary")
    return ids
