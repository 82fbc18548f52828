"""Pillar III panel: Chat & feedback."""
