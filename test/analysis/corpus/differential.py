#!/usr/bin/env python3
"""Differential check: GCC's own purity inference against `purecc check`.

For every function of the given files it compares what GCC infers
(`g++ -O2 -fipa-pure-const -Wsuggest-attribute=pure -Wsuggest-attribute=const`)
with what purecc calls pure (a `[[pure]]` function that passes `purecc check`,
or one that `purecc check --suggest` proposes), and sorts each disagreement
into a class with its reason. docs/purity.md ("GCC's inference and purecc")
explains the classes; this script regenerates the figures quoted there.

Functions are matched by file and line (GCC reports at the function's name,
purecc too). Where GCC did not warn, its dumps tell why:
-fdump-tree-local-pure-const1-details lists the calls and memory accesses that
made it give up, and "found to be const/pure" lines show functions it did
infer but never suggests an attribute for (inline, static, templates).
Where purecc did not call a GCC candidate pure and the function is not
declared `[[pure]]`, the script asks purecc why by checking a copy of the
file with `[[pure]]` inserted before the function.

Usage: differential.py --purecc PATH [--gxx g++-12] [-j N] [--verbose]
                       [--corpus-figures] [FILES or DIRS...]
Default inputs: test/analysis/corpus, test/analysis and examples/.
"""
import argparse
import collections
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
GCC_WARN = re.compile(r"^(.*?):(\d+):\d+: warning: function might be candidate for attribute '(pure|const)'")
DUMP = re.compile(r"^(pure|impure)\s+(.+?)\s+\((.*):(\d+)\)$")
SUGGEST = re.compile(r"^(.*?):(\d+):\d+: remark: function '(.+)' can be declared pure \[purecc-suggest-pure\]")
ERROR = re.compile(r"^(.*?):(\d+):\d+: error: (?:pure function '(.+?)'|'(.+?)' overrides).*\[(purecc-[a-z-]+)\]$")
FOUND = re.compile(r"^Function found to be (?:const|pure): (.*)/\d+$")
SECTION = re.compile(r"^;; Function (\S+) \((\S+),")

ERRNO_FUNCS = {"sqrt", "log", "log2", "log10", "log1p", "exp", "exp2", "expm1", "pow", "atan2",
               "acos", "asin", "cosh", "sinh", "hypot", "fmod", "strtod", "strtol", "lgamma", "tgamma"}

CLASS_TEXT = {
    "gcc-visible": "GCC infers it too but never suggests an attribute for a function every caller "
                   "can see (inline, static, template, member defined in its class)",
    "purecc-miss": "the corpus's ground truth says impure: a known false negative of purecc "
                   "(test/analysis/corpus/known-misses.txt), which GCC gets right",
    "gcc-no-code": "GCC generates no code for it (an unused inline or virtual member, consteval, "
                   "a constructor), so infers nothing",
    "exceptions": "may throw: GCC counts __cxa_allocate_exception/__cxa_throw as neither const nor "
                  "pure; purecc allows exceptions",
    "allocation": "allocates (new, containers, strings): GCC counts operator new/delete as "
                  "side effects; purecc allows allocation",
    "errno": "calls a <cmath>/<cstdlib> function that may set errno: GCC counts errno "
             "(-fmath-errno); purecc does not",
    "library": "calls a library function GCC does not inline, so must assume has side effects; "
               "purecc's model of the standard library knows it only touches the function's own objects",
    "trusted": "calls a declaration the user vouched for with [[purecc::assume_pure]]; GCC "
               "sees no body",
    "virtual": "makes a virtual call to a method declared [[pure]]: GCC cannot know the target",
    "indirect-write": "GCC sees a store through a pointer it cannot prove local",
    "trusts-pure-callee": "calls a function declared [[pure]] whose own body is reported: purecc "
                          "trusts the declaration (the error is reported there); GCC sees the write",
    "other": "unclassified",
    "purecc-false-alarm": "the corpus's ground truth says pure: a known false positive of purecc "
                          "(test/analysis/corpus/known-misses.txt), which GCC gets right",
}


INCLUDES = ["-I" + os.path.join(ROOT, "runtime", "include")]   # the examples include purecc's headers


def purecc_run(purecc, path, extra_args=()):
    cmd = [purecc, "check", *extra_args, "--dump-after=verify", path, "--", "-std=c++20", *INCLUDES]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def purecc_view(purecc, path):
    """{line: (name, 'pure'|'impure', declared?, [ids])} for the main file."""
    proc = purecc_run(purecc, path, ["--suggest"])
    real = os.path.realpath(path)
    out, errors = {}, collections.defaultdict(list)
    for text in proc.stderr.splitlines():
        m = ERROR.match(text)
        if m and os.path.realpath(m.group(1)) == real:
            errors[m.group(3) or m.group(4)].append(m.group(5))
    for text in proc.stdout.splitlines():
        m = DUMP.match(text.strip())
        if m and os.path.realpath(m.group(3)) == real:
            out[int(m.group(4))] = (m.group(2), m.group(1), True, sorted(set(errors.get(m.group(2), []))))
    for text in proc.stderr.splitlines():
        m = SUGGEST.match(text)
        if m and os.path.realpath(m.group(1)) == real:
            out[int(m.group(2))] = (m.group(3), "pure", False, [])
    return out, bool(errors)


def gcc_view(gxx, path, tmp):
    """({line: 'pure'|'const'}, set of inferred signatures, {name: reasons}) or None."""
    work = tempfile.mkdtemp(dir=tmp)
    cmd = [gxx, "-std=c++20", "-O2", "-fipa-pure-const", "-Wsuggest-attribute=pure",
           "-Wsuggest-attribute=const", "-Wno-attributes", "-fdump-tree-local-pure-const1-details",
           "-fdump-ipa-pure-const", *INCLUDES, "-c", os.path.abspath(path), "-o", os.path.join(work, "x.o")]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=work, env=dict(os.environ, LC_ALL="C"))
    if proc.returncode != 0:
        return None
    real = os.path.realpath(path)
    warned = {}
    for text in proc.stderr.splitlines():
        m = GCC_WARN.match(text)
        if m and os.path.realpath(m.group(1)) == real:
            warned[int(m.group(2))] = m.group(3)
    found, reasons, current, last_call = set(), collections.defaultdict(list), None, None
    for dump in glob.glob(os.path.join(work, "*pure-const*")):
        with open(dump, errors="replace") as f:
            for text in f:
                m = FOUND.match(text.strip())
                if m:
                    found.add(m.group(1))
                m = SECTION.match(text)
                if m:
                    current = m.group(1) if "local-pure-const" in dump else None
                elif current and text.strip().startswith("scanning: "):
                    stmt = text.strip()[len("scanning: "):]
                    stmt = stmt.split(" = ", 1)[1] if " = " in stmt else stmt
                    last_call = stmt.split(" (", 1)[0] if " (" in stmt else None
                elif current and text.strip().startswith("callee:"):
                    reasons[current].append(("mangled", text.strip()[len("callee:"):]))
                elif current and "checking flags for call: neither" in text and last_call:
                    reasons[current].append(("callee", last_call))
                elif current and re.match(r"^    \S.*is not (const|pure|const/pure)", text):
                    reasons[current].append(("access", text.strip()))
    shutil.rmtree(work, ignore_errors=True)
    return warned, found, reasons


def demangle(names):
    if not names:
        return {}
    names = sorted(names)
    proc = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True)
    return dict(zip(names, proc.stdout.splitlines()))


def short(name):
    return re.sub(r"<.*", "", re.sub(r"<[^<>]*(<[^<>]*>[^<>]*)*>", "", name).split("::")[-1])


def gcc_inferred(name, found):
    """Did GCC infer `name` const or pure (its own signature, not a lambda inside it)?"""
    pat = re.compile(r"(^|[\s:])" + re.escape(short(name)) + r"(<[^()]*>)?\([^()]*\)( const)?$")
    return any(pat.search(re.sub(r" \[with .*\]$", "", sig)) for sig in found)


def classify_purecc_only(name, found, reasons, names, truth_impure):
    if truth_impure:
        return "purecc-miss"
    if "(anonymous class)" in name or "lambda" in name or gcc_inferred(name, found):
        return "gcc-visible"
    if short(name) not in reasons:
        return "gcc-no-code"
    rs = reasons.get(short(name), [])
    callees = [names.get(c, c) if kind == "mangled" else c for kind, c in rs if kind in ("callee", "mangled")]
    text = " | ".join(callees)
    if re.search(r"__cxa_throw|__cxa_allocate_exception|__cxa_begin_catch|__throw_", text):
        return "exceptions"
    if re.search(r"operator new|operator delete|\bmalloc\b|\bfree\b|allocat|_M_create|_M_realloc|"
                 r"_M_construct|_M_append|_M_replace|_M_insert|_M_emplace|_M_default_append|"
                 r"_M_mutate|_M_push|_M_fill_insert", text):
        return "allocation"
    if any(re.search(r"(^|\s|::)" + f + r"$", c) for c in callees for f in ERRNO_FUNCS):
        return "errno"
    if "OBJ_TYPE_REF" in text:
        return "virtual"
    if callees and all(re.match(r"(std|__gnu_cxx)::|__builtin|operator", c) for c in callees):
        return "library"
    if callees:
        return "trusted"
    if any(kind == "access" and "Indirect ref write" in r for kind, r in rs):
        return "indirect-write"
    return "other"


def probe_purecc(purecc, path, line, tmp):
    """Why purecc does not call the function at `line` pure: declare it [[pure]] in a copy."""
    with open(path) as f:
        lines = f.readlines()
    lines[line - 1] = "[[pure]] " + lines[line - 1]
    fd, copy = tempfile.mkstemp(suffix=".cpp", dir=os.path.dirname(os.path.abspath(path)),
                                prefix=".differential-")
    try:
        with os.fdopen(fd, "w") as f:
            f.writelines(lines)
        proc = purecc_run(purecc, copy)
    finally:
        os.unlink(copy)
    # Only the probed function's own errors: the dump names the function declared at `line`.
    probed = {m.group(2) for m in map(DUMP.match, proc.stdout.splitlines())
              if m and int(m.group(4)) == line}
    ids = sorted({m.group(5) for m in map(ERROR.match, proc.stderr.splitlines())
                  if m and (not probed or (m.group(3) or m.group(4)) in probed)})
    if ids:
        return "purecc: " + ", ".join(ids)
    if re.search(r"\[[^\]]*\]\s*\(", lines[line - 1]):
        return "purecc: a lambda; --suggest never proposes lambdas"
    if " error: " in proc.stderr:
        return "purecc: (no declaration on that line to annotate)"
    return "purecc: pure when declared, but not proposed by --suggest"


def corpus_truth(path):
    """The corpus's ground truth for a program of the corpus: None (pure), [...] (impure), or
    'unknown' for files outside the corpus."""
    if os.path.dirname(os.path.abspath(path)) != os.path.dirname(os.path.abspath(__file__)):
        return "unknown"
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True
    import run_corpus
    return run_corpus.parse_truth(path)


def analyse(args, path, tmp):
    truth = corpus_truth(path)
    g = gcc_view(args.gxx, path, tmp)
    if g is None:
        return path, None
    warned, found, reasons = g
    p, purecc_reported = purecc_view(args.purecc, path)
    names = demangle({c for rs in reasons.values() for kind, c in rs if kind == "mangled"})
    with open(path) as f:
        src = f.read().splitlines()
    rows = []
    for line in sorted(set(warned) | {l for l, v in p.items() if v[1] == "pure"}):
        gcc_pure = line in warned
        pv = p.get(line)
        purecc_pure = pv is not None and pv[1] == "pure"
        name = pv[0] if pv else "?"
        if gcc_pure and purecc_pure:
            rows.append((line, name, "both", ""))
        elif purecc_pure:
            # A declared-pure function of an impure corpus program that purecc passes
            # without any error: the program is one of purecc's false negatives.
            declared_and_impure = pv[2] and truth not in ("unknown", None) and not purecc_reported
            why = classify_purecc_only(name, found, reasons, names, declared_and_impure)
            if why in ("other", "indirect-write") and not pv[2] and purecc_reported:
                why = "trusts-pure-callee"
            rows.append((line, name, "purecc-only", why))
        elif pv is not None:
            why = "purecc: " + ", ".join(pv[3] or ["impure"])
            if pv[2] and truth is None:
                why = "purecc-false-alarm"
            rows.append((line, name, "gcc-only", why))
        else:
            rows.append((line, src[line - 1].strip()[:40], "gcc-only",
                         probe_purecc(args.purecc, path, line, tmp)))
    return path, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--purecc", required=True)
    ap.add_argument("--gxx", default="g++-12")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--verbose", action="store_true", help="print every function compared")
    ap.add_argument("--corpus-figures", action="store_true",
                    help="also run run_corpus.py for precision and recall")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()

    paths = args.paths or [os.path.join(ROOT, "test/analysis/corpus"), os.path.join(ROOT, "test/analysis"),
                           os.path.join(ROOT, "examples")]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(glob.glob(os.path.join(p, "**/*.cpp") if p.endswith("examples")
                                      else os.path.join(p, "*.cpp"), recursive=True))
        else:
            files.append(p)

    tmp = tempfile.mkdtemp(prefix="purecc-differential-")
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
            results = list(pool.map(lambda f: analyse(args, f, tmp), files))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    counts = collections.Counter()
    classes = collections.defaultdict(list)
    skipped = []
    for path, rows in results:
        rel = os.path.relpath(path, ROOT)
        if rows is None:
            skipped.append(rel)
            continue
        for line, name, verdict, why in rows:
            counts[verdict] += 1
            if verdict != "both":
                classes[(verdict, why)].append(f"{rel}:{line} {name}")
            if args.verbose:
                print(f"{verdict:12} {rel}:{line} {name} {why}")

    total = sum(counts.values())
    print(f"differential: {len(files) - len(skipped)} files; {total} functions called pure by GCC or "
          f"purecc: {counts['both']} by both, {counts['purecc-only']} by purecc only, "
          f"{counts['gcc-only']} by GCC only")
    if skipped:
        print(f"not compiled by {args.gxx}: {', '.join(skipped)}")
    for (verdict, why), where in sorted(classes.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        label = CLASS_TEXT.get(why, why)
        print(f"\n{verdict} [{why if why in CLASS_TEXT else 'purecc says'}] {len(where)}: {label}")
        for w in where:
            print(f"    {w}")

    if args.corpus_figures:
        print()
        sys.stdout.flush()
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, "run_corpus.py"), "--purecc", args.purecc,
                        "-j", str(args.j), here])
    return 0


if __name__ == "__main__":
    sys.exit(main())
