#!/usr/bin/env python3
"""How much slower is `purecc check` than `clang++ -fsyntax-only`?

Times both, with the same flags, on
  (a) header_heavy.cpp: <iostream> <vector> <map> <algorithm> <regex>
      <functional> and a few hundred lines of pure and impure functions;
  (b) a generated file with thousands of small functions (gen_large.py);
and prints a markdown table of the medians and their ratio (purecc / clang).

Each command runs once to warm the file cache, then --runs times (default 5,
the median is reported). Both wall-clock and CPU time (user + system, of the
child process) are measured: on a shared machine CPU time is the steadier of
the two. Each purecc run must succeed with no diagnostics, so that both tools
do their whole job.

  python3 bench/check/bench_check.py --purecc build/frontend/purecc
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FLAGS = ["-std=c++20", "-Wno-unknown-attributes", "-Wno-c++23-lambda-attributes"]


def run_once(cmd):
    """Returns (wall seconds, cpu seconds) of one run; exits if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or proc.stderr.strip():
        sys.exit("benchmark command failed or printed diagnostics:\n  %s\n%s" %
                 (" ".join(cmd), proc.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(cmd, runs):
    run_once(cmd)  # warm-up: file cache, dynamic loader
    samples = [run_once(cmd) for _ in range(runs)]
    return (statistics.median(s[0] for s in samples),
            statistics.median(s[1] for s in samples))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--purecc", default=os.path.join(HERE, "..", "..", "build", "frontend", "purecc"))
    parser.add_argument("--clang", default=shutil.which("clang++-19") or "clang++-19")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (>= 5)")
    parser.add_argument("--functions", type=int, default=5000,
                        help="functions in the generated file (default 5000)")
    args = parser.parse_args()
    if args.runs < 5:
        sys.exit("--runs must be at least 5")
    purecc = os.path.abspath(args.purecc)
    if not os.access(purecc, os.X_OK):
        sys.exit("no purecc at %s (use --purecc)" % purecc)

    with tempfile.TemporaryDirectory(prefix="purecc-bench-") as tmp:
        large = os.path.join(tmp, "large.cpp")
        with open(large, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_large.py"),
                            "--functions", str(args.functions)], stdout=out, check=True)
        units = [("header-heavy (header_heavy.cpp)", os.path.join(HERE, "header_heavy.cpp")),
                 ("generated, %d functions" % args.functions, large)]
        rows = []
        for name, path in units:
            clang = measure([args.clang, "-fsyntax-only"] + FLAGS + [path], args.runs)
            check = measure([purecc, "check", path, "--"] + FLAGS, args.runs)
            rows.append((name, clang, check))

    print("median of %d runs; ratio = purecc check / clang++ -fsyntax-only\n" % args.runs)
    print("| unit | clang++ wall (s) | purecc wall (s) | wall ratio "
          "| clang++ CPU (s) | purecc CPU (s) | CPU ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (cw, cc), (pw, pc) in rows:
        print("| %s | %.3f | %.3f | %.2f× | %.3f | %.3f | %.2f× |" %
              (name, cw, pw, pw / cw, cc, pc, pc / cc))


if __name__ == "__main__":
    main()
