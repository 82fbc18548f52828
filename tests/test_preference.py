"""Preference updates checked against closed forms: DPO at step 0, its gradient, KTO, the frozen reference."""

import math

import pytest
import torch
import torch.nn.functional as F

from engine.alignment.feedback import Answer, PreferencePair, Ranking, Thumb
from engine.alignment.losses import answer_batch, dpo_loss, kto_loss, sequence_logprobs
from engine.alignment.metrics import DriftProbe, Trait
from engine.alignment.preference import PreferenceConfig, PreferenceOptimizer, state_hash
from engine.alignment.rankers import PrefersWord, RandomRanker, Reversed, parse_ranker
from engine.alignment.sampling import decode, sample_answers
from engine.model import TinyGPT
from engine.tokenizers import END
from tests.tiny_world import tiny_setup

LN2 = math.log(2.0)


@pytest.fixture()
def tiny():
    tok, model, _, _ = tiny_setup()
    return tok, model


def _answer(ids, ended=True) -> Answer:
    ids = tuple(ids) + ((END,) if ended else ())
    return Answer(text=" ".join(map(str, ids)), token_ids=ids, ended=ended)


def _pairs(prompt_ids, n=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    out = []
    for _ in range(n):
        a = torch.randint(4, 60, (int(torch.randint(1, 6, (1,), generator=g)),), generator=g).tolist()
        b = torch.randint(4, 60, (int(torch.randint(1, 6, (1,), generator=g)),), generator=g).tolist()
        out.append(PreferencePair("q", tuple(prompt_ids), _answer(a), _answer(b, ended=False)))
    return out


def test_config_rejects_bad_values():
    for bad in ({"beta": 0}, {"lr": -1}, {"steps_per_judgement": 0}, {"replay": -1},
                {"nll_weight": -0.1}, {"desirable_weight": 0, "undesirable_weight": 0},
                {"max_answer_tokens": 0}, {"kl_budget": 0}, {"lr": float("nan")}):
        with pytest.raises(ValueError):
            PreferenceConfig(**bad)


def test_answer_batch_masks_the_prompt_and_keeps_end():
    idx, tgt = answer_batch([((1, 7, 8, 2), (9, 10, END)), ((1, 7, 2), (11,))], block_size=16)
    assert idx.tolist()[0] == [1, 7, 8, 2, 9, 10]
    assert tgt.tolist()[0] == [-100, -100, -100, 9, 10, END]
    assert tgt.tolist()[1] == [-100, -100, 11, -100, -100, -100]


def test_sequence_logprobs_sum_only_answer_tokens(tiny):
    _, model = tiny
    prompt, answer = (1, 20, 21, 2), (30, 31, END)
    idx, tgt = answer_batch([(prompt, answer)], model.config.block_size)
    lp, n = sequence_logprobs(model, idx, tgt)
    with torch.no_grad():
        logits, _ = model(torch.tensor([list(prompt + answer)[:-1]]))
        logp = F.log_softmax(logits[0], dim=-1)
    expected = sum(float(logp[len(prompt) - 1 + i, t]) for i, t in enumerate(answer))
    assert n.item() == 3
    assert lp.item() == pytest.approx(expected, abs=1e-5)


def test_dpo_loss_is_ln2_for_every_pair_at_the_first_update(tiny):
    tok, model = tiny
    opt = PreferenceOptimizer(model, tok, config=PreferenceConfig(steps_per_judgement=3))
    prompt = (1, 20, 21, 2)
    pairs = _pairs(prompt, n=4)
    _, parts = opt.losses(pairs)
    assert parts.dpo_per_pair == pytest.approx([LN2] * 4, abs=1e-6)
    # A ranking of 3 answers is its 3 pairs, and each starts at ln 2 as well.
    ranking = Ranking("q", prompt, (pairs[0].chosen, pairs[1].chosen, pairs[2].rejected))
    assert len(ranking.pairs()) == 3
    report = opt.update(ranking)
    assert report.steps[0].dpo_per_pair == pytest.approx([LN2] * 3, abs=1e-6)
    assert report.steps[-1].dpo < LN2  # and the steps lowered it


def test_dpo_gradient_matches_closed_form_on_logprobs():
    beta = 0.1
    pc = torch.tensor([-3.0, -5.5, -2.0], requires_grad=True)
    pr = torch.tensor([-4.0, -5.0, -9.0], requires_grad=True)
    rc = torch.tensor([-3.5, -5.0, -2.5])
    rr = torch.tensor([-3.0, -6.0, -8.0])
    losses, rew_c, rew_r = dpo_loss(pc, pr, rc, rr, beta)
    losses.sum().backward()
    margin = (pc - rc) - (pr - rr)
    expected = -beta * torch.sigmoid(-beta * margin.detach())
    torch.testing.assert_close(pc.grad, expected)
    torch.testing.assert_close(pr.grad, -expected)
    torch.testing.assert_close(losses.detach(), -F.logsigmoid(beta * margin.detach()))
    torch.testing.assert_close(rew_c - rew_r, beta * margin.detach())


def test_dpo_gradient_through_the_model_is_the_closed_form(tiny):
    """dL/dtheta = -beta*sigmoid(-beta*m) * (grad log pi(y_w) - grad log pi(y_l))."""
    tok, model = tiny
    beta = 0.25
    ref = TinyGPT(model.config)
    torch.manual_seed(3)
    ref.load_state_dict({k: v + 0.05 * torch.randn_like(v) for k, v in model.state_dict().items()})
    prompt, yw, yl = (1, 20, 21, 2), (30, 31, END), (40, 41, 42)
    bs = model.config.block_size

    def logp(m, ans):
        idx, tgt = answer_batch([(prompt, ans)], bs)
        return sequence_logprobs(m, idx, tgt)[0][0]

    with torch.no_grad():
        rw, rl = logp(ref, yw), logp(ref, yl)
    params = [p for p in model.parameters()]
    gw = torch.autograd.grad(logp(model, yw), params)
    gl = torch.autograd.grad(logp(model, yl), params)
    with torch.no_grad():
        m = (logp(model, yw) - rw) - (logp(model, yl) - rl)
    coeff = -beta * torch.sigmoid(-beta * m)
    loss, _, _ = dpo_loss(logp(model, yw)[None], logp(model, yl)[None], rw[None], rl[None], beta)
    g = torch.autograd.grad(loss.sum(), params)
    for got, a, b in zip(g, gw, gl, strict=True):
        torch.testing.assert_close(got, coeff * (a - b), rtol=1e-4, atol=1e-7)


def test_kto_loss_sanity():
    beta = 0.1
    ref = torch.tensor([-4.0, -4.0])
    desirable = torch.tensor([True, False])
    at_ref = kto_loss(ref.clone(), ref, desirable, 0.0, beta, 1.0, 1.5)
    torch.testing.assert_close(at_ref, torch.tensor([0.5, 0.75]))  # w * (1 - sigmoid(0))
    # A thumb up is cheaper when the answer became likelier; a thumb down, when less likely.
    up = kto_loss(torch.tensor([-2.0, -2.0]), ref, desirable, 0.0, beta)
    down = kto_loss(torch.tensor([-6.0, -6.0]), ref, desirable, 0.0, beta)
    assert up[0] < at_ref[0] and down[0] > at_ref[0]
    assert down[1] < 0.5 < up[1]
    # The gradient has the closed form -/+ w * beta * s * (1 - s), s = sigmoid(beta * (r - z0)).
    z0 = 0.7
    lp = torch.tensor([-3.0, -3.0], requires_grad=True)
    kto_loss(lp, ref, desirable, z0, beta, 2.0, 3.0).sum().backward()
    r = (lp - ref).detach()
    s_up = torch.sigmoid(beta * (r[0] - z0))
    s_down = torch.sigmoid(beta * (z0 - r[1]))
    torch.testing.assert_close(lp.grad, torch.stack([-2.0 * beta * s_up * (1 - s_up),
                                                     3.0 * beta * s_down * (1 - s_down)]))
    # A negative KL estimate is clamped to 0 (z0 >= 0).
    torch.testing.assert_close(kto_loss(ref.clone(), ref, desirable, -5.0, beta), torch.tensor([0.5, 0.5]))


def test_reference_never_changes_while_the_policy_does(tiny):
    tok, model = tiny
    opt = PreferenceOptimizer(model, tok, config=PreferenceConfig(steps_per_judgement=2))
    ref_hash = state_hash(opt.reference)
    policy_hash = state_hash(opt.policy)
    assert ref_hash == policy_hash
    prompt = (1, 20, 21, 2)
    for i, pair in enumerate(_pairs(prompt, n=12, seed=1)):
        opt.update(pair if i % 3 else Thumb("q", prompt, pair.chosen, up=bool(i % 2)))
    assert state_hash(opt.reference) == ref_hash
    assert state_hash(opt.policy) != policy_hash
    assert all(not p.requires_grad for p in opt.reference.parameters())
    opt.reset()
    assert state_hash(opt.policy) == ref_hash
    assert opt.version == 0 and not opt.memory.items


def test_updates_raise_the_chosen_answer_and_accuracy(tiny):
    tok, model = tiny
    opt = PreferenceOptimizer(model, tok, config=PreferenceConfig())
    pairs = _pairs((1, 20, 21, 2), n=3, seed=2)
    for p in pairs:
        opt.update(p)
    chosen, rejected = opt.pair_rewards()
    assert (chosen > rejected).all()


def test_thumbs_move_the_answer_the_right_way(tiny):
    tok, model = tiny
    prompt = (1, 20, 21, 2)
    ans = _answer((30, 31, 32))
    for up in (True, False):
        opt = PreferenceOptimizer(model, tok, config=PreferenceConfig(nll_weight=0.0))
        before = opt.reference_logprobs([(prompt, ans.token_ids)]).item()
        opt.update(Thumb("q", prompt, ans, up=up))
        idx, tgt = answer_batch([(prompt, ans.token_ids)], model.config.block_size)
        with torch.no_grad():
            after = sequence_logprobs(opt.policy, idx, tgt)[0].item()
        assert (after > before) if up else (after < before)


def test_candidates_are_distinct_and_from_the_current_model(tiny):
    tok, model = tiny
    opt = PreferenceOptimizer(model, tok, config=PreferenceConfig(max_answer_tokens=8))
    c = opt.candidates("the cat", n=3, seed=5)
    assert len(c.answers) == 3 and c.model_version == 0
    assert len({a.text for a in c.answers}) == 3
    assert c.prompt_ids[0] == 1 and c.prompt_ids[-1] == 2  # <user> ... <assistant>
    for a in c.answers:
        assert 1 <= len(a.token_ids) <= 8
        assert a.ended == (a.token_ids[-1] == END)
    assert opt.candidates("the cat", n=3, seed=5) == c  # seeded


def test_batched_sampling_matches_one_at_a_time_distribution(tiny):
    """Row r of a batch sees exactly the logits it would see alone (padding never leaks)."""
    tok, model = tiny
    prompts = [(1, 20, 2), (1, 20, 21, 22, 23, 2)]
    gen = torch.Generator().manual_seed(0)
    answers = sample_answers(model, tok, prompts, 6, gen)
    for p, a in zip(prompts, answers, strict=True):
        idx, tgt = answer_batch([(p, a.token_ids)], model.config.block_size)
        with torch.no_grad():
            lp_alone = sequence_logprobs(model, idx, tgt)[0]
            both, tg2 = answer_batch([(p, a.token_ids), (prompts[1], answers[1].token_ids)], 16)
            lp_batch = sequence_logprobs(model, both, tg2)[0][0]
        assert lp_alone.item() == pytest.approx(lp_batch.item(), abs=1e-5)


def test_exact_kl_is_zero_at_the_reference_and_matches_a_direct_sum(tiny):
    tok, model = tiny
    probe = DriftProbe(model, tok, [(1, 20, 2), (1, 21, 22, 2)], max_new_tokens=5, seed=0)
    kl, kl_tok, _ = probe.measure(model)
    assert kl == pytest.approx(0.0, abs=1e-6) and kl_tok == pytest.approx(0.0, abs=1e-6)
    other = TinyGPT(model.config)
    kl, kl_tok, mass = probe.measure(other, token_id=30)
    with torch.no_grad():
        p = F.log_softmax(other(probe.idx)[0], -1)
        q = F.log_softmax(model(probe.idx)[0], -1)
    direct = 0.0
    for b in range(probe.idx.shape[0]):
        for t in range(probe.idx.shape[1]):
            if probe.mask[b, t]:
                direct += float((p[b, t].exp() * (p[b, t] - q[b, t])).sum())
    assert kl == pytest.approx(direct / probe.idx.shape[0], rel=1e-4)
    assert kl_tok == pytest.approx(direct / probe.positions, rel=1e-4)
    assert 0.0 < mass < 1.0


def test_rankers_judge_as_documented():
    from engine.alignment.feedback import Candidates

    sea = Answer("the sea is deep", (5, 6, END), True)
    hill = Answer("the hill is high and very steep", (7, 8, 9, 10, 11), False)
    mare = Answer("seaside", (12, END), True)
    c = Candidates("q", (1, 2), (sea, hill, mare), 0, 0)
    pairs = PrefersWord("sea").preference_pairs(c)
    assert {(p.chosen, p.rejected) for p in pairs} == {(sea, hill), (sea, mare)}  # "seaside" is not "sea"
    rev = Reversed(PrefersWord("sea")).preference_pairs(c)
    assert {(p.chosen, p.rejected) for p in rev} == {(hill, sea), (mare, sea)}
    shorter = parse_ranker("prefers-shorter").preference_pairs(c)
    assert {(p.chosen, p.rejected) for p in shorter} == {(mare, sea), (mare, hill), (sea, hill)}
    longer = parse_ranker("prefers-longer").preference_pairs(c)
    assert {(p.chosen, p.rejected) for p in longer} == {(hill, sea), (hill, mare), (sea, mare)}
    assert len(RandomRanker(0).preference_pairs(c)) == 3
    assert parse_ranker("reversed:prefers-word:sea").trait == Trait("word", word="sea")
    with pytest.raises(ValueError, match="unknown ranker"):
        parse_ranker("prefers-nothing")


def test_kv_cached_decoding_gives_the_full_forward_logits(tiny):
    """Teacher-forced through the cache, every row's logits equal a plain forward pass."""
    _, model = tiny
    prompts = [(1, 20, 2), (1, 20, 21, 22, 23, 2), (1, 30, 31, 2)]
    forced = [[40, 41, 42, 43], [50, 51, 52, 53], [60, END]]
    seen: dict[int, list[torch.Tensor]] = {0: [], 1: [], 2: []}

    def choose(logits, rows):
        out = []
        for lg, r in zip(logits, rows.tolist(), strict=True):
            seen[r].append(lg.clone())
            out.append(forced[r][len(seen[r]) - 1])
        return torch.tensor(out)

    new, ended = decode(model, prompts, 4, choose)
    assert new == forced and ended == [False, False, True]
    with torch.no_grad():
        for r, (p, f) in enumerate(zip(prompts, forced, strict=True)):
            full = model(torch.tensor([list(p) + f[:-1]]))[0][0]  # (T, V)
            for i, lg in enumerate(seen[r]):
                torch.testing.assert_close(lg, full[len(p) - 1 + i], rtol=1e-4, atol=1e-5)
