"""``coldstart``: process start to the till window shown, and to the till ready, on a big database, vs a bare
PySide6 window.

Both are subprocesses of the same interpreter with ``QT_QPA_PLATFORM=offscreen`` and HOME/XDG directories in
the run's temporary directory (the app's log and data never reach the user's): the app as
``python -m nexipos_desktop run --db PATH`` with ``NEXIPOS_REPORT_SHOWN=1``, the baseline a tiny script that
shows an empty ``QMainWindow`` and prints ``shown`` from its event loop. With that variable the app prints
``shown`` as soon as its main window is shown and painted (before the database layer is imported) and ``ready``
once the database, the catalogue and the terminal are loaded (``app.run_app`` / ``_report_ready``), then exits.
Times are from just before the process is spawned to each line; one untimed warm-up each (the OS file cache
and fontconfig's cache are warm, as on a till started every day), then the runs alternate. The target (≤ 2×
the bare window) is on ``shown``; ``ready`` is reported with its own ratio for information. The database is
the till fixture (100,000 products, 200,000 receipts); the app on the small demo database is reported too, to
tell data-dependent start-up work from fixed costs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.harness import PROJECT_ROOT, Context, Outcome, fmt, median, ratio, say, spread, step

NAME = "coldstart"
DESCRIPTION = "cold start to the main window shown, and to ready, vs a bare PySide6 window"
TARGET_RATIO = 2.0
TIMEOUT_S = 120

BARE_WINDOW = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of every subprocess: offscreen Qt, HOME and XDG dirs inside the benchmark's workspace."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEXIPOS_"))}
    dirs = {"HOME": home, "XDG_CONFIG_HOME": home / ".config", "XDG_DATA_HOME": home / ".local" / "share",
            "XDG_CACHE_HOME": home / ".cache", "XDG_STATE_HOME": home / ".local" / "state",
            "XDG_RUNTIME_DIR": home / "runtime"}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    env.update({k: str(v) for k, v in dirs.items()})
    env.update(QT_QPA_PLATFORM="offscreen", NEXIPOS_REPORT_SHOWN="1", PYTHONUNBUFFERED="1")
    return env


def app_command(db: Path, *prefix: str) -> list[str]:
    return [sys.executable, *prefix, "-m", "nexipos_desktop", "run", "--db", str(db)]


def bare_command(*prefix: str) -> list[str]:
    return [sys.executable, *prefix, "-c", BARE_WINDOW]


def time_to_marks(command: list[str], env: dict[str, str], log: Path,
                  marks: tuple[str, ...] = ("shown",)) -> dict[str, float]:
    """Seconds from spawning ``command`` to each of its ``marks`` lines (printed in that order); reads until the
    last one, then waits for the process to exit."""
    elapsed: dict[str, float] = {}
    with open(log, "wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=PROJECT_ROOT,
                                   text=True)
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            for line in process.stdout:
                mark = line.strip()
                if mark in marks and mark not in elapsed:
                    elapsed[mark] = time.perf_counter() - start
                    if len(elapsed) == len(marks):
                        break
            process.stdout.read()
            code = process.wait()
        finally:
            watchdog.cancel()
    missing = [m for m in marks if m not in elapsed]
    if missing:
        tail = log.read_text(errors="replace")[-1500:]
        raise RuntimeError(f"{' '.join(command[:4])}… exited with {code} without printing "
                           f"{', '.join(repr(m) for m in missing)}:\n{tail}")
    return elapsed


def time_to_shown(command: list[str], env: dict[str, str], log: Path) -> float:
    """Seconds from spawning ``command`` to its ``shown`` line; waits for the process to exit."""
    return time_to_marks(command, env, log)["shown"]


APP_MARKS = ("shown", "ready")


def run(ctx: Context) -> list[Outcome]:
    from nexipos_desktop.storage.db import open_database
    from nexipos_desktop.storage.seed import seed_demo_shop

    sizes = ctx.sizes
    till = ctx.workspace.till_db(sizes.products, sizes.receipts)
    scratch = ctx.workspace.scratch(NAME)
    env = isolated_env(scratch / "home")
    demo = scratch / "demo.db"
    db = open_database(demo)
    try:
        seed_demo_shop(db)
    finally:
        db.close()
    log = scratch / "stderr.log"
    runs = sizes.coldstart_runs
    commands = {"bare": (bare_command(), ("shown",)), "app": (app_command(till), APP_MARKS),
                "demo": (app_command(demo), APP_MARKS)}

    done = step("warming up (one untimed start each)")
    for command, marks in commands.values():
        time_to_marks(command, env, log, marks)
    done()
    times: dict[str, list[float]] = {}
    done = step(f"{runs} timed starts each, alternating")
    for _ in range(runs):
        for name, (command, marks) in commands.items():
            for mark, seconds in time_to_marks(command, env, log, marks).items():
                times.setdefault(f"{name} {mark}", []).append(seconds * 1000)
    done()
    bare = median(times["bare shown"])
    app, small = median(times["app shown"]), median(times["demo shown"])
    app_ready, small_ready = median(times["app ready"]), median(times["demo ready"])
    behind = [r - s for s, r in zip(times["app shown"], times["app ready"])]
    logs = sorted((scratch / "home").rglob("nexipos.log"))

    say(f"   database: {sizes.products:,} products, {sizes.receipts:,} receipts ({till.stat().st_size / 1e6:.0f} MB)")
    say(f"   app log isolated in the workspace: {logs[0] if logs else 'none written'}")
    say(f"   bare QMainWindow shown (baseline): {spread(times['bare shown'])}")
    say(f"   app shown, big database:           {spread(times['app shown'])}")
    say(f"   app ready, big database:           {spread(times['app ready'])}")
    say(f"   app shown, demo database:          {spread(times['demo shown'])}")
    say(f"   app ready, demo database:          {spread(times['demo ready'])}")
    say(f"   shown: ratio app/bare {fmt(ratio(app, bare), 'x')} (demo database {fmt(ratio(small, bare), 'x')}); "
        f"the window appears {fmt(app - bare, 'ms')} after an empty one would")
    say(f"   ready: ratio app/bare {fmt(ratio(app_ready, bare), 'x')} (demo database "
        f"{fmt(ratio(small_ready, bare), 'x')}); database, catalogue and terminal load in "
        f"{fmt(median(behind), 'ms')} behind the shown window (median)")
    outcomes = [
        Outcome(NAME, "app start to window shown, median", app, "ms"),
        Outcome(NAME, "bare QMainWindow shown, median (baseline)", bare, "ms"),
        Outcome(NAME, "ratio app/bare, shown", ratio(app, bare), "x", TARGET_RATIO),
        Outcome(NAME, "app start to ready, median", app_ready, "ms"),
        Outcome(NAME, "ratio app/bare, ready", ratio(app_ready, bare), "x"),
    ]
    if ctx.profile or (outcomes[2].status == "MISSED" and not ctx.quick):
        diagnose(till, env, scratch)
    return outcomes


# ----- diagnosis: where the start-up time goes -----

def diagnose(db: Path, env: dict[str, str], scratch: Path) -> None:
    say("   profiling the app's start (one run with -X importtime, one under cProfile, both until ready):")
    lines = merged_output(app_command(db, "-X", "importtime"), env)
    (scratch / "importtime.log").write_text("\n".join(lines))
    cut = lines.index("shown") if "shown" in lines else len(lines)
    bare_log = scratch / "importtime-bare.log"
    time_to_shown(bare_command("-X", "importtime"), env, bare_log)
    bare = parse_importtime(bare_log.read_text(errors="replace").splitlines())
    report_importtime(parse_importtime(lines[:cut]), bare, "before the window is shown")
    report_importtime(parse_importtime(lines[cut:]), None, "between shown and ready", heaviest=12)
    profile = scratch / "coldstart.prof"
    time_to_marks(app_command(db, "-m", "cProfile", "-o", str(profile)), env, scratch / "cprofile.log", APP_MARKS)
    report_cprofile(profile)


def merged_output(command: list[str], env: dict[str, str]) -> list[str]:
    """The lines of one run's stdout and stderr in the order they were written (``-X importtime`` writes to
    stderr, the ``shown`` and ``ready`` lines go to stdout), so imports can be placed before or after them."""
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT,
                            text=True, errors="replace", timeout=TIMEOUT_S)
    return [line.strip() if line.strip() in APP_MARKS else line for line in result.stdout.splitlines()]


def parse_importtime(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """(self µs, cumulative µs, depth, module) for every import in the lines of an ``-X importtime`` log."""
    entries = []
    for line in lines:
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, cumulative, name = line[len("import time:"):].split("|", 2)
            stripped = name.lstrip()
            entries.append((int(self_us), int(cumulative), (len(name) - len(stripped) - 1) // 2, stripped.strip()))
        except ValueError:
            continue
    return entries


def report_importtime(entries: list[tuple[int, int, int, str]], bare: list[tuple[int, int, int, str]] | None,
                      when: str, heaviest: int = 25) -> None:
    total = sum(e[0] for e in entries)
    compared = "" if bare is None else (f" (bare window, all of its start: {sum(e[0] for e in bare) / 1000:.0f} ms "
                                        f"in {len(bare)} modules)")
    say(f"     imports {when}: {total / 1000:.0f} ms in {len(entries)} modules{compared}")
    if not entries:
        return
    by_root: dict[str, int] = {}
    for self_us, _, _, name in entries:
        by_root[name.split(".")[0]] = by_root.get(name.split(".")[0], 0) + self_us
    top = sorted(by_root.items(), key=lambda kv: -kv[1])[:14]
    say("       own import time by top-level package: " + ", ".join(f"{k} {v / 1000:.0f} ms" for k, v in top))
    say("       heaviest imports (cumulative, nested ones included):")
    seen = 0
    for self_us, cumulative, depth, name in sorted(entries, key=lambda e: -e[1]):
        if name.split(".")[0] in ("encodings", "site") or depth > 6:
            continue
        say(f"       {cumulative / 1000:7.1f} ms  {'  ' * min(depth, 4)}{name}")
        seen += 1
        if seen >= heaviest:
            break


def report_cprofile(profile: Path) -> None:
    import io
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out)
    stats.sort_stats("cumulative").print_stats(r"nexipos_desktop|qasync|alembic|sqlalchemy/engine/create", 30)
    say("     cProfile, cumulative time of the app's own start-up functions:")
    keep = False
    for line in out.getvalue().splitlines():
        if line.lstrip().startswith("ncalls"):
            keep = True
        if keep and line.strip():
            say("       " + line)
