"""The programs of the side-by-side suite and how each variant is built.

Each program is bench/suite/<name>.cpp (the serial original, [[pure]]
annotated) plus <name>.omp.cpp and <name>.tbb.cpp (hand-written). Sizes: the
issue's sizes in full mode, small ones in quick mode (pipeline check only).
"""
import dataclasses
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


@dataclasses.dataclass(frozen=True)
class Program:
    name: str
    full: int
    quick: int
    floating: bool  # result is a double: compared with a tolerance
    what: str


PROGRAMS = [
    Program("fib", 40, 32, False, "fib(n), naive recursion"),
    Program("nqueens", 13, 10, False, "n-queens, board by value"),
    Program("uts", 100000, 5000, False, "unbalanced tree (UTS T3-like), root children"),
    Program("sumsin", 100_000_000, 5_000_000, True, "sum of sin(i), i < n"),
    Program("nw", 100, 24, False, "all-pairs Needleman-Wunsch, n sequences of 200"),
    Program("montecarlo", 100000, 4000, False, "MC sweep: 32 params x n walks, counter RNG"),
    Program("primes", 3_000_000, 300_000, False, "count primes < n, trial division"),
    Program("lcs", 20, 16, False, "LCS by recursion + [[purecc::memo]], strings of n"),
]

VARIANTS = ["serial", "purecc", "omp", "tbb"]

# Runtime calls that show purecc actually transformed something.
RUNTIME_CALLS = ["parallel_invoke", "parallel_reduce", "parallel_for", "memoize"]

BASE_FLAGS = ["-std=c++20", "-O2", "-Wno-attributes", "-I" + HERE]


@dataclasses.dataclass
class Rewrite:
    """What `purecc rewrite` did to one program."""
    ok: bool
    constructs: dict  # runtime call -> count in the output
    message: str      # first line of the error, when not ok
    seconds: float = 0.0

    def status(self):
        if not self.ok:
            return "purecc: rewrite failed (%s)" % self.message
        if not self.constructs:
            return "purecc: not parallelized (no rewrite)"
        return ", ".join("%s x%d" % (k, v) for k, v in self.constructs.items())


def rewrite(purecc, prog, out_path):
    """Runs `purecc rewrite` on the serial source; never raises on failure."""
    import time
    src = os.path.join(HERE, prog.name + ".cpp")
    cmd = [purecc, "rewrite", src, "-o", out_path, "--", "-std=c++20", "-O2", "-I" + HERE]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - start
    if proc.returncode != 0 or not os.path.exists(out_path):
        lines = [l for l in proc.stderr.splitlines() if l.strip()] or ["exit status %d" % proc.returncode]
        return Rewrite(False, {}, lines[0][:120], secs)
    with open(out_path) as f:
        text = f.read()
    found = {}
    for call in RUNTIME_CALLS:
        n = len(re.findall(r"purecc::%s\b" % call, text))
        if n:
            found[call] = n
    return Rewrite(True, found, "", secs)


def compile_commands(cxx, prog, variant, work, build):
    """The compiler command line that builds one variant into work/."""
    exe = os.path.join(work, "%s.%s" % (prog.name, variant))
    if variant == "serial":
        return [cxx] + BASE_FLAGS + [os.path.join(HERE, prog.name + ".cpp"), "-o", exe]
    if variant == "purecc":
        return ([cxx] + BASE_FLAGS +
                ["-fopenmp", "-I" + os.path.join(REPO, "runtime", "include"),
                 os.path.join(work, prog.name + ".purecc.cpp"),
                 os.path.join(build, "runtime", "libpurecc_rt.a"),
                 "-lxxhash", "-lsqlite3", "-lhiredis", "-lcrypto", "-lpthread", "-o", exe])
    if variant == "omp":
        return [cxx] + BASE_FLAGS + ["-fopenmp", os.path.join(HERE, prog.name + ".omp.cpp"), "-o", exe]
    if variant == "tbb":
        return [cxx] + BASE_FLAGS + [os.path.join(HERE, prog.name + ".tbb.cpp"), "-ltbb", "-o", exe]
    raise ValueError(variant)
