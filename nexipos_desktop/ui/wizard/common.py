"""What the wizard's pages share: the setup being collected, the current settings, small widget helpers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from nexipos_desktop.admin.connection import echo_terminal
from nexipos_desktop.admin.setup_apply import SetupPlan

EchoFunction = Callable[[str, int], Awaitable[Any]]


@dataclass
class SetupState:
    """The setup being collected (written only at Finish) and what is configured now."""

    values: dict[str, Any]  # the current settings (DEFAULTS filled in)
    plan: SetupPlan = field(default_factory=SetupPlan)
    first_run: bool = False
    has_admin: bool = True
    secrets_set: frozenset[str] = frozenset()  # names of secrets already in the keyring
    echo: EchoFunction = echo_terminal
    pairing: Any = None  # the WebECR pairing service (see webecr_panel.py)
    receipts_dir: Path = field(default_factory=Path.cwd)


def problem_label(name: str) -> QLabel:
    """A red label that says what is wrong on a page."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def note_label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet("background: #f3f6fb; color: #23364f; padding: 6px; border-radius: 4px;")
    return label


def ok_style(label: QLabel, ok: bool) -> None:
    label.setStyleSheet("color: #0d5223;" if ok else "color: #b00020;")
