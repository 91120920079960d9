"""The compile-time side of the suite: `purecc check` vs `clang++ -fsyntax-only`.

Both run on each serial source of the suite with the same flags; one warm-up
run, then `runs` timed runs, medians of wall and CPU time (user + system of
the child). A check that fails or prints diagnostics is reported as such in
the table rather than timed as if it had done its whole job.
"""
import os
import resource
import statistics
import subprocess
import time

from programs import HERE

FLAGS = ["-std=c++20", "-I" + HERE]


def _run_once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    problem = ""
    if proc.returncode != 0 or proc.stderr.strip():
        first = (proc.stderr.strip().splitlines() or ["exit status %d" % proc.returncode])[0]
        problem = first[:100]
    return wall, cpu, problem


def _measure(cmd, runs):
    _run_once(cmd)  # warm the file cache and the dynamic loader
    samples = [_run_once(cmd) for _ in range(runs)]
    problems = [s[2] for s in samples if s[2]]
    return (statistics.median(s[0] for s in samples),
            statistics.median(s[1] for s in samples),
            problems[0] if problems else "")


def measure(purecc, clang, programs, runs):
    """Rows of (program, clang wall, clang cpu, purecc wall, purecc cpu, problem)."""
    rows = []
    for prog in programs:
        src = os.path.join(HERE, prog.name + ".cpp")
        cw, cc, cprob = _measure([clang, "-fsyntax-only", "-Wno-unknown-attributes"] + FLAGS + [src], runs)
        pw, pc, pprob = _measure([purecc, "check", src, "--"] + FLAGS, runs)
        problem = ("clang: " + cprob) if cprob else (("purecc check: " + pprob) if pprob else "")
        rows.append((prog.name, cw, cc, pw, pc, problem))
    return rows


def markdown(rows, runs):
    out = ["median of %d runs each; ratio = purecc check / clang++-19 -fsyntax-only "
           "(same flags, same file)\n" % runs,
           "| unit | clang++ wall (s) | purecc check wall (s) | wall ratio "
           "| clang++ CPU (s) | purecc CPU (s) | CPU ratio | note |",
           "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, cw, cc, pw, pc, problem in rows:
        out.append("| %s.cpp | %.3f | %.3f | %.2fx | %.3f | %.3f | %.2fx | %s |" %
                   (name, cw, pw, pw / cw, cc, pc, pc / cc if cc > 0 else float("nan"),
                    problem.replace("|", "\\|")))
    return "\n".join(out) + "\n"
