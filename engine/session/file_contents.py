"""What a session file holds, in both directions: a Session <-> (a JSON document, tensors).

Saving reads the session's public state only; opening builds a new Session through its
public methods, checking every field on the way (`engine.session.file_format`).
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from engine.alignment.feedback import Answer, PreferencePair, Thumb
from engine.alignment.metrics import AlignmentSnapshot, Trait
from engine.alignment.run import Alignment
from engine.corpus.mix import Mix
from engine.corpus.sources import Document
from engine.finetuning.qa_data import QAEditError, QAPair, QASet, check_pair
from engine.session.core import USER_SOURCE, Session
from engine.session.file_format import (
    FORMAT,
    SLOTS,
    STAGES,
    USER_TEXTS,
    VERSION,
    as_dict,
    as_ids,
    as_int,
    as_list,
    as_pair,
    build_model,
    check_config,
    checked,
    damaged,
)
from engine.stages import ALIGNED, FINETUNED, PRETRAINED, UNTRAINED
from engine.tokenizers import BPETokenizer, Tokenizer, TokenizerError


def collect(session: Session) -> tuple[dict, dict[str, torch.Tensor]]:
    """(the JSON document, the tensors) of everything worth keeping in `session`."""
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
    for stage in (PRETRAINED, FINETUNED):
        kept = session.kept_models.get(stage)
        if stage not in models and kept is not None and kept.model is not live:
            add_model(stage, kept.model, kept.tokenizer, stage)

    alignment = None
    run = session.alignment.run
    if run is not None and live is not None and run.policy is live:
        ref_slot = next((s for s, m in model_objs.items() if _same_weights(m, run.reference)), None)
        if ref_slot is None:
            ref_slot = "reference"
            add_model(ref_slot, run.reference, session.tokenizer, FINETUNED)
        opt = run.optimizer
        alignment = {
            "reference": ref_slot,
            "version": int(opt.version),
            "kl_reference": float(opt.kl_reference),
            "judgements": [_item_to_json(i) for i in opt.memory.items],
            "history": [asdict(s) for s in run.history],
            "trait": None if run.trait is None else asdict(run.trait),
        }

    encoded = [d.text.encode("utf-8") for d in session.user_documents]
    if encoded:
        tensors[USER_TEXTS] = torch.from_numpy(np.frombuffer(b"".join(encoded), dtype=np.uint8).copy())

    qa = session.finetuning.qa
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
        "tokenizer_fits_data": session.tokenizer_fits_data(),
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


def _item_to_json(item: PreferencePair | Thumb) -> dict:
    base = {"prompt": item.prompt, "prompt_ids": list(item.prompt_ids)}
    if isinstance(item, PreferencePair):
        return {"kind": "pair", **base, "chosen": _answer_to_json(item.chosen),
                "rejected": _answer_to_json(item.rejected)}
    return {"kind": "thumb", **base, "answer": _answer_to_json(item.answer), "up": bool(item.up)}


def build_session(path: Path, doc: dict, tensors: dict[str, torch.Tensor]) -> Session:
    """A new Session from a file's document and tensors (`path` only names the file in errors)."""
    try:
        toks = [Tokenizer.from_dict(d) for d in as_list(doc["tokenizers"])]
    except TokenizerError as e:
        raise damaged(path, f"its tokenizer cannot be rebuilt: {e}") from None

    def tokenizer(index):
        if index is None:
            return None
        if not isinstance(index, int) or not 0 <= index < len(toks):
            raise ValueError(f"no tokenizer number {index!r}")
        return toks[index]

    config = doc.get("model_config")
    session = Session(seed=as_int(doc["seed"]),
                      model_config=None if config is None else check_config(config))
    session.mix = Mix(as_dict(doc["mix"]))

    # The person's texts, from the one byte tensor.
    user = as_dict(doc["user_texts"])
    lengths = [as_int(n) for n in as_list(user["byte_lengths"])]
    blob = tensors.pop(USER_TEXTS, None)
    if blob is not None and blob.dtype != torch.uint8:
        raise damaged(path, "the texts you added are stored as numbers of the wrong kind")
    raw = b"" if blob is None else blob.numpy().tobytes()
    if sum(lengths) != len(raw) or min(lengths, default=0) < 0:
        raise damaged(path, "the texts you added do not add up")
    texts, pos = [], 0
    for n in lengths:
        texts.append(raw[pos:pos + n].decode("utf-8"))
        pos += n
    session.user_documents = [Document(USER_SOURCE, t) for t in texts]
    session.user_files = [str(f) for f in as_list(user["files"])]

    # The models, each checked against its config before any weights are made.
    by_slot: dict[str, str] = {}
    for name in tensors:
        slot, _, _ = name.partition("/")
        by_slot.setdefault(slot, name)
    models = as_dict(doc["models"])
    if set(by_slot) - set(models):
        raise damaged(path, f"it holds weights of unknown models {sorted(set(by_slot) - set(models))}")
    built = {}
    for slot, info in models.items():
        if slot not in SLOTS:
            raise damaged(path, f"it names an unknown model {slot!r}")
        info = as_dict(info)
        if info["stage"] not in STAGES:
            raise damaged(path, f"it names an unknown stage {info['stage']!r}")
        tok = tokenizer(info["tokenizer"])
        cfg = check_config(info["config"])
        if tok is None or tok.vocab_size != cfg.vocab_size:
            raise damaged(path, f"the {slot} model and its tokenizer do not match")
        prefix = f"{slot}/"
        own = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
        built[slot] = (build_model(path, slot, cfg, own), tok)

    stage = doc["stage"]
    if stage not in STAGES:
        raise damaged(path, f"it names an unknown stage {stage!r}")
    session.stage = stage
    live_slot = doc.get("live")
    if live_slot is not None:
        if live_slot not in built:
            raise damaged(path, "the current model is missing")
        session.model = built[live_slot][0]
        session.model_config = session.model.config
    elif stage != UNTRAINED:
        raise damaged(path, f"it says the model is {stage} but holds no model")
    live_tok = tokenizer(doc["tokenizer"])
    if live_tok is not None and not isinstance(live_tok, BPETokenizer):
        raise damaged(path, "the model's tokenizer is not a BPE tokenizer")
    if session.model is not None and (live_tok is None or live_tok.vocab_size != session.model.config.vocab_size):
        raise damaged(path, "the current model and its tokenizer do not match")
    session.set_tokenizer(live_tok, fits_data=bool(doc.get("tokenizer_fits_data")))
    session.tokens_seen = as_int(doc["tokens_seen"])
    loss = doc.get("last_loss")
    session.last_loss = None if loss is None else float(loss)

    for kept in (PRETRAINED, FINETUNED):
        if kept in built and kept != live_slot:
            session.keep_stage_model(kept, *built[kept])
    qa = doc.get("qa")
    if qa is not None:
        qa = as_dict(qa)
        try:
            pairs = QASet(
                tuple(check_pair(QAPair(*as_pair(p))) for p in as_list(qa["train"])),
                tuple(check_pair(QAPair(*as_pair(p))) for p in as_list(qa["heldout"])),
                str(qa["name"]),
            )
        except QAEditError as e:
            raise damaged(path, f"its question/answer pairs are not usable: {e}") from None
        if not pairs.train:
            raise damaged(path, "it has no question/answer pair to train on")
        session.finetuning.set_qa(pairs)

    alignment = doc.get("alignment")
    if alignment is not None:
        if session.model is None:
            raise damaged(path, "it has chat feedback but no model")
        _restore_alignment(path, session, as_dict(alignment), built)
    return session


def _restore_alignment(path: Path, session: Session, saved: dict, built: dict) -> None:
    """Rebuild the Pillar III run: policy = the live model, its frozen reference, the
    judgements (replayed by later updates), the charts' history and the trait."""
    ref_slot = saved["reference"]
    if ref_slot not in built:
        raise damaged(path, "the reference model of the chat feedback is missing")
    reference = built[ref_slot][0]
    vocab = session.model.config.vocab_size
    items = [_item_from_json(d, vocab) for d in as_list(saved["judgements"])]
    history = [checked(AlignmentSnapshot, d) for d in as_list(saved["history"])]
    trait = saved.get("trait")
    trait = None if trait is None else checked(Trait, trait)
    if trait is not None and trait.kind in ("short", "long") and trait.threshold <= 0:
        raise ValueError("a length trait without its threshold")
    if trait is not None and trait.token_id is not None and not 0 <= trait.token_id < vocab:
        raise ValueError("the trait's token is outside the vocabulary")
    qa = session.finetuning.qa_set()
    run = Alignment(
        session.model, session.tokenizer,
        heldout_prompts=[p.question for p in qa.heldout],
        train_prompts=[p.question for p in qa.train],
        reference=reference, trait=trait, start_from_reference=False,
    )
    opt = run.optimizer
    opt.memory.items = items
    opt.version = as_int(saved["version"])
    opt.kl_reference = float(saved["kl_reference"])
    run.history = history or run.history
    session.alignment.resume(run)
    if session.stage == ALIGNED:  # the fine-tuned stage is the reference's weights
        session.keep_stage_model(FINETUNED, reference, session.tokenizer, replace=False)


def _answer_from_json(d, vocab: int) -> Answer:
    d = as_dict(d)
    return Answer(str(d["text"]), as_ids(d["token_ids"], vocab), bool(d["ended"]))


def _item_from_json(d, vocab: int) -> PreferencePair | Thumb:
    d = as_dict(d)
    prompt, prompt_ids = str(d["prompt"]), as_ids(d["prompt_ids"], vocab)
    if d["kind"] == "pair":
        return PreferencePair(prompt, prompt_ids, _answer_from_json(d["chosen"], vocab),
                              _answer_from_json(d["rejected"], vocab))
    if d["kind"] == "thumb":
        return Thumb(prompt, prompt_ids, _answer_from_json(d["answer"], vocab), bool(d["up"]))
    raise ValueError(f"unknown kind of judgement {d['kind']!r}")

