#!/usr/bin/env python3
"""Side-by-side suite: purecc's output vs serial, hand-written OpenMP and TBB.

For every program of programs.py: rewrites the serial source with `purecc
rewrite`, builds the four variants with -O2, checks that the machine is idle
(and says so when it is not), runs every configuration -- serial on 1
thread, the others on 1..cores threads -- `runs` times, interleaved (every
round runs each configuration once, starting at a different one), checks
that every variant computed the same result, times `purecc check` against
`clang++ -fsyntax-only`, and writes bench/results/suite-<mode>.md and .svg.

Results must agree: integers exactly; floating-point results within
FP_TOLERANCE (relative, floor 1.0) of serial, and purecc's and TBB's
deterministic reductions must print the identical value at every thread
count. Any disagreement is reported and the exit status is 1.

Normally started by bench/run.sh, which builds purecc first.
"""
import argparse
import collections
import concurrent.futures
import dataclasses
import datetime
import os
import re
import resource
import subprocess
import sys
import tempfile

import compile_time
import machine
import programs as progs
import report

FP_TOLERANCE = 1e-9
# Variants whose floating-point result must not depend on the thread count.
DETERMINISTIC = {"serial", "purecc", "tbb"}


@dataclasses.dataclass
class Sample:
    wall: float
    cpu: float
    result: str


def run_once(exe, size, threads, env, timeout):
    env = dict(env, OMP_NUM_THREADS=str(threads))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([exe, str(size)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    m = re.fullmatch(r"result=(\S+) seconds=(\S+)\n", proc.stdout)
    if proc.returncode != 0 or not m:
        sys.exit("run_suite: %s %d (OMP_NUM_THREADS=%d) failed with status %d:\n%s%s" %
                 (exe, size, threads, proc.returncode, proc.stdout, proc.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(float(m.group(2)), cpu, m.group(1))


def check_results(prog, samples, threads):
    """'ok' or a description of every disagreement with serial."""
    ref = samples[(prog.name, "serial", 1)][0].result
    problems = []
    for (name, v, t), xs in samples.items():
        if name != prog.name:
            continue
        for s in xs:
            if not prog.floating:
                if s.result != ref:
                    problems.append("%s@%d gave %s, serial %s" % (v, t, s.result, ref))
            elif abs(float(s.result) - float(ref)) > FP_TOLERANCE * max(1.0, abs(float(ref))):
                problems.append("%s@%d gave %s, serial %s (beyond %g)" % (v, t, s.result, ref, FP_TOLERANCE))
    if prog.floating:
        for v in DETERMINISTIC - {"serial"}:
            seen = {s.result for t in threads for s in samples.get((prog.name, v, t), [])}
            if len(seen) > 1:
                problems.append("%s not identical across thread counts: %s" % (v, sorted(seen)))
    problems = list(dict.fromkeys(problems))
    if not problems:
        if prog.floating:
            return "ok (purecc, tbb: bitwise equal at every thread count; all within %g of serial)" % FP_TOLERANCE
        return "ok (all equal: %s)" % ref
    return "**MISMATCH**: " + "; ".join(problems)


def build(args, plist, work):
    """Rewrites and compiles everything; returns the Rewrite of each program
    (a purecc output that does not compile is recorded there as a failure)."""
    rewrites = {p.name: progs.rewrite(args.purecc, p, os.path.join(work, p.name + ".purecc.cpp"))
                for p in plist}
    jobs = []
    for p in plist:
        for v in progs.VARIANTS:
            if v == "purecc" and not rewrites[p.name].ok:
                continue
            jobs.append((p, v, progs.compile_commands(args.cxx, p, v, work, args.build)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {pool.submit(subprocess.run, cmd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True): (p, v, cmd)
                   for p, v, cmd in jobs}
        for fut in concurrent.futures.as_completed(futures):
            p, v, cmd = futures[fut]
            proc = fut.result()
            if proc.returncode == 0:
                continue
            if v != "purecc":  # the hand-written code must build
                sys.exit("run_suite: building %s/%s failed:\n%s\n%s" % (p.name, v, " ".join(cmd), proc.stdout))
            first = (proc.stdout.strip().splitlines() or ["?"])[0]
            rewrites[p.name] = progs.Rewrite(False, {}, "output does not compile: " + first[:100])
    return rewrites


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, 3 runs: checks the pipeline")
    ap.add_argument("--runs", type=int, help="runs per configuration (default 5, quick 3)")
    ap.add_argument("--build", required=True, help="CMake build dir with frontend/purecc and the runtime")
    ap.add_argument("--programs", help="comma-separated subset of: " +
                    ",".join(p.name for p in progs.PROGRAMS))
    ap.add_argument("--max-threads", type=int, default=os.cpu_count())
    ap.add_argument("--wait-idle", type=float, default=0,
                    help="before each round, wait up to this many seconds for idle CPUs")
    ap.add_argument("--out", default=os.path.join(progs.REPO, "bench", "results"))
    ap.add_argument("--cxx", default=os.environ.get("CXX", "g++"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    args = ap.parse_args()
    args.build = os.path.abspath(args.build)
    args.purecc = os.path.join(args.build, "frontend", "purecc")
    for need in (args.purecc, os.path.join(args.build, "runtime", "libpurecc_rt.a")):
        if not os.path.exists(need):
            sys.exit("run_suite: %s is missing (build purecc and purecc_rt_static in %s)" % (need, args.build))
    runs = args.runs or (3 if args.quick else 5)
    if not args.quick and runs < 5:
        sys.exit("run_suite: full mode needs --runs >= 5")
    mode = "quick" if args.quick else "full"
    plist = progs.PROGRAMS
    if args.programs:
        wanted = args.programs.split(",")
        unknown = set(wanted) - {p.name for p in plist}
        if unknown:
            sys.exit("run_suite: unknown program(s): " + ", ".join(sorted(unknown)))
        plist = [p for p in plist if p.name in wanted]
    sizes = {p.name: p.quick if args.quick else p.full for p in plist}
    threads = list(range(1, args.max_threads + 1))

    work = os.path.join(args.build, "bench-suite")
    os.makedirs(work, exist_ok=True)
    print("run_suite: rewriting and building %d programs x %d variants in %s" %
          (len(plist), len(progs.VARIANTS), work), file=sys.stderr)
    rewrites = build(args, plist, work)
    for p in plist:
        print("  %-10s %s" % (p.name, rewrites[p.name].status()), file=sys.stderr)

    busy = machine.cpu_busy(2.0)
    load_before = machine.load()
    idle_note = ("idle (CPUs %.0f%% busy, load %.2f)" % (busy, load_before)
                 if busy < machine.BUSY_PERCENT else
                 "NOT idle: CPUs %.0f%% busy, load average %.2f on %d cores -- timings are noisy" %
                 (busy, load_before, os.cpu_count()))
    print("run_suite: machine " + idle_note, file=sys.stderr)

    configs = []
    for p in plist:
        configs.append((p, "serial", 1))
        for v in ("purecc", "omp", "tbb"):
            if v == "purecc" and not rewrites[p.name].ok:
                continue
            configs += [(p, v, t) for t in threads]
    cache = tempfile.mkdtemp(prefix="purecc-suite-cache-")
    # The memo cache in memory only: a disk tier would let run 2 reuse run 1.
    env = dict(os.environ, PURECC_MEMO="mem", PURECC_CACHE_DIR=cache, PURECC_PROGRESS="0")
    samples = collections.defaultdict(list)
    round_busy = []
    for r in range(runs):
        if args.wait_idle > 0:
            round_busy.append(machine.wait_for_idle(args.wait_idle))
        shift = r * len(configs) // runs  # each round starts elsewhere
        for p, v, t in configs[shift:] + configs[:shift]:
            exe = os.path.join(work, "%s.%s" % (p.name, v))
            samples[(p.name, v, t)].append(run_once(exe, sizes[p.name], t, env, args.timeout))
        print("run_suite: round %d/%d done (load %.2f)" % (r + 1, runs, machine.load()), file=sys.stderr)
    load_after = machine.load()

    checks = {p.name: check_results(p, samples, threads) for p in plist}
    ct_rows = compile_time.measure(args.purecc, args.clang, plist, runs)

    os.makedirs(args.out, exist_ok=True)
    svg = os.path.join(args.out, "suite-%s.svg" % mode)
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    plot_error = report.plot(plist, samples, threads, os.path.join(work, "plot"), svg + ".tmp.svg",
                             "purecc suite (%s mode), speedup over serial (g++ -O2), %s" % (mode, stamp))
    if not plot_error:
        os.replace(svg + ".tmp.svg", svg)
    head = ["# purecc side-by-side suite (%s mode)\n" % mode,
            "Generated by `bench/run.sh%s` on %s: %s; compiler `%s -O2`; threads %s; "
            "median of %d interleaved runs per configuration; purecc: `%s`." %
            (" --quick" if args.quick else "", stamp, machine.describe(), args.cxx,
             ", ".join(map(str, threads)), runs, args.purecc),
            "\nMachine before timing: %s. Load average after: %.2f.%s\n" %
            (idle_note, load_after,
             (" CPUs busy before each round: " + ", ".join("%.0f%%" % b for b in round_busy))
             if round_busy else ""),
            "Speedup = T_serial / T (serial: the original source, g++ -O2, attributes ignored). "
            "T1/Tserial = purecc's overhead on one thread. T/T_omp, T/T_tbb < 1: purecc faster.\n",
            "## Summary\n", report.summary_table(plist, sizes, samples, threads, rewrites, checks),
            "\n![speedup vs threads](suite-%s.svg)\n" % mode if not plot_error else "\nPlot: %s\n" % plot_error,
            "## All configurations\n", report.detail_table(plist, samples, threads),
            "\n## Compile time: `purecc check` vs `clang++ -fsyntax-only`\n",
            compile_time.markdown(ct_rows, runs),
            "\n`purecc rewrite` took (one run each): " +
            ", ".join("%s %.2f s" % (p.name, rewrites[p.name].seconds) for p in plist) + ".\n"]
    text = "\n".join(head)
    write_atomically(os.path.join(args.out, "suite-%s.md" % mode), text)
    print(text)
    bad = [p.name for p in plist if not checks[p.name].startswith("ok")]
    if bad:
        print("run_suite: FAILED: results differ from serial in: " + ", ".join(bad), file=sys.stderr)
        for name in bad:
            print("  %s: %s" % (name, checks[name]), file=sys.stderr)
        return 1
    if plot_error:
        print("run_suite: FAILED: " + plot_error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
