"""``aterkoppla serve`` keeps one worker beside the web server (``run_beside``).

The supervisor runs in a process of its own, as under ``serve``, with two small stand-ins
for gunicorn and the worker that write down what happens to them.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

SUPERVISOR = """
import json, sys
from aterkoppla.core.management.commands.serve import run_beside
web, worker, restart_after = json.loads(sys.argv[1])
sys.exit(run_beside(web, worker, restart_after=restart_after))
"""

CHILD = """
import pathlib, signal, sys, time
log, name = pathlib.Path(sys.argv[1]), sys.argv[2]
lifetime, code = float(sys.argv[3]), int(sys.argv[4])
def note(text):
    with log.open("a") as f:
        f.write(f"{name} {text}\\n")
def stop(signum, frame):
    note("stopped by " + signal.Signals(signum).name)
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
note("started")
time.sleep(lifetime)
note(f"ended with {code}")
sys.exit(code)
"""


def _child(log: Path, name: str, *, lifetime: float = 60, code: int = 0) -> list[str]:
    return [sys.executable, "-c", CHILD, str(log), name, str(lifetime), str(code)]


def _supervise(web: list[str], worker: list[str], restart_after: float = 5.0) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 — our own code
        [sys.executable, "-c", SUPERVISOR, json.dumps([web, worker, restart_after])]
    )


def _lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def _wait_for(log: Path, *lines: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(line in _lines(log) for line in lines):
            return
        time.sleep(0.02)
    raise AssertionError(f"{lines} not in {_lines(log)}")


def test_sigterm_stops_the_web_server_and_the_worker(tmp_path):
    log = tmp_path / "log"
    supervisor = _supervise(_child(log, "web"), _child(log, "worker"))
    _wait_for(log, "web started", "worker started")

    supervisor.send_signal(signal.SIGTERM)

    assert supervisor.wait(timeout=10) == 0
    assert sorted(_lines(log)[2:]) == ["web stopped by SIGTERM", "worker stopped by SIGTERM"]


def test_when_the_web_server_ends_the_worker_is_stopped_and_its_exit_code_kept(tmp_path):
    log = tmp_path / "log"
    supervisor = _supervise(_child(log, "web", lifetime=0.5, code=3), _child(log, "worker"))
    assert supervisor.wait(timeout=10) == 3
    assert _lines(log)[-2:] == ["web ended with 3", "worker stopped by SIGTERM"]


def test_a_worker_that_dies_is_started_again(tmp_path):
    log = tmp_path / "log"
    supervisor = _supervise(
        _child(log, "web"), _child(log, "worker", lifetime=0.1, code=1), restart_after=0.3
    )
    deadline = time.monotonic() + 10
    while _lines(log).count("worker started") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=10) == 0
    assert _lines(log).count("worker started") >= 2
    assert "web stopped by SIGTERM" in _lines(log)
