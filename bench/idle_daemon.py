"""Resident memory and CPU of an idle daemon (embedded store, default tick) over 60 seconds.
    python bench/idle_daemon.py [--seconds 60]
"""

import argparse
import os
import re
import subprocess
import sys
import time

from _common import ROOT, scratch_project


def rss_mb(pid: int) -> float:
    text = open(f"/proc/{pid}/status").read()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    project = scratch_project()
    main_py = [sys.executable, str(ROOT / "main.py"), "--config", str(project / "config.yaml")]
    out = subprocess.run(main_py + ["daemon", "start"], capture_output=True, text=True, check=True).stdout
    pid = int(out.split("PID ")[1].split(")")[0])
    try:
        time.sleep(3)  # let start-up settle
        cpu0, t0, peak = cpu_seconds(pid), time.time(), 0.0
        while time.time() - t0 < args.seconds:
            peak = max(peak, rss_mb(pid))
            time.sleep(1)
        cpu = (cpu_seconds(pid) - cpu0) / (time.time() - t0)
        print(f"idle daemon over {args.seconds:.0f} s: resident memory peak {peak:.1f} MB, "
              f"CPU {cpu:.3%} of one core")
    finally:
        subprocess.run(main_py + ["daemon", "stop"], capture_output=True)


if __name__ == "__main__":
    main()
