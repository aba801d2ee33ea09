"""Resident memory and CPU of an idle daemon (embedded store, default tick) over 60 seconds.
CPU is read from /proc in clock ticks (1/SC_CLK_TCK s), so the figure is printed in ticks with
that resolution: one tick in 60 s is 0.017% of a core, and "0 ticks" means below that, not zero.
The ceiling beside it is `sleep` itself measured the same way over the same time (the least any
process costs); the figure is the difference.
    python bench/idle_daemon.py [--seconds 60]
"""

import argparse
import os
import re
import subprocess
import sys
import time

from _common import ROOT, machine, scratch_project


def rss_mb(pid: int) -> float:
    text = open(f"/proc/{pid}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def cpu_ticks(pid: int) -> int:
    """utime + stime of the process, in clock ticks."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    project = scratch_project()
    main_py = [sys.executable, str(ROOT / "main.py"), "--config", str(project / "config.yaml")]
    out = subprocess.run(main_py + ["daemon", "start"], capture_output=True, text=True, check=True).stdout
    pid = int(out.split("PID ")[1].split(")")[0])
    sleeper = subprocess.Popen(["sleep", str(args.seconds + 10)])
    try:
        time.sleep(3)  # let start-up settle
        hz = os.sysconf("SC_CLK_TCK")
        cpu0, idle0, t0, peak = cpu_ticks(pid), cpu_ticks(sleeper.pid), time.time(), 0.0
        while time.time() - t0 < args.seconds:
            peak = max(peak, rss_mb(pid))
            time.sleep(1)
        wall = time.time() - t0
        ticks, idle = cpu_ticks(pid) - cpu0, cpu_ticks(sleeper.pid) - idle0
        print(machine())
        print(f"idle daemon over {wall:.0f} s: resident memory peak {peak:.1f} MB")
        print(f"  CPU: {ticks} clock ticks of 1/{hz} s = {ticks / hz:.2f} s, {ticks / hz / wall:.3%} of one core "
              f"(resolution: 1 tick = {1 / hz / wall:.3%} over this time)")
        print(f"  ceiling, `sleep` over the same time: {idle} ticks")
    finally:
        sleeper.kill()
        subprocess.run(main_py + ["daemon", "stop"], capture_output=True)


if __name__ == "__main__":
    main()
