#!/bin/bash
# macOS: double-click this file (in Finder) to start Three Pillars from this checkout.
# It uses the virtual environment made as in the README (.venv in the project folder).
cd "$(dirname "$0")/.." || exit 1
exec .venv/bin/python main.py "$@"
