"""The chat format fine-tuning teaches, defined once for every pillar that uses it.

    <user> question <assistant> answer <end>

The prompt part (`<user> question <assistant>`) is what the model reads before it
answers; the answer part (` answer` then the `<end>` id) is what it must write. They are
tokenized separately and joined, so the boundary between them is exact. Positions the
loss must skip (the prompt, the padding) are labelled `IGNORE`.
"""

from __future__ import annotations

from engine.tokenizers import ASSISTANT, END, SPECIAL_TOKENS, USER, Tokenizer

IGNORE = -100  # a label the loss skips (torch's cross_entropy ignore_index default)
USER_MARKER = SPECIAL_TOKENS[USER]  # "<user>": a person's turn begins
ASSISTANT_MARKER = SPECIAL_TOKENS[ASSISTANT]  # "<assistant>": the model's turn begins


def chat_prompt(question: str) -> str:
    """The chat format's prompt part: `<user> question <assistant>`."""
    return f"{USER_MARKER} {question.strip()} {ASSISTANT_MARKER}"


def prompt_ids(tok: Tokenizer, question: str) -> list[int]:
    """Token ids of `<user> question <assistant>`: what the model reads before answering."""
    return tok.encode(chat_prompt(question))


def answer_ids(tok: Tokenizer, answer: str) -> list[int]:
    """Token ids of ` answer` followed by the `<end>` id: what the model must write."""
    return tok.encode(" " + answer.strip()) + [END]
