"""The scripted judges' and the measurements' words, in the interface's language.

The engine (no Qt) describes a ranker, the trait it rewards and the statistical test
in English sentences built from a few facts (a word, a threshold, a count). The GUI
rebuilds those sentences here from the same facts, so they can be translated; what it
does not recognise is shown as the engine wrote it. The judged word itself stays as
typed: the model is English.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from gui.panels.finetuning.numbers import count, plural

_MENTION = re.compile(r'^answers that mention "(.+)"$')
_SHORT = re.compile(r"^answers of (\d+) tokens or fewer$")
_LONG = re.compile(r"^answers longer than (\d+) tokens$")
_TEST = re.compile(r"^paired sign-flip permutation test over (\d+) held-out prompts \((.+)\)$")
_RANDOM_PATTERNS = re.compile(r"^([\d,]+) random sign patterns, seed (\d+)$")


class JudgeWords(QObject):
    """Sentences about judges and traits (a QObject: lupdate finds plurals in self.tr only)."""

    def trait(self, label: str) -> str:
        """The engine's Trait.label ("answers that mention "sea"", ...) for people."""
        if m := _MENTION.match(label):
            return self.tr("answers that mention “{word}”").format(word=m.group(1))
        if m := _SHORT.match(label):
            n = int(m.group(1))
            return plural(self.tr("answers of %n token(s) or fewer", "", n), n)
        if m := _LONG.match(label):
            n = int(m.group(1))
            return plural(self.tr("answers longer than %n token(s)", "", n), n)
        return label

    def ranker(self, spec: str, fallback: str = "") -> str:
        """What a ranker spec ("prefers-word:sea", "reversed:...", "random") does, for people."""
        if spec.startswith("reversed:"):
            return self.tr("the opposite of: {judge}").format(judge=self.ranker(spec[len("reversed:"):]))
        if spec.startswith("prefers-word:"):
            return self.tr("always prefers answers that mention “{word}”").format(
                word=spec[len("prefers-word:"):])
        known = {"prefers-shorter": self.tr("always prefers the shorter answer"),
                 "prefers-longer": self.tr("always prefers the longer answer"),
                 "random": self.tr("picks at random")}
        return known.get(spec, fallback or spec)

    def test(self, text: str) -> str:
        """The engine's description of its permutation test, for people."""
        m = _TEST.match(text)
        if not m:
            return text
        n, how = int(m.group(1)), m.group(2)
        if how == "exact":
            how = self.tr("exact")
        elif r := _RANDOM_PATTERNS.match(how):
            how = self.tr("{rounds} random sign patterns, seed {seed}").format(
                rounds=count(int(r.group(1).replace(",", ""))), seed=r.group(2))
        return plural(self.tr("paired sign-flip permutation test over %n held-out prompt(s) ({how})",
                              "", n), n).format(how=how)
