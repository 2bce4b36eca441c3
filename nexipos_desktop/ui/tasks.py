"""Running coroutines from Qt slots on the shared asyncio loop (qasync), with errors never lost."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # asyncio itself is imported on first use: the window is painted before it loads
    import asyncio

log = logging.getLogger(__name__)
_running: set[asyncio.Task] = set()


def spawn(coro: Coroutine[Any, Any, Any], *, on_error: Callable[[BaseException], None] | None = None) -> asyncio.Task:
    """Schedule ``coro`` on the loop; an exception goes to ``on_error`` or, failing that, to ``sys.excepthook``.

    (qasync's ``asyncSlot`` cannot wrap slots without arguments, so slots call this instead.)
    """
    import asyncio

    task = asyncio.ensure_future(coro)
    _running.add(task)

    def finished(done: asyncio.Task) -> None:
        _running.discard(done)
        if done.cancelled():
            return
        error = done.exception()
        if error is None:
            return
        if on_error is not None:
            on_error(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    task.add_done_callback(finished)
    return task


async def off_thread(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run blocking work (SQLite writes, PDF rendering, printing) on a worker thread and await it.

    Uses the loop's executor directly (not ``asyncio.to_thread``, which needs a *running* loop): with qasync a
    task may also be stepped while Qt processes events outside ``run_forever`` (modal dialogs, tests).
    """
    import asyncio
    import functools

    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))


async def drain(timeout: float = 10.0) -> None:
    """Wait for every spawned task (and the worker threads they use) to finish, e.g. before closing the database."""
    import asyncio

    pending = [task for task in _running if not task.done()]
    if pending:
        await asyncio.wait(pending, timeout=timeout)
