"""Pillar II, supervised fine-tuning: the question/answer set and its files, the SFT trainer
(answer tokens only), and the rules that score an answer."""
