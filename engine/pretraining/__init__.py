"""Pillar I, pre-training: sliding windows, the next-token trainer, probes of what the model
guesses and knows, and the 2-D projection of its word vectors."""
