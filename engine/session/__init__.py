"""The session: the live model and data of one app run, with one part per pillar, and the
whole-session file format."""
