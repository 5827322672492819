"""`agentdesk --screenshot`: the main window with its data, as a PNG an agent could read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).parent.parent


def _shoot(tmp_path: Path, platform: str, lang: str) -> Path:
    out = tmp_path / f"window-{lang}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "--data-dir",
            str(tmp_path / "profile"),
            "--lang",
            lang,
            "--screenshot",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return out


def _looks_like_a_window(path: Path) -> QImage:
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 200, "a blank or single-colour picture"
    # the list pane holds dark text on a light background
    dark = sum(1 for x in range(200, 560, 2) for y in range(60, 700, 2) if QImage(image).pixelColor(x, y).value() < 90)
    assert dark > 800  # an empty list has none
    return image


def test_the_screenshot_shows_the_window_with_its_data(tmp_path: Path) -> None:
    _looks_like_a_window(_shoot(tmp_path, "offscreen", "en"))


@pytest.mark.xvfb
def test_on_a_real_x_server_the_german_window_is_readable(tmp_path: Path) -> None:
    """Under Xvfb with real fonts; OCR reads the queue names and the status bar back."""
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs an X server (run under xvfb-run)")
    shot = _shoot(tmp_path, "xcb", "de")
    _looks_like_a_window(shot)
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    image = QImage(str(shot))
    # OCR reads each part on its own: a whole window's columns get mixed into one another's lines
    parts = {"queues": image.copy(0, 50, 175, 200), "status bar": image.copy(0, 775, 1280, 25)}
    ocr = ""
    for name, part in parts.items():
        path = tmp_path / f"{name}.png"
        part.scaled(part.width() * 2, part.height() * 2).save(str(path))
        ocr += subprocess.run(
            ["tesseract", str(path), "-", "-l", "deu", "--psm", "6"], capture_output=True, text=True, timeout=120
        ).stdout
    # (the selected queue, "Meine", is white on blue, which OCR reads poorly; the rest must be readable)
    for word in ("Nicht zugewiesen", "Alle offenen", "Wartet auf Kunde", "Erledigt", "Ausgang", "Simulierte Zeit"):
        assert word in ocr, f"{word!r} not readable in the screenshot"
    keep = os.environ.get("AGENTDESK_KEEP_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)
