"""What every benchmark reports about the machine it ran on (Linux /proc)."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return total - idle, total


def machine_info(database: str, **versions: str) -> dict[str, str]:
    """CPU, memory, Python and Django, the database, the load before the run, and the
    versions of whatever else the benchmark depends on (``versions``)."""
    import django

    meminfo = dict(
        line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines() if ":" in line
    )
    cpu_model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    return {
        "cpus": str(os.cpu_count()),
        "cpu_model": cpu_model,
        "memory": f"{int(meminfo['MemTotal'].split()[0]) / 1024 / 1024:.1f} GiB",
        "python": platform.python_version(),
        "django": django.get_version(),
        **versions,
        "database": database,
        "load_before": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }
