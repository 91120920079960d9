#!/usr/bin/env python3
"""Mutation fuzzer of `purecc check` and `purecc rewrite` (issue 12, section 6).

Takes the C++ sources of the test corpus (test/**/*.cpp), applies a few small
token mutations chosen by a seeded generator (delete, duplicate or swap
tokens, change an operator, a number or an identifier), and runs
`purecc check` and `purecc rewrite` on each mutant. purecc must end the
documented way on every one of them: exit status 0, 1 or 2, or 3 with
exactly one `purecc: error: internal error...` line; never a signal, another
status, or a hang. Mutants are reproducible from (seed, index).

  mutate.py --purecc build/frontend/purecc --corpus test --seed 1 --mutants 24
  (CI: a fixed small set, test/fuzz/mutation-fuzz.test; more: bench/fuzz/run.sh)

Exit status: 0 when every mutant ended the documented way, 1 otherwise (the
failing mutants are kept in --keep and listed on stderr).
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<pp>\#[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>(?:0[xX][0-9a-fA-F']+|\d[\d']*\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[uUlLfF]*)
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<op><<=|>>=|->\*|\.\.\.|::|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||\+=|-=|\*=|/=|%=|&=|\|=|\^=|[-+*/%<>=!&|^~?:;,.(){}\[\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

OPERATORS = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&&", "||", "&", "|",
             "^", "<<", ">>", "=", "+=", "-=", "!", "~", "?", ":", ",", ";", "(", ")", "{",
             "}", "[", "]", "++", "--", "->", ".", "::"]
NUMBERS = ["0", "1", "-1", "2", "13", "2147483647", "-2147483648", "4294967295u",
           "9223372036854775807", "1e308", "0.0", "-0.0", "1e-320", "0x7f", "65535"]


def tokenize(text):
    """(kind, text) pairs; comments, whitespace and preprocessor lines are
    kept as they are and never mutated."""
    return [(m.lastgroup, m.group()) for m in TOKEN.finditer(text)]


def mutate(tokens, rng):
    tokens = list(tokens)
    code = [i for i, (k, _) in enumerate(tokens) if k in ("number", "ident", "op", "string")]
    if not code:
        return tokens, "none"
    idents = sorted({t for k, t in tokens if k == "ident"})
    done = []
    for _ in range(rng.randint(1, 3)):
        code = [i for i, (k, _) in enumerate(tokens) if k in ("number", "ident", "op", "string")]
        i = rng.choice(code)
        kind, text = tokens[i]
        what = rng.choice(["delete", "duplicate", "swap", "replace"])
        if what == "delete":
            tokens[i] = ("space", " ")
        elif what == "duplicate":
            tokens.insert(i, (kind, text + " "))
        elif what == "swap":
            j = code[min(code.index(i) + 1, len(code) - 1)]
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif kind == "op":
            tokens[i] = ("op", rng.choice(OPERATORS))
        elif kind == "number":
            tokens[i] = ("number", rng.choice(NUMBERS))
        elif kind == "ident" and idents:
            tokens[i] = ("ident", rng.choice(idents))
        else:
            tokens[i] = ("op", rng.choice(OPERATORS))
        done.append("%s %r at token %d" % (what, text, i))
    return tokens, "; ".join(done)


def judge(proc):
    """None when purecc ended the documented way, else why not."""
    rc = proc.returncode
    if rc < 0:
        return "killed by signal %d" % -rc
    if rc not in (0, 1, 2, 3):
        return "exit status %d" % rc
    if rc == 3:
        lines = [l for l in proc.stderr.splitlines() if l.startswith("purecc: error: internal error")]
        if len(lines) != 1:
            return "exit status 3 without exactly one internal-error line"
    return None


def run_one(args, corpus, index):
    rng = random.Random("%d:%d" % (args.seed, index))
    source = rng.choice(corpus)
    with open(source, encoding="utf-8", errors="replace") as f:
        tokens = tokenize(f.read())
    mutant, how = mutate(tokens, rng)
    work = tempfile.mkdtemp(prefix="purecc-fuzz-")
    try:
        path = os.path.join(work, os.path.basename(source))
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(t for _, t in mutant))
        flags = ["--", "-std=c++20", "-I" + os.path.dirname(source), "-I" + args.rt_include]
        findings = []
        internal = []
        for cmd in (["check", path], ["rewrite", path, "-o", os.path.join(work, "out.cpp")]):
            try:
                proc = subprocess.run([args.purecc] + cmd + flags, capture_output=True, text=True,
                                      errors="replace", timeout=args.timeout)
            except subprocess.TimeoutExpired:
                findings.append("%s: no answer in %d s" % (cmd[0], args.timeout))
                continue
            why = judge(proc)
            if why:
                findings.append("%s: %s" % (cmd[0], why))
            elif proc.returncode == 3:
                internal.append(cmd[0])
        if findings and args.keep:
            os.makedirs(args.keep, exist_ok=True)
            shutil.copy(path, os.path.join(args.keep, "mutant-%d-%d-%s" % (args.seed, index,
                                                                           os.path.basename(source))))
        return index, source, how, findings, internal
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--purecc", required=True)
    ap.add_argument("--corpus", required=True, help="directory searched for *.cpp")
    ap.add_argument("--rt-include", default="", help="the runtime's include directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mutants", type=int, default=24)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--keep", default="", help="where to keep failing mutants")
    args = ap.parse_args()

    root = os.path.realpath(args.corpus)
    skip = {"fuzz", "runtime"}  # the runtime's suites need GoogleTest
    corpus = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs
                    if f.endswith(".cpp") and not skip & set(os.path.relpath(d, root).split(os.sep)))
    if not corpus:
        print("mutate.py: no *.cpp under %s" % args.corpus, file=sys.stderr)
        return 2
    failed = 0
    internal = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for index, source, how, findings, errors in pool.map(
                lambda i: run_one(args, corpus, i), range(args.mutants)):
            internal += len(errors)
            for f in findings:
                failed += 1
                print("mutant %d of %s (%s): %s" % (index, os.path.relpath(source, root),
                                                    how, f), file=sys.stderr)
    print("%d mutants, %d runs: %d failed, %d clean internal errors" %
          (args.mutants, 2 * args.mutants, failed, internal))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
