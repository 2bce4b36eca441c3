"""WebECR: the cloud account, the terminal's 8-digit pairing code (valid 15 minutes), the TID, a zero-risk test.

The pairing itself is done by a :class:`PairingService` (see ``state.pairing``); the panel never writes: the
secrets the pairing yields are handed to the plan and reach the keyring only at Finish.
"""

from __future__ import annotations

import re
import time
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from nexipos_desktop.admin.terminals import TerminalDraft
from nexipos_desktop.admin.webecr_pairing import PairedTerminal, WebEcrLogin, WebEcrPairing
from nexipos_desktop.payments.webecr.account import PRESETS
from nexipos_desktop.ui.tasks import spawn
from nexipos_desktop.ui.wizard.common import SetupState, note_label, ok_style, problem_label

CODE_VALIDITY_S = 15 * 60
ENVIRONMENTS = {**PRESETS, "custom": ""}


class PairingService(Protocol):
    """What the panel needs from the WebECR client: redeem a code, test a TID, the secrets to keep."""

    async def redeem(self, login: WebEcrLogin, code: str) -> list[PairedTerminal]: ...

    async def test(self, login: WebEcrLogin, tid: str) -> str: ...

    def secrets(self) -> dict[str, str]: ...

    def settings(self) -> dict[str, str]: ...


class WebEcrPanel(QWidget):
    def __init__(self, state: SetupState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.code_started: float | None = None
        self.terminals: list[PairedTerminal] = []
        self.tested_tid: str | None = None
        self.busy = False
        self.environment = QComboBox(objectName="webecrEnvironment")
        for key, label in (("sandbox", self.tr("NEXI sandbox (δοκιμές)")), ("production", self.tr("Παραγωγή")),
                           ("custom", self.tr("Άλλη διεύθυνση…"))):
            self.environment.addItem(label, key)
        self.base_url = QLineEdit(objectName="webecrUrl")
        self.username = QLineEdit(objectName="webecrUser")
        self.password = QLineEdit(objectName="webecrPassword", echoMode=QLineEdit.EchoMode.Password)
        self.code = QLineEdit(objectName="webecrCode", maxLength=8, placeholderText="12345678")
        self.countdown = QLabel(objectName="webecrCountdown")
        self.redeem_button = QPushButton(self.tr("Σύζευξη"), objectName="redeemButton")
        self.tid = QComboBox(objectName="webecrTid")
        self.test_button = QPushButton(self.tr("Δοκιμή"), objectName="webecrTestButton")
        self.result = QLabel(objectName="webecrResult", wordWrap=True)
        self.problem = problem_label("webecrProblem")
        self.timer = QTimer(self, interval=1000)
        form = QFormLayout()
        form.addRow(self.tr("Περιβάλλον:"), self.environment)
        form.addRow(self.tr("Διεύθυνση API:"), self.base_url)
        form.addRow(self.tr("Όνομα χρήστη:"), self.username)
        form.addRow(self.tr("Κωδικός:"), self.password)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addWidget(self.countdown, 1)
        code_row.addWidget(self.redeem_button)
        form.addRow(self.tr("Κωδικός σύζευξης (8 ψηφία):"), code_row)
        tid_row = QHBoxLayout()
        tid_row.addWidget(self.tid, 1)
        tid_row.addWidget(self.test_button)
        form.addRow(self.tr("Τερματικό (TID):"), tid_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note_label(self.tr("Στο τερματικό: FinConnect → «Λειτουργίες» → «WebECR Code» δίνει κωδικό 8 ψηφίων που ισχύει 15 λεπτά. Ο προσωρινός κωδικός του λογαριασμού (sandbox) πρέπει να αλλάξει πριν από τη χρήση σε παραγωγή.")))
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.problem)
        self.environment.currentIndexChanged.connect(lambda _i: self.on_environment_changed())
        self.code.textEdited.connect(lambda _t: self.on_code_edited())
        self.timer.timeout.connect(self.tick)
        self.redeem_button.clicked.connect(lambda _=False: spawn(self.redeem(), on_error=self._fail))
        self.test_button.clicked.connect(lambda _=False: spawn(self.test(), on_error=self._fail))
        self.tid.currentIndexChanged.connect(lambda _i: setattr(self, "tested_tid", None))
        values = state.values
        self.environment.setCurrentIndex(max(0, self.environment.findData(values.get("webecr.environment") or "sandbox")))
        self.username.setText(str(values.get("webecr.username") or ""))
        self.on_environment_changed()
        if values.get("webecr.base_url") and self.environment.currentData() == "custom":
            self.base_url.setText(str(values["webecr.base_url"]))
        self.test_button.setEnabled(False)

    def on_environment_changed(self) -> None:
        key = self.environment.currentData()
        self.base_url.setReadOnly(key != "custom")
        if key != "custom":
            self.base_url.setText(ENVIRONMENTS[key])

    def on_code_edited(self) -> None:
        if self.code_started is None and self.code.text():
            self.code_started = time.monotonic()
            self.timer.start()
            self.tick()

    def seconds_left(self) -> int:
        if self.code_started is None:
            return CODE_VALIDITY_S
        return max(0, CODE_VALIDITY_S - int(time.monotonic() - self.code_started))

    def tick(self) -> None:
        left = self.seconds_left()
        if left:
            self.countdown.setText(self.tr("ισχύει ακόμη {0}:{1:02d}").format(left // 60, left % 60))
            ok_style(self.countdown, left > 60)
            return
        self.timer.stop()
        self.countdown.setText(self.tr("έληξε"))
        ok_style(self.countdown, False)
        self.problem.setText(self.tr("Ο κωδικός έληξε: πάρτε νέο από το FinConnect → «Λειτουργίες» → «WebECR Code»."))

    def login(self) -> WebEcrLogin | None:
        url, user, password = self.base_url.text().strip(), self.username.text().strip(), self.password.text()
        local = re.fullmatch(r"http://(127\.0\.0\.1|localhost)(:\d+)?(/\S*)?", url)  # the WebECR simulator
        if not (re.fullmatch(r"https://[^\s/]+(/\S*)?", url) or local):
            self.problem.setText(self.tr("Η διεύθυνση API πρέπει να αρχίζει με https://"))
            return None
        if not user or not password:
            self.problem.setText(self.tr("Συμπληρώστε όνομα χρήστη και κωδικό του λογαριασμού WebECR."))
            return None
        return WebEcrLogin(self.environment.currentData(), url, user, password)

    async def redeem(self) -> bool:
        login = self.login()
        code = self.code.text().strip()
        if login is None:
            return False
        if not re.fullmatch(r"[0-9]{8}", code):
            self.problem.setText(self.tr("Ο κωδικός σύζευξης έχει 8 ψηφία."))
            return False
        if self.seconds_left() == 0:
            self.tick()
            return False
        if self.state.pairing is None:
            self.problem.setText(self.tr("Η σύζευξη WebECR δεν είναι διαθέσιμη σε αυτή την έκδοση."))
            return False
        self._busy(True, self.tr("Σύζευξη…"))
        try:
            self.terminals = list(await self.state.pairing.redeem(login, code))
        except Exception as exc:  # noqa: BLE001  (the service's errors are Greek and secret-free)
            self._fail(exc)
            if getattr(exc, "code", "") == "code_refused":
                self.timer.stop()
                self.code_started = None
                self.countdown.setText(self.tr("έληξε ή είναι λάθος"))
            return False
        finally:
            self._busy(False)
        self.timer.stop()
        self.countdown.setText(self.tr("χρησιμοποιήθηκε"))
        self.tid.clear()
        for terminal in self.terminals:
            self.tid.addItem(f"{terminal.tid} {terminal.label}".strip(), terminal.tid)
        self.test_button.setEnabled(bool(self.terminals))
        self.problem.clear()
        self.result.setText(self.tr("Η σύζευξη έγινε: διαλέξτε το τερματικό και πατήστε «Δοκιμή».")
                            if self.terminals else self.tr("Ο λογαριασμός δεν έχει τερματικά."))
        ok_style(self.result, bool(self.terminals))
        return bool(self.terminals)

    async def test(self) -> bool:
        login, tid = self.login(), self.tid.currentData()
        if login is None or not tid:
            return False
        self._busy(True, self.tr("Δοκιμή με το τερματικό {0}…").format(tid))
        try:
            answer = await self.state.pairing.test(login, tid)
        except Exception as exc:  # noqa: BLE001
            self._fail(exc)
            return False
        finally:
            self._busy(False)
        self.tested_tid = tid
        self.problem.clear()
        self.result.setText(self.tr("Το τερματικό {0} απάντησε: {1}").format(tid, answer))
        ok_style(self.result, True)
        return True

    def draft(self, base: dict) -> TerminalDraft | None:
        login = self.login()
        if login is None:
            return None
        if not self.terminals:
            self.problem.setText(self.tr("Γράψτε τον κωδικό σύζευξης από το τερματικό και πατήστε «Σύζευξη»."))
            return None
        if self.tested_tid is None or self.tested_tid != self.tid.currentData():
            self.problem.setText(self.tr("Πατήστε «Δοκιμή» για το τερματικό που διαλέξατε."))
            return None
        chosen = next(t for t in self.terminals if t.tid == self.tested_tid)
        self.state.plan.settings.update(self.state.pairing.settings())
        return TerminalDraft(protocol="webecr", tid=self.tested_tid, environment=login.environment,
                             base_url=login.base_url, username=login.username, remote_id=chosen.remote_id, **base)

    def secrets(self) -> dict[str, str]:
        """The password and what the pairing returned, for the keyring at Finish."""
        values = dict(self.state.pairing.secrets()) if self.state.pairing is not None else {}
        values["webecr.password"] = self.password.text()
        return values

    def problem_text(self) -> str:
        return self.problem.text()

    def _busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.redeem_button.setEnabled(not busy)
        self.test_button.setEnabled(not busy and bool(self.terminals))
        if text:
            self.result.setText(text)
            ok_style(self.result, True)

    def _fail(self, error: BaseException) -> None:
        self.problem.setText(getattr(error, "message", "") or str(error))


def default_pairing() -> PairingService | None:
    """The WebECR pairing service of this build."""
    return WebEcrPairing()
