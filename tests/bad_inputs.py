"""Bad inputs for the reliability tests: the person's files and session files gone wrong.

Shared by tests/test_reliability_files.py (engine) and tests/test_reliability_gui.py (GUI).
"""

import json
import os
import pickle
import shutil
import struct
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent


def write_bad_file(kind: str, folder: Path, monkeypatch) -> Path:
    """A file (or folder) of one bad kind; "unreadable" makes open() fail as for a stranger."""
    if kind == "binary":
        path = folder / "photo.txt"
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "utf16":
        path = folder / "notes.txt"
        path.write_bytes("The sea is wide and the wind is cold.\n".encode("utf-16-le") * 50)
    elif kind == "latin1":
        path = folder / "café.txt"
        path.write_bytes("Le café près de la mer était très calme.\n".encode("latin-1") * 50)
    elif kind == "empty":
        path = folder / "empty.txt"
        path.write_text("   \n\n  ")
    elif kind == "huge":
        path = folder / "huge.txt"
        with open(path, "wb") as f:
            f.truncate(200 * 1024 * 1024)  # sparse: 200 MB that take no disk and no time
    elif kind == "no-text-folder":
        path = folder / "pictures"
        path.mkdir()
        (path / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    elif kind == "fifo":  # opening it used to wait for a writer forever
        path = folder / "pipe.txt"
        os.mkfifo(path)
    elif kind == "dev-zero":  # passes a size check (0 bytes), then never ends
        path = folder / "zeros.txt"
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path = folder / "random.md"
        path.symlink_to("/dev/urandom")
    elif kind == "link-out-of-folder":  # would put /etc/hostname into the training text
        path = folder / "notes"
        path.mkdir()
        (path / "mine.txt").write_text("The sea was calm and the wind was cold. " * 20)
        (path / "host.txt").symlink_to("/etc/hostname")
    elif kind == "unreadable":
        path = folder / "secret.txt"
        path.write_text("The king walked to the sea. " * 40)
        import engine.bounded_input as userfiles

        # Tests run as root, for whom chmod 000 stops nothing: make open() refuse as the
        # operating system would refuse another user.
        def denied(file, *args, **kwargs):
            if Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return open(file, *args, **kwargs)

        monkeypatch.setattr(userfiles, "open", denied, raising=False)  # where files are opened
    else:
        raise ValueError(kind)
    return path


BAD_FILES = {  # kind -> words the message must contain (what is wrong, what to do)
    "binary": ("not text", "Choose a plain"),
    "utf16": ("UTF-16", "save it again as UTF-8"),
    "latin1": ("not saved as UTF-8", "save it again as UTF-8"),
    "empty": ("empty",),
    "huge": ("too large", "200.0 MB"),
    "no-text-folder": ("no .txt or .md files", "Add some plain text files"),
    "unreadable": ("permission denied", "Copy it somewhere you own"),
    "fifo": ("a pipe (FIFO)", "Choose an ordinary file"),
    "dev-zero": ("a device", "Choose an ordinary file"),
    "dev-urandom": ("a device", "Choose an ordinary file"),
    "link-out-of-folder": ("host.txt", "outside that folder", "Copy the file into the folder"),
}


def rewrite(path: Path, out: Path, change_doc=None, change_tensors=None, change_text=None) -> Path:
    """`path` re-packed through safetensors with its JSON and/or tensors altered.

    Changed tensors get a matching checksum, as a file made on purpose would have: the
    checks behind the checksum are what is tested. `change_text` edits the JSON text."""
    from safetensors import safe_open
    from safetensors.torch import save

    from engine.integrity import weights_sha256

    with safe_open(str(path), framework="pt") as f:
        doc = json.loads(f.metadata()["three_pillars"])
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 - safe_open has no iter
    if change_doc:
        change_doc(doc)
    if change_tensors:
        change_tensors(tensors)
        if "weights_sha256" in doc:
            doc["weights_sha256"] = weights_sha256(tensors)
    text = json.dumps(doc)
    if change_text:
        text = change_text(text)
    out.write_bytes(save(tensors, metadata={"three_pillars": text}))
    return out


def _config_change(**change):
    def edit(doc):
        for model in doc["models"].values():
            model["config"].update(change)
    return edit


def hostile_file(kind: str, good: Path, folder: Path) -> Path:
    out = folder / f"{kind}.pillars"
    data = good.read_bytes()
    if kind == "truncated-data":
        out.write_bytes(data[: len(data) // 2])
    elif kind == "truncated-header":
        out.write_bytes(data[:200])
    elif kind == "four-bytes":
        out.write_bytes(data[:4])
    elif kind == "empty":
        out.write_bytes(b"")
    elif kind == "pickle":
        out.write_bytes(pickle.dumps({"weights": [1.0, 2.0], "stage": "aligned"}))
    elif kind == "torch-save":
        torch.save({"wte.weight": torch.zeros(2, 2)}, out)
    elif kind == "huge-header":  # a bomb-like claim: a 1 TB description in a tiny file
        out.write_bytes(struct.pack("<Q", 1 << 40) + b'{"__metadata__":{}}' + bytes(64))
    elif kind == "huge-tensor":  # a small header declaring a 500 GB tensor
        header = json.dumps({"__metadata__": {"three_pillars": json.dumps(
            {"format": "three-pillars-session", "version": 1})},
            "aligned/wte.weight": {"dtype": "F32", "shape": [1_000_000_000, 128],
                                   "data_offsets": [0, 512_000_000_000]}}).encode()
        out.write_bytes(struct.pack("<Q", len(header)) + header + bytes(1024))
    elif kind == "wrong-shapes":
        def transpose(t):
            name = sorted(k for k in t if k.endswith("/wte.weight"))[0]
            t[name] = t[name].t().contiguous()
        rewrite(good, out, change_tensors=transpose)
    elif kind == "nan-weights":
        def poison(t):
            t[sorted(k for k in t if k.endswith("/ln_f.weight"))[0]][0] = float("nan")
        rewrite(good, out, change_tensors=poison)
    elif kind == "future-version":
        rewrite(good, out, change_doc=lambda d: d.update(version=2))
    elif kind == "bad-token-ids":
        def bad_ids(d):
            d["alignment"]["judgements"][0]["prompt_ids"][0] = 10**9
        rewrite(good, out, change_doc=bad_ids)
    elif kind == "bit-flip":  # one bit of one weight, as a failing disk or copy makes
        flipped = bytearray(data)
        flipped[-5000] ^= 0x10
        out.write_bytes(bytes(flipped))
    elif kind == "deep-json":
        rewrite(good, out, change_text=lambda t: t[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif kind == "huge-int":  # used to end in "use sys.set_int_max_str_digits()"
        rewrite(good, out, change_doc=lambda d: d.update(tokens_seen="@BIG@"),
                change_text=lambda t: t.replace('"@BIG@"', "9" * 5000))
    elif kind == "loss-1e400":  # used to end in an OverflowError
        rewrite(good, out, change_doc=lambda d: d.update(last_loss="@BIG@"),
                change_text=lambda t: t.replace('"@BIG@"', "1e400"))
    elif kind == "n_layer-4.5":
        rewrite(good, out, change_doc=_config_change(n_layer=4.5))
    elif kind == "n_layer-100000":
        rewrite(good, out, change_doc=_config_change(n_layer=100_000))
    elif kind == "weights-1e30":  # used to load, then every sample raised
        def scale(t):
            for k in t:
                if k != "data/user_documents":
                    t[k] = t[k] * 1e30
        rewrite(good, out, change_tensors=scale)
    elif kind == "fifo":  # used to leave "opening…" for good and the engine deaf
        os.mkfifo(out)
    elif kind == "dev-zero":
        out.symlink_to("/dev/zero")
    elif kind == "weights-from-elsewhere":
        shutil.copy(ROOT / "assets/checkpoints/base/model.safetensors", out)
    elif kind == "text":
        out.write_text("This is a shopping list: apples, oranges, bread.\n")
    elif kind == "checkpoint-folder":
        out = folder / "base"
        shutil.copytree(ROOT / "assets/checkpoints/base", out)
    else:
        raise ValueError(kind)
    return out


HOSTILE = {  # kind -> words the message must contain
    "truncated-data": ("damaged", "cut short"),
    "truncated-header": ("damaged", "cut short"),
    "four-bytes": ("cut short",),
    "empty": ("empty",),
    "pickle": ("pickle", "never opens"),
    "torch-save": ("zip archive",),
    "huge-header": ("not a Three Pillars session", "1,099,511,627,776-byte"),
    "huge-tensor": ("cut short",),
    "wrong-shapes": ("damaged", "shape"),
    "nan-weights": ("NaN",),
    "future-version": ("newer version", "Update the app"),
    "bad-token-ids": ("damaged", "outside the vocabulary"),
    "weights-from-elsewhere": ("not a Three Pillars session", "without a session"),
    "text": ("not a Three Pillars session",),
    "checkpoint-folder": ("checkpoint folder",),
    "bit-flip": ("damaged", "checksum"),
    "deep-json": ("damaged", "nests"),
    "huge-int": ("damaged", "5,000 digits"),
    "loss-1e400": ("damaged", "too large"),
    "n_layer-4.5": ("damaged", "n_layer is 4.5"),
    "n_layer-100000": ("damaged", "n_layer is 100,000"),
    "weights-1e30": ("damaged", "as large as"),
    "fifo": ("a pipe (FIFO)",),
    "dev-zero": ("a device",),
}
