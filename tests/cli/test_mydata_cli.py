"""`nexipos simulator --mydata` and `nexipos mydata status|send|retry` as support staff and scripts see them."""

from __future__ import annotations

import json
import os
import re
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import nexipos

MILK = "5200480147201"




@pytest.fixture
def mydata_simulator(tmp_path):
    """`nexipos simulator --mydata --port 0` as a subprocess; yields its base URL."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    process = subprocess.Popen([sys.executable, "-m", "nexipos_desktop", "simulator", "--mydata", "--port", "0",
                                "--mydata-user", "shop", "--mydata-key", "k3y"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).resolve().parents[2])
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        first = process.stdout.readline() if ready else ""
        match = re.search(r"(http://\S+/)$", first.strip())
        problem = process.stderr.read() if process.poll() is not None else ""
        assert match, f"no URL in {first!r}; stderr: {problem}"
        yield match[1]
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def test_status_send_and_retry_against_the_simulator_command(capsys, db_path, mydata_simulator):
    for key, value in (("mydata.channel", "provider"), ("mydata.environment", "custom"),
                       ("mydata.base_url", mydata_simulator + "myDataProvider/"), ("mydata.user_id", "shop"),
                       ("mydata.subscription_key", "k3y")):
        assert nexipos(capsys, "config", "set", key, value, "--db", db_path)[0] == 0
    assert nexipos(capsys, "sale", "--item", MILK, "--cash", "5", "--db", db_path)[0] == 0
    code, out, _ = nexipos(capsys, "mydata", "status", "--db", db_path, "--json")
    status = json.loads(out)
    assert code == 0 and (status["pending"], status["failed"]) == (1, 0)
    assert [(d["kind"], d["state"], d["mark"]) for d in status["documents"]] == [("invoice", "pending", None)]
    code, out, _ = nexipos(capsys, "mydata", "send", "--db", db_path, "--json")
    assert code == 0 and json.loads(out) == {"sent": 1, "pending": 0, "failed": 0, "problem": None}
    code, out, _ = nexipos(capsys, "mydata", "status", "--all", "--db", db_path)
    assert code == 0 and out.startswith("myDATA: 0 σε αναμονή, 0 απορρίφθηκαν\n")
    with sqlite3.connect(db_path) as conn:
        ((mark, auth),) = conn.execute("SELECT mark, authentication_code FROM receipt WHERE status = 'issued'")
    assert mark is not None and auth and str(mark) in out
    code, _, err = nexipos(capsys, "mydata", "retry", "1", "--db", db_path)
    assert code == 1 and "έχει ήδη διαβιβαστεί" in err


def test_send_without_credentials_says_what_to_set(capsys, db_path):
    code, _, err = nexipos(capsys, "mydata", "send", "--db", db_path)
    assert code == 3 and "mydata.user_id" in err and "Traceback" not in err


def test_bad_mydata_settings_are_refused(capsys, db_path):
    code, _, err = nexipos(capsys, "config", "set", "mydata.channel", "fax", "--db", db_path)
    assert code == 2 and "provider ή erp" in err
    code, _, err = nexipos(capsys, "config", "set", "mydata.print_wait_s", "99", "--db", db_path)
    assert code == 2 and "0–30" in err


def test_simulator_needs_a_protocol(capsys):
    code, _, err = nexipos(capsys, "simulator")
    assert code == 2 and "--mydata" in err
