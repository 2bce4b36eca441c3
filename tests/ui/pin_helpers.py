"""Helpers for tests that meet the admin PIN dialog."""

from __future__ import annotations

from nexipos_desktop.storage.seed import DEMO_ADMIN


def until(predicate, timeout: float = 10.0) -> None:
    """Run the loop until ``predicate()`` holds, without draining: the task that asked for the PIN is still waiting
    for the dialog (``wait_until`` would wait for it to finish)."""
    import asyncio

    loop = asyncio.get_event_loop()

    async def poll():
        deadline = loop.time() + timeout
        while not predicate():
            assert loop.time() < deadline, f"condition not met within {timeout} s"
            await asyncio.sleep(0.01)

    loop.run_until_complete(poll())


def enter_pin(gate, pin: str, wait_until) -> None:
    until(lambda: gate.dialog is not None and gate.dialog.isVisible())
    dialog = gate.dialog
    assert dialog.who.currentText() == DEMO_ADMIN
    finished = []
    dialog.finished.connect(finished.append)
    dialog.pin.setText(pin)
    dialog.submit()
    until(lambda: finished or (not dialog.checking and dialog.problem.text() != "Έλεγχος…"))


def sign_in(dialog, name: str, pin: str) -> None:
    """Choose ``name`` in a PIN dialog (the till's sign-in), type ``pin``, submit and wait for the answer."""
    finished = []
    dialog.finished.connect(finished.append)
    dialog.who.setCurrentText(name)
    assert dialog.who.currentText() == name
    dialog.pin.setText(pin)
    dialog.submit()
    until(lambda: finished or (not dialog.checking and dialog.problem.text() != "Έλεγχος…"))
