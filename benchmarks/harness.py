"""What the benchmarks share: sizes, the run context, timing and statistics, results and the summary table."""

from __future__ import annotations

import gc
import math
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.fixtures import Workspace

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sizes:
    """How big the fixtures are and how many times each thing is measured."""

    products: int
    receipts: int
    search_queries: int
    search_repeats: int  # each query is timed this many times; its latency is the median of them
    issue_receipts: int
    issue_lines: int
    pdf_renders: int
    pdf_lines: int
    coldstart_runs: int
    payment_runs: int = 300  # approved sales timed (bare client and service each)
    codec_messages: int = 5_000  # distinct messages per kind, encoded/decoded once per repeat
    codec_repeats: int = 15  # passes over them; the throughput is the median pass
    codec_stream_frames: int = 100_000  # frames in the FrameReader stream


FULL = Sizes(products=100_000, receipts=200_000, search_queries=300, search_repeats=3, issue_receipts=200,
             issue_lines=20, pdf_renders=200, pdf_lines=20, coldstart_runs=5, payment_runs=300,
             codec_messages=5_000, codec_repeats=15, codec_stream_frames=100_000)
QUICK = Sizes(products=10_000, receipts=20_000, search_queries=100, search_repeats=1, issue_receipts=30,
              issue_lines=20, pdf_renders=30, pdf_lines=20, coldstart_runs=2, payment_runs=100,
              codec_messages=2_000, codec_repeats=7, codec_stream_frames=20_000)


@dataclass
class Context:
    """One run of the suite: its sizes, its workspace of cached databases and its options."""

    sizes: Sizes
    workspace: Workspace
    quick: bool = False
    profile: bool = False
    seed: int = 2026


@dataclass(frozen=True)
class Outcome:
    """One row of the summary table: a figure, and the target it must meet (None: for information)."""

    benchmark: str
    metric: str
    value: float
    unit: str  # "ms" or "x"
    target: float | None = None
    higher_is_better: bool = False

    @property
    def status(self) -> str:
        if self.target is None or math.isnan(self.value):
            return "info" if self.target is None else "MISSED"
        ok = self.value >= self.target if self.higher_is_better else self.value <= self.target
        return "PASS" if ok else "MISSED"

    def value_text(self) -> str:
        return fmt(self.value, self.unit)

    def target_text(self) -> str:
        if self.target is None:
            return "—"
        return ("≥ " if self.higher_is_better else "≤ ") + fmt(self.target, self.unit)


def fmt(value: float, unit: str) -> str:
    if math.isnan(value):
        return "n/a"
    if unit == "x":
        return f"{value:.1f}×" if value < 100 else f"{value:.0f}×"
    if unit == "ms":
        return f"{value:.3f} ms" if value < 1 else f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"
    if unit.endswith("/s"):  # throughput: "123,456 msg/s"
        return f"{value:,.0f} {unit}"
    return f"{value:g} {unit}"


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline > 0 else math.nan


# ----- timing and statistics -----

def time_ms(fn: Callable[[], object]) -> float:
    """Wall time of one call, in milliseconds."""
    start = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - start) / 1e6


def repeat_ms(fn: Callable[[], object], times: int, *, warmup: int = 3) -> list[float]:
    """``times`` timings of ``fn`` after ``warmup`` untimed calls (garbage collected first, left enabled)."""
    for _ in range(warmup):
        fn()
    gc.collect()
    return [time_ms(fn) for _ in range(times)]


def percentile(values: Iterable[float], pct: float) -> float:
    """The ``pct``-th percentile with linear interpolation between closest ranks (NumPy's default)."""
    data = sorted(values)
    if not data:
        return math.nan
    k = (len(data) - 1) * pct / 100
    lo, hi = math.floor(k), math.ceil(k)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def median(values: Iterable[float]) -> float:
    data = list(values)
    return statistics.median(data) if data else math.nan


def spread(values: list[float]) -> str:
    """``min / p50 / p95 / max`` of timings in ms, for the detailed output."""
    return (f"min {fmt(min(values), 'ms')} · p50 {fmt(percentile(values, 50), 'ms')} · "
            f"p95 {fmt(percentile(values, 95), 'ms')} · max {fmt(max(values), 'ms')} (n={len(values)})")


# ----- output -----

def say(text: str = "") -> None:
    print(text, flush=True)


def heading(name: str, description: str) -> None:
    say()
    say(f"━━ {name} ━━ {description}")


def step(text: str) -> Callable[[], None]:
    """Print ``text…`` now and its duration when the returned function is called."""
    start = time.perf_counter()
    print(f"   {text}…", end="", flush=True)

    def done() -> None:
        print(f" {time.perf_counter() - start:.1f} s", flush=True)

    return done


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def render(self) -> str:
        widths = [max(len(h), *(len(r[i]) for r in self.rows)) if self.rows else len(h)
                  for i, h in enumerate(self.headers)]
        line = "  ".join("─" * w for w in widths)
        out = ["  ".join(h.ljust(w) for h, w in zip(self.headers, widths)), line]
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in self.rows]
        return "\n".join(out)


def summary_table(outcomes: list[Outcome], errors: dict[str, str]) -> str:
    table = Table(["Benchmark", "Metric", "Measured", "Target", "Result"])
    for o in outcomes:
        table.rows.append([o.benchmark, o.metric, o.value_text(), o.target_text(), o.status])
    for name, message in errors.items():
        table.rows.append([name, "(benchmark failed)", message[:60], "—", "ERROR"])
    return table.render()


def environment_line() -> str:
    import os
    import platform
    import sqlite3

    return (f"Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · {platform.machine()} "
            f"{platform.system()} · {os.cpu_count()} CPUs · {sys.executable}")
