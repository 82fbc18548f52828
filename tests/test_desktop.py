"""Desktop integration: the icon, the Linux desktop entry and its installer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
VALIDATE = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATE is None, reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)")


def _validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([VALIDATE, str(path)], capture_output=True, text=True, timeout=30)


@needs_validator
def test_shipped_desktop_entry_is_valid():
    result = _validate(ASSETS / "three-pillars.desktop")
    assert result.returncode == 0 and "error" not in result.stdout + result.stderr, result.stdout + result.stderr


@needs_validator
def test_installed_desktop_entry_is_valid_and_points_here(tmp_path):
    python = tmp_path / "my venv" / "bin" / "python"  # a space: Exec must quote it
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "install_desktop_entry.py"),
         "--data-home", str(tmp_path / "share"), "--python", str(python)],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "share" / "applications" / "three-pillars.desktop"
    check = _validate(entry)
    assert check.returncode == 0, check.stdout + check.stderr
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{python}" {ROOT / "main.py"}' in text or f'Exec="{python}" "{ROOT / "main.py"}"' in text
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "three-pillars.png").is_file()
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "three-pillars.svg").is_file()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "install_desktop_entry.py"),
                    "--data-home", str(tmp_path / "share"), "--uninstall"], check=True, timeout=60)
    assert not entry.exists()


def test_icon_png_is_the_svg_rendered_at_256(qapp, tmp_path):
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_icon
    finally:
        sys.path.pop(0)
    fresh = make_icon.render(ASSETS / "three-pillars.svg", tmp_path / "icon.png", 256)
    shipped, made = QImage(str(ASSETS / "three-pillars.png")), QImage(str(fresh))
    assert (shipped.width(), shipped.height()) == (256, 256)
    # The same picture, give or take rounding: Qt's rasteriser may differ by one level in a
    # few edge pixels from one CPU to another (4 pixels of 65,536 did); a changed icon
    # differs by far more.
    a, b = (_pixels(img) for img in (shipped, made))
    differ = np.abs(a.astype(int) - b.astype(int)).max(axis=2)
    assert differ.max() <= 2 and (differ > 0).sum() <= 64, (differ.max(), (differ > 0).sum())


def _pixels(image):
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return np.frombuffer(bytes(image.constBits()), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()]


@pytest.mark.gui
def test_the_app_has_its_name_and_icon(qapp):
    from gui.app import app_icon, create_application

    app = create_application()
    assert app.applicationDisplayName() == "Three Pillars"
    assert app.desktopFileName() == "three-pillars"
    assert not app_icon().isNull() and not app.windowIcon().isNull()


@needs_validator
def test_main_installs_the_desktop_entry_without_a_window(tmp_path):
    """`three-pillars --install-desktop-entry` (the self-contained build's way) needs no display."""
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["XDG_DATA_HOME"] = str(tmp_path / "share")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--install-desktop-entry"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in result.stderr
    entry = tmp_path / "share" / "applications" / "three-pillars.desktop"
    assert _validate(entry).returncode == 0
    assert str(ROOT / "main.py") in entry.read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--uninstall-desktop-entry"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0 and not entry.exists()


def test_bundle_spec_sees_every_panel_and_worker():
    """A bundler only packs what it can see: the spec collects our packages whole, and every
    panel is imported by a plain import statement (never by a name in a string)."""
    spec = (ROOT / "packaging" / "three-pillars.spec").read_text(encoding="utf-8")
    for package in ("engine", "workers", "gui"):
        assert f'collect_submodules("{package}")' in spec
    registry = (ROOT / "gui" / "panels" / "__init__.py").read_text(encoding="utf-8")
    for panel in sorted((ROOT / "gui" / "panels").glob("*/*_panel.py")):
        module = ".".join(panel.relative_to(ROOT).with_suffix("").parts)
        assert f"from {module} import" in registry, f"{module} is not imported explicitly"


def test_user_cache_dir_is_outside_the_install(monkeypatch, tmp_path):
    from engine import paths

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if sys.platform.startswith("linux"):
        assert paths.user_cache_dir() == tmp_path / "cache" / "three-pillars"
    assert paths.ROOT not in paths.user_cache_dir().parents
