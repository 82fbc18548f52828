"""Pillar II panel: Fine-tune."""
