"""The GUI tests' loop behaves like the app's: a task woken while Qt processes events outside ``run_until_complete``
(a ``qtbot`` wait, the events qasync processes once more after a run) still finds its running loop."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer


def test_a_task_woken_between_runs_can_still_sleep_and_finish(loop, qtbot, wait_until):
    woken = loop.create_future()
    steps = []

    async def waits_for_the_dialog():
        await woken
        await asyncio.sleep(0.001)  # needs a running loop: "no running event loop" under plain qasync
        steps.append("finished")

    task = asyncio.ensure_future(waits_for_the_dialog())
    loop.run_until_complete(asyncio.sleep(0.01))
    QTimer.singleShot(0, lambda: woken.set_result(None))  # e.g. a PIN dialog's answer
    qtbot.wait(50)  # Qt runs the wake-up here, outside the asyncio loop's run
    wait_until(task.done)
    assert task.exception() is None
    assert steps == ["finished"]
