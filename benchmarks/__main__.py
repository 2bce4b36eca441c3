"""``python -m benchmarks``: run the benchmarks, print their figures and a summary table against the targets.

Exit code 0 even when a target is MISSED (``--strict`` makes that 1); 2 when a benchmark itself failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import (  # noqa: E402
    bench_codec, bench_coldstart, bench_issue, bench_payments, bench_pdf, bench_search,
)
from benchmarks.fixtures import Workspace  # noqa: E402
from benchmarks.harness import FULL, QUICK, Context, Outcome, environment_line, heading, say, summary_table  # noqa: E402

BENCHMARKS = {module.NAME: module for module in (bench_search, bench_issue, bench_pdf, bench_coldstart,
                                                 bench_payments, bench_codec)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="small fixtures and few iterations: a smoke test that finishes in under a minute")
    parser.add_argument("--only", action="append", metavar="NAME", default=[],
                        help=f"run only this benchmark (repeatable or comma-separated): {', '.join(BENCHMARKS)}")
    parser.add_argument("--strict", action="store_true", help="exit with 1 when a target is missed")
    parser.add_argument("--profile", action="store_true",
                        help="also profile: cProfile of issue and pdf, -X importtime and cProfile of coldstart, "
                             "cProfile of the payment journal (coldstart and payments are profiled anyway when "
                             "their target is missed in a full run)")
    parser.add_argument("--workdir", type=Path, metavar="DIR",
                        help="keep the generated databases in DIR and reuse them in later runs "
                             "(default: a temporary directory removed at the end)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the generated data (default: 2026)")
    args = parser.parse_args(argv)
    names = [n.strip() for item in args.only for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    args.names = [n for n in BENCHMARKS if n in names] if names else list(BENCHMARKS)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    workspace = Workspace(args.workdir, seed=args.seed)
    ctx = Context(sizes=sizes, workspace=workspace, quick=args.quick, profile=args.profile, seed=args.seed)
    say(f"NexiPOS benchmarks ({'quick' if args.quick else 'full'}): {', '.join(args.names)}")
    say(environment_line())
    say(f"workspace: {workspace.root}{' (kept)' if args.workdir else ' (temporary)'}")
    outcomes: list[Outcome] = []
    errors: dict[str, str] = {}
    started = time.perf_counter()
    try:
        for name in args.names:
            module = BENCHMARKS[name]
            heading(name, module.DESCRIPTION)
            t0 = time.perf_counter()
            try:
                outcomes += module.run(ctx)
            except Exception as exc:  # report it, go on with the others
                traceback.print_exc()
                errors[name] = f"{type(exc).__name__}: {exc}".splitlines()[0]
            say(f"   ({time.perf_counter() - t0:.1f} s)")
    finally:
        workspace.close()

    missed = [o for o in outcomes if o.status == "MISSED"]
    say()
    say(f"━━ summary ({'quick: small fixtures, indicative only' if args.quick else 'full'}; "
        f"{time.perf_counter() - started:.0f} s) ━━")
    say(summary_table(outcomes, errors))
    say()
    if missed:
        say(f"MISSED {len(missed)} target(s): " + "; ".join(f"{o.benchmark} {o.metric} {o.value_text()} "
                                                            f"(target {o.target_text()})" for o in missed))
    else:
        say("All targets met." if any(o.target is not None for o in outcomes) else "No targets checked.")
    if errors:
        say(f"ERROR in {', '.join(errors)}")
        return 2
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
