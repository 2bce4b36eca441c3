"""Crash test: the payment path killed with SIGKILL at random points over many payments, then recovered.

``crash_worker.py`` runs the till's real payment path (PaymentService + EcrSocketDriver + SQLite journal) in a
subprocess against the socket terminal simulator running in this process. Each round starts the worker (which
first recovers as the app does on start) and kills it when it prints a chosen step (optionally a few ms later) or
after a random time; then the next round starts on the same database. At the end one worker runs to completion,
the remaining in-doubt attempts are resolved as the cashier would (reading the terminal, i.e. the simulator's
ledger), recovery runs once more, and the invariants are checked:

1. every approval on the terminal (ledger entry) belongs to exactly one card attempt (by session number), which
   is approved and linked to exactly one card payment of an issued receipt — or, before the cashier has read the
   terminal, is surfaced as in doubt;
2. no attempt is approved that the terminal did not approve;
3. every issued receipt's payments add up to its total (no card payment beyond it), every card payment comes from
   a terminal approval, and no approved payment of a sale is left off its receipt;
4. nothing was re-sent: session numbers are unique, the terminal received each one once (never ERROR 002) and
   never a session the journal had not marked as sent;
5. receipt numbers are gap-free per series.

Replay a failure with ``NEXIPOS_CRASH_SEED=<seed printed by the test>`` (timing still varies a little);
``NEXIPOS_CRASH_ROUNDS`` changes the number of kill rounds.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from sqlmodel import select

from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.codes import PAYMENT_CARD, PAYMENT_CASH
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry, read_ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import Refusal, TerminalModel
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import AuditEntry, CardAttempt, Payment, Receipt

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("crash_worker.py")
ROUNDS = int(os.environ.get("NEXIPOS_CRASH_ROUNDS", "32"))
ROUNDS_BUDGET_S = 40.0  # stop adding kill rounds after this long (slow machines); at least MIN_ROUNDS run
MIN_ROUNDS = 10
PROCESSING_DELAY_S = 0.03  # card + PIN + host on the simulated terminal: kills land while waiting for RESULT
NO_KILL_AFTER_S = 2.5  # a round whose chosen step never comes is killed after this long anyway
COMPLETION_TIMEOUT_S = 60.0
#: Steps the worker prints (``state X`` lines count as step X); a round kills the worker at one of them.
KILL_STEPS = ("recovered", "opened", "charging", "connecting", "sent", "waiting_for_card", "reply", "done",
              "outcome", "issuing", "issued", "abandoning", "abandoned")
ONCE_PER_RUN = frozenset({"recovered"})


class RecordingModel(TerminalModel):
    """The simulated terminal, also noting every amount request it received (including refused ones)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.requests: list[tuple[str, int, Refusal | None]] = []

    def accept(self, charge):
        refusal = super().accept(charge)
        self.requests.append((charge.reference, charge.amount_cents, refusal))
        return refusal


class SimulatorThread:
    """The socket simulator on its own asyncio loop in a background thread (it outlives every worker)."""

    def __init__(self, ledger_path: Path) -> None:
        self.ledger_path = ledger_path
        self.model = RecordingModel(processing_delay_s=PROCESSING_DELAY_S, ledger=Ledger(ledger_path))
        self.server = SocketTerminalSimulator(self.model)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="terminal-simulator", daemon=True)
        self.thread.start()
        self.call(self.server.start("127.0.0.1", 0))

    def call(self, coro, timeout: float = 30.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def wait_idle(self) -> None:
        """Every transaction a killed worker left on the terminal has run to its end (and is booked)."""
        self.call(self.server.wait_idle())
        assert not self.model.busy

    def close(self) -> None:
        self.call(self.server.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Worker:
    """One run of ``crash_worker.py``; its stdout lines arrive on a queue, stamped, as they are printed."""

    def __init__(self, db_path: Path, port: int, seed: int, count: int, env: dict[str, str], log_dir: Path,
                 name: str) -> None:
        self.name = name
        self.stderr_path = log_dir / f"{name}.stderr"
        with self.stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(WORKER), str(db_path), "127.0.0.1", str(port), str(seed), str(count)],
                stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=ROOT, text=True, encoding="utf-8")
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, timeout: float) -> str | None:
        """The next printed line; None at end of output; raises queue.Empty after ``timeout`` s."""
        line = self.lines.get(timeout=max(timeout, 0.0))
        if line is not None:
            self.seen.append(line)
        return line

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self.drain()

    def drain(self) -> None:
        self.reader.join(10)
        while True:
            try:
                line = self.lines.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.seen.append(line)

    def failure(self, what: str) -> str:
        tail = "\n".join(self.seen[-15:])
        return (f"{self.name}: {what} (exit code {self.process.returncode})\n--- last stdout lines ---\n{tail}\n"
                f"--- stderr ---\n{self.stderr_path.read_text(encoding='utf-8', errors='replace')[-4000:]}")


def step_of(line: str) -> str:
    parts = line.split()
    if not parts:
        return ""
    return parts[1] if parts[0] == "state" and len(parts) > 1 else parts[0]


def worker_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "NEXIPOS_NO_KEYRING": "1",
        "NEXIPOS_SECRETS_FILE": str(tmp_path / "secrets.json"), "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(home / "runtime"), "PYTHONDONTWRITEBYTECODE": "1",
    })
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def kill_round(worker: Worker, rng: random.Random) -> str:
    """Kill the worker at a random step (its n-th occurrence, maybe a few ms later) or time; returns the plan."""
    step = rng.choice((*KILL_STEPS, "timer"))
    nth = 1 if step in ONCE_PER_RUN else rng.randint(1, 3)
    delay = 0.0 if rng.random() < 0.5 else rng.uniform(0.0, 0.02)
    timer = rng.uniform(0.4, 1.6)  # the worker needs ~0.5 s to import and open the database
    started = time.monotonic()
    deadline = started + (timer if step == "timer" else NO_KILL_AFTER_S)
    count = 0
    plan = f"{step}#{nth}+{delay * 1000:.0f}ms" if step != "timer" else f"timer {timer:.2f}s"
    while True:
        try:
            line = worker.next_line(deadline - time.monotonic())
        except queue.Empty:
            if step != "timer":
                plan += " (step not reached: timer)"
            break
        if line is None:
            worker.process.wait(10)
            pytest.fail(worker.failure("the worker stopped by itself before it was killed"))
        if step_of(line) == step:
            count += 1
            if count == nth:
                if delay:
                    time.sleep(delay)
                break
    worker.kill()
    assert worker.process.returncode == -signal.SIGKILL, worker.failure("not killed by SIGKILL")
    return plan


def run_to_completion(worker: Worker) -> None:
    try:
        worker.process.wait(COMPLETION_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        worker.kill()
        pytest.fail(worker.failure("the worker did not finish"))
    worker.drain()
    assert worker.process.returncode == 0, worker.failure("the worker failed")
    assert worker.seen and step_of(worker.seen[-1]) == "finished", worker.failure("no 'finished' line")


def load_state(db_path: Path) -> tuple[list[CardAttempt], dict[int, Receipt], dict[int, Payment], dict[str, str]]:
    """Attempts, receipts, payments, and what start-up recovery made of each attempt it found unanswered."""
    db = open_database(db_path)
    try:
        with db.read() as session:
            attempts = list(session.exec(select(CardAttempt).order_by(CardAttempt.id)))
            receipts = {r.id: r for r in session.exec(select(Receipt))}
            payments = {p.id: p for p in session.exec(select(Payment))}
            recovered = {}
            for entry in session.exec(select(AuditEntry).where(AuditEntry.action == "card.recovered")):
                details = json.loads(entry.details)
                recovered[details["reference"]] = details["state"]
    finally:
        db.close()
    return attempts, receipts, payments, recovered


def check_invariants(db_path: Path, simulator: SimulatorThread, *, cashier_done: bool) -> dict[str, int]:
    """Assert the crash-safety invariants on the till database against the terminal's ledger; returns counts."""
    entries: list[LedgerEntry] = simulator.model.ledger.entries
    assert read_ledger(simulator.ledger_path) == entries, "the ledger file differs from the terminal's memory"
    attempts, receipts, payments, recovered = load_state(db_path)
    by_session: dict[int, list[CardAttempt]] = defaultdict(list)
    for attempt in attempts:
        assert attempt.session is not None, f"attempt {attempt.id} has no session number"
        by_session[attempt.session].append(attempt)
    on_receipt: dict[int, list[CardAttempt]] = defaultdict(list)
    for attempt in attempts:
        on_receipt[attempt.receipt_id].append(attempt)
    ledger = {}
    for entry in entries:
        assert entry.reference not in ledger, f"the terminal booked session {entry.reference} twice"
        ledger[entry.reference] = entry

    # 4. nothing re-sent: one attempt per session, each session received once, never refused as a duplicate
    assert [s for s, found in by_session.items() if len(found) > 1] == [], "a session number was reused"
    received = Counter(reference for reference, _amount, _refusal in simulator.model.requests)
    assert [r for r, n in received.items() if n > 1] == [], "the terminal received a session number twice"
    assert not [r for r, _a, refusal in simulator.model.requests if refusal is Refusal.DUPLICATE]
    assert not [a.id for a in attempts if a.response_code == "002"], "an attempt was refused as a duplicate (002)"
    for reference in received:
        found = by_session.get(int(reference))
        assert found, f"the terminal received session {reference}, which is in no journal entry"
        assert recovered.get(found[0].reference) != "failed", (
            f"session {reference} reached the terminal although the journal never said it was sent")

    # 1. every approval on the terminal: one attempt, approved and on an issued receipt, or surfaced in doubt
    for reference, entry in ledger.items():
        found = by_session.get(int(reference))
        assert found, f"the terminal approved session {reference} ({entry.amount_cents}), unknown to the till"
        [attempt] = found
        assert attempt.amount_cents == entry.amount_cents and entry.operation == "sale"
        if attempt.state == "in_doubt" and not cashier_done:
            continue
        assert attempt.state in journal.APPROVED_STATES, (
            f"the terminal approved session {reference} but the till says {attempt.state!r}")
        assert (attempt.rrn, attempt.auth_code) == (entry.rrn, entry.auth_code)
        receipt = receipts[attempt.receipt_id]
        if attempt.payment_id is None:  # an approved part of a sale that waits for the cashier (another part)
            assert not cashier_done, f"approved attempt {attempt.id} (session {reference}) is on no receipt"
            assert receipt.status == "reserved" and any(
                a.state == "in_doubt" for a in on_receipt[receipt.id]), (
                f"approved attempt {attempt.id} is on no receipt and its sale is not waiting for the cashier")
            continue
        payment = payments[attempt.payment_id]
        assert (payment.receipt_id, payment.method, payment.amount_cents) == (
            attempt.receipt_id, PAYMENT_CARD, entry.amount_cents)
        assert (payment.rrn, payment.auth_code) == (entry.rrn, entry.auth_code)
        assert receipt.status == "issued"

    # 2. nothing invented: an approved attempt is an approval on the terminal
    for attempt in attempts:
        if attempt.state in journal.APPROVED_STATES:
            assert f"{attempt.session:06d}" in ledger, (
                f"attempt {attempt.id} (session {attempt.session}) is {attempt.state} but the terminal approved "
                "nothing with that session")

    # 3. issued receipts: paid exactly (card within the total, the rest in cash), card payments are approvals
    linked = Counter(a.payment_id for a in attempts if a.payment_id is not None)
    assert [p for p, n in linked.items() if n > 1] == [], "a payment is linked to two card attempts"
    for payment in payments.values():
        if payment.method == PAYMENT_CARD:
            assert linked[payment.id] == 1, f"card payment {payment.id} comes from no card attempt"
        else:
            assert payment.method == PAYMENT_CASH and linked[payment.id] == 0
        assert receipts[payment.receipt_id].status == "issued", f"payment {payment.id} is on an unissued receipt"
    paid: dict[int, list[Payment]] = defaultdict(list)
    for payment in payments.values():
        paid[payment.receipt_id].append(payment)
    for receipt in receipts.values():
        if receipt.status != "issued":
            continue
        card = sum(p.amount_cents for p in paid[receipt.id] if p.method == PAYMENT_CARD)
        total = sum(p.amount_cents for p in paid[receipt.id] if p.status in ("settled", "pending"))
        label = f"receipt {receipt.series}-{receipt.number} ({receipt.total_cents})"
        assert card <= receipt.total_cents, f"{label}: card payments of {card} exceed the total"
        assert total == receipt.total_cents, f"{label}: payments of {total} do not match the total"
        for attempt in on_receipt[receipt.id]:
            assert attempt.state not in journal.UNSETTLED, f"{label} issued with attempt {attempt.id} unsettled"
            if attempt.state in journal.APPROVED_STATES:
                assert attempt.payment_id is not None and payments[attempt.payment_id].receipt_id == receipt.id, (
                    f"{label}: approved attempt {attempt.id} is not among its payments")

    # open sales hold their number only while the cashier has to read the terminal
    unresolved = [a for a in attempts if a.state in journal.UNSETTLED]
    assert all(a.state == "in_doubt" for a in unresolved), "recovery left attempts created/sent/confirmed"
    for receipt in receipts.values():
        if receipt.status == "reserved":
            assert not cashier_done, f"sale {receipt.series}-{receipt.number} is still open after recovery"
            assert any(a.state == "in_doubt" for a in on_receipt[receipt.id]), (
                f"sale {receipt.series}-{receipt.number} is open without an in-doubt payment")
        if receipt.status == "released":  # abandoned: nothing approved or in doubt may refer to it
            assert not [a.id for a in on_receipt[receipt.id] if a.state in journal.MONEY_MAY_HAVE_MOVED]
    if cashier_done:
        assert unresolved == []

    # 5. gap-free numbering per series (released and reserved rows included)
    series: dict[tuple, list[int]] = defaultdict(list)
    for receipt in receipts.values():
        series[(receipt.issuer_vat, receipt.branch, receipt.invoice_type, receipt.series)].append(receipt.number)
    for key, numbers in series.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"numbering of {key} has gaps or repeats"

    return {
        "attempts": len(attempts), "ledger": len(entries), "in_doubt": len(unresolved),
        "issued": sum(r.status == "issued" for r in receipts.values()),
        "released": sum(r.status == "released" for r in receipts.values()),
        "reserved": sum(r.status == "reserved" for r in receipts.values()),
    }


def resolve_as_the_cashier(db_path: Path, simulator: SimulatorThread) -> dict[str, int]:
    """Each in-doubt attempt, settled from the terminal's own record (its ledger): approved or not approved."""
    ledger = {entry.reference: entry for entry in simulator.model.ledger.entries}
    db = open_database(db_path)
    counts = Counter()
    try:
        driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=simulator.server.port))
        service = PaymentService(db, driver, terminal_name="Προσομοιωτής", tid="64999999", cashier="Ταμίας 1")
        for attempt in service.unresolved():
            entry = ledger.get(f"{attempt.session:06d}")
            if entry is None:
                service.resolve_by_cashier(attempt.id, approved=False, actor="Ταμίας 1")
                counts["not_approved"] += 1
            else:
                service.resolve_by_cashier(attempt.id, approved=True, auth_code=entry.auth_code, rrn=entry.rrn,
                                           amount_cents=entry.amount_cents, actor="Ταμίας 1")
                counts["approved_delivered" if entry.delivered else "approved_lost"] += 1
    finally:
        db.close()
    return dict(counts)


@pytest.fixture
def simulator(tmp_path):
    sim = SimulatorThread(tmp_path / "ledger.jsonl")
    yield sim
    sim.close()


@pytest.fixture
def start_worker(tmp_path, simulator, db_path):
    """Starts ``crash_worker.py`` on the test's database and simulator; none outlives the test."""
    env = worker_env(tmp_path)
    logs = tmp_path / "workers"
    logs.mkdir()
    started: list[Worker] = []

    def start(name: str, seed: int, count: int) -> Worker:
        worker = Worker(db_path, simulator.server.port, seed, count, env, logs, name)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.kill()


def test_killed_payment_path_never_loses_nor_repeats_a_card_payment(db_path, simulator, start_worker):
    seed = int(os.environ.get("NEXIPOS_CRASH_SEED") or random.SystemRandom().randrange(2**32))
    print(f"crash test seed {seed} (replay: NEXIPOS_CRASH_SEED={seed})")
    rng = random.Random(seed)
    started = time.monotonic()
    plans, last_steps = [], Counter()
    for index in range(ROUNDS):
        if index >= MIN_ROUNDS and time.monotonic() - started > ROUNDS_BUDGET_S:
            break
        worker = start_worker(f"round{index}", rng.randrange(2**31), 100_000)
        plans.append(kill_round(worker, rng))
        last_steps[step_of(worker.seen[-1]) if worker.seen else "(start-up)"] += 1
    rounds_s = time.monotonic() - started
    print(f"{len(plans)} kill rounds in {rounds_s:.1f}s: {plans}")
    print(f"last line before each kill: {dict(last_steps)}")

    final = start_worker("final", rng.randrange(2**31), 5)
    run_to_completion(final)
    simulator.wait_idle()
    before = check_invariants(db_path, simulator, cashier_done=False)

    resolved = resolve_as_the_cashier(db_path, simulator)
    settle = start_worker("settle", 0, 0)
    run_to_completion(settle)
    simulator.wait_idle()
    after = check_invariants(db_path, simulator, cashier_done=True)

    attempts, _receipts, _payments, recovered = load_state(db_path)
    states = Counter(a.state for a in attempts)
    crash_in_doubt = sum(state == "in_doubt" for state in recovered.values())
    print(f"before the cashier: {before}; cashier resolved {resolved}; after: {after}")
    print(f"attempt states {dict(states)}; start-up recovery: {dict(Counter(recovered.values()))}; "
          f"terminal requests {len(simulator.model.requests)}, busy refusals "
          f"{sum(r is Refusal.BUSY for _s, _a, r in simulator.model.requests)}")
    # the run must have exercised the hard cases, or it proves nothing
    assert crash_in_doubt >= 1, "no kill landed while a payment was on the wire"
    assert after["issued"] >= 1 and after["ledger"] >= 1
