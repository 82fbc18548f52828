"""The GUI process makes every panel without importing torch on its own thread.

The window makes all six panels before it first appears (MainWindow.prepare_panels); a
panel that imported torch there (1-2 s) delayed the first paint past its budget. The
engine's types the GUI needs (decode settings, the preference step's config) live in
torch-free modules.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = '''
import os, sys
sys.path.insert(0, {root!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if __name__ == "__main__":
    from gui.app import create_application
    from gui.bridge.controller import Controller, InProcessBackend
    from gui.main_window import MainWindow

    app = create_application()
    window = MainWindow(Controller(InProcessBackend(lambda: None)), start_key="data")
    window.prepare_panels()
    print("panels", len(window.panels))
    print("heavy", sorted(m for m in ("torch", "umap", "numba", "sklearn") if m in sys.modules))
    os._exit(0)
'''


def test_making_every_panel_imports_no_torch(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "panels 6" in out.stdout
    assert "heavy []" in out.stdout, out.stdout
