"""How busy the machine is: timings only mean something on an idle one.

cpu_busy() samples /proc/stat over an interval (the share of all cores not
idle); load() is the 1-minute load average. wait_for_idle() waits (bounded)
for the CPUs to calm down before a round of timings.
"""
import os
import time

BUSY_PERCENT = 15  # above this the machine is "not idle"


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def _cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:9]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields), idle


def cpu_busy(interval=1.0):
    """Percent of all cores' time spent not idle over the next `interval` s."""
    t0, i0 = _cpu_times()
    time.sleep(interval)
    t1, i1 = _cpu_times()
    total = t1 - t0
    return 100.0 * (total - (i1 - i0)) / total if total > 0 else 0.0


def wait_for_idle(max_seconds):
    """Samples until the CPUs are idle or max_seconds passed; returns the
    last busy percentage."""
    deadline = time.monotonic() + max_seconds
    while True:
        busy = cpu_busy()
        if busy < BUSY_PERCENT or time.monotonic() >= deadline:
            return busy


def describe():
    """One line about the machine, for the report."""
    return "%d cores, %s" % (os.cpu_count(), os.uname().release)
