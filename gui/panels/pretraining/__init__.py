"""Pillar I panels: Data, Tokens, Windows, Embeddings."""
