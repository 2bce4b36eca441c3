"""Greek first, English from the Qt Linguist files in resources/translations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from nexipos_desktop.app import install_translator
from nexipos_desktop.resources import resources_dir

TS = resources_dir() / "translations" / "nexipos_en.ts"
QM = TS.with_suffix(".qm")


def test_every_message_has_a_finished_english_translation():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 60
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_compiled_translation_is_up_to_date(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    out = tmp_path / "nexipos_en.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


def test_sources_have_no_untranslated_ui_strings():
    """Every tr() text in ui/ is in the .ts (lupdate was run after the last UI change)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    sources = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    ui = Path(__import__("nexipos_desktop.ui", fromlist=["x"]).__file__).parent
    import re

    found = set()
    for path in ui.glob("*.py"):
        found |= set(re.findall(r'self\.tr\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert found - sources == set()


def test_english_window(pos_window, qapp):
    translator = install_translator(qapp, "en")
    try:
        window = pos_window()
        assert window.cash_button.text() == "Cash (F8)"
        assert window.catalogue.search.placeholderText().startswith("Search product")
        assert window.terminal_label.text() == "Terminal: not configured"
    finally:
        QApplication.removeTranslator(translator)
        install_translator(qapp, "el")


def test_greek_is_the_default(pos_window):
    window = pos_window()
    assert window.cash_button.text() == "Μετρητά (F8)"
    assert window.card_button.text() == "Κάρτα (F9)"
