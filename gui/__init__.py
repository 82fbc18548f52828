"""The desktop app: presents the engine and forwards the person's actions.

Nothing in this package does heavy work on the GUI thread; the live model runs in an
engine worker process behind `gui.bridge.controller.Controller`.
"""
