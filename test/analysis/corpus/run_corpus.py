#!/usr/bin/env python3
"""Run `purecc check` over the purity corpus and compare with its ground truth.

Every program in this directory states what a correct purity checker must say
about it, in comments at its top:

    // CORPUS: pure
    // CORPUS: impure line=12 id=purecc-global-write

A program is either pure (no purity diagnostic at all) or impure with one
`CORPUS: impure` line per expected error. `line=` may list alternatives
(`line=7|9`: the error belongs on either line, e.g. a local whose destructor
runs at the end of its scope), and so may `id=` where the documented rules
leave the ID open (`id=purecc-impure-call|purecc-impure-library`).

The ground truth follows the C++ semantics and docs/purity.md, not what
purecc says today; where they differ the program is a disagreement:

    false-negative   the program is impure, purecc reports nothing
    false-positive   the program is pure, purecc reports a purity error
    wrong-diagnostic impure and reported, but not at the expected line/ID
                     (or with extra errors)
    compile-error    purecc (i.e. Clang) could not compile the program: a
                     fault of the corpus, never allowed

Precision and recall count "impure" as the positive class, per program.

With --known FILE, the exit status is 0 only if the disagreements are
exactly the ones listed there (one `<program> <kind>` per line, `#`
comments): a new disagreement fails, and so does a listed one that no
longer occurs, so that the list stays true as the checker improves.

Usage: run_corpus.py --purecc PATH [--known FILE] [-j N] [DIR or FILES...]
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

HEADER = re.compile(r"^//\s*CORPUS:\s*(pure|impure)\b(.*)$")
KINDS = ("false-negative", "false-positive", "wrong-diagnostic", "compile-error")


class CorpusError(Exception):
    pass


def parse_truth(path):
    """Return None for a pure program, else a list of (lines, ids) sets."""
    verdicts, expected = set(), []
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            m = HEADER.match(text.strip())
            if not m:
                continue
            verdicts.add(m.group(1))
            if m.group(1) == "impure":
                fields = dict(kv.split("=", 1) for kv in m.group(2).split())
                try:
                    lines = {int(x) for x in fields["line"].split("|")}
                    ids = set(fields["id"].split("|"))
                except (KeyError, ValueError):
                    raise CorpusError(f"{path}:{n}: 'impure' needs line=N id=ID")
                expected.append((lines, ids))
    if len(verdicts) != 1:
        raise CorpusError(f"{path}: needs exactly one kind of '// CORPUS:' verdict")
    return None if "pure" in verdicts else expected


def run_purecc(purecc, path, extra):
    cmd = [purecc, "check", "--diagnostics-format=json", path, "--", "-std=c++20"] + extra
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None, "purecc did not finish within 300 s"
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return None, f"exit {proc.returncode}, no JSON: {proc.stderr.strip()[:300]}"
    errors, compile_errors = [], []
    for d in doc.get("diagnostics", []):
        if d.get("level") not in ("error", "fatal"):
            continue
        ident = d.get("id") or ""
        if ident.startswith("purecc-"):
            errors.append((d.get("line"), ident, d.get("message", "")))
        else:
            compile_errors.append(f"{d.get('line')}: {d.get('message', '')}")
    if proc.returncode not in (0, 1):
        compile_errors.append(f"purecc exited {proc.returncode}: {proc.stderr.strip()[:300]}")
    if compile_errors:
        return None, "; ".join(compile_errors)
    return errors, None


def judge(expected, errors):
    """Return (kind or None, predicted_impure, detail)."""
    predicted = bool(errors)
    if expected is None:
        return ("false-positive" if predicted else None), predicted, errors
    if not predicted:
        return "false-negative", False, []
    unmatched = [e for e in expected
                 if not any(line in e[0] and ident in e[1] for line, ident, _ in errors)]
    extra = [r for r in errors
             if not any(r[0] in e[0] and r[1] in e[1] for e in expected)]
    if unmatched or extra:
        return "wrong-diagnostic", True, errors
    return None, True, errors


def describe_expected(expected):
    if expected is None:
        return "pure"
    return "; ".join("impure line=%s id=%s" % ("|".join(map(str, sorted(l))), "|".join(sorted(i)))
                     for l, i in expected)


def load_known(path):
    known = {}
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            body = text.split("#", 1)[0].strip()
            if not body:
                continue
            parts = body.split()
            if len(parts) != 2 or parts[1] not in KINDS:
                raise CorpusError(f"{path}:{n}: expected '<program> <kind>', kind one of {', '.join(KINDS)}")
            known[parts[0]] = parts[1]
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--purecc", required=True)
    ap.add_argument("--known", help="expected disagreements (known-misses.txt)")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--extra", action="append", default=[], help="extra compiler flag")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    files = []
    for p in args.paths or [here]:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                           if f.endswith(".cpp") and not f.startswith("."))
        else:
            files.append(p)
    try:
        truths = {f: parse_truth(f) for f in files}
        known = load_known(args.known) if args.known else {}
    except CorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        results = dict(zip(files, pool.map(lambda f: run_purecc(args.purecc, f, args.extra), files)))
    elapsed = time.monotonic() - start

    tp = fp = fn = tn = 0
    disagreements = {}
    for f in files:
        name = os.path.basename(f)
        expected = truths[f]
        errors, failure = results[f]
        if failure:
            disagreements[name] = ("compile-error", describe_expected(expected), failure)
            continue
        kind, predicted, _ = judge(expected, errors)
        actual = "; ".join(f"line={l} id={i}" for l, i, _ in errors) or "pure"
        if kind:
            disagreements[name] = (kind, describe_expected(expected), actual)
        truth_impure = expected is not None
        if truth_impure and predicted:
            tp += 1
        elif truth_impure:
            fn += 1
        elif predicted:
            fp += 1
        else:
            tn += 1

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    exact = len(files) - len(disagreements)
    broken = sum(1 for d in disagreements.values() if d[0] == "compile-error")
    print(f"corpus: {len(files)} programs ({tp + fn} impure, {fp + tn} pure"
          + (f", {broken} did not compile" if broken else "")
          + f"), checked in {elapsed:.1f} s with -j{args.j}")
    print(f"verdicts: TP={tp} FP={fp} FN={fn} TN={tn}; precision {precision:.3f}, recall {recall:.3f} "
          f"(impure = positive)")
    print(f"exact agreement (verdict, line and ID): {exact}/{len(files)}")
    for kind in KINDS:
        names = sorted(n for n, d in disagreements.items() if d[0] == kind)
        for n in names:
            _, want, got = disagreements[n]
            print(f"{kind}: {n}: expected {want}; purecc: {got}")

    if not args.known:
        return 0
    status = 0
    for n, (kind, _, _) in sorted(disagreements.items()):
        if known.get(n) != kind:
            print(f"UNEXPECTED: {n} {kind} (not in {os.path.basename(args.known)})")
            status = 1
    for n, kind in sorted(known.items()):
        if disagreements.get(n, (None,))[0] != kind:
            now = disagreements[n][0] if n in disagreements else "agreement"
            print(f"FIXED OR CHANGED: {n} {kind} is listed but is now {now}: update {os.path.basename(args.known)}")
            status = 1
    print("corpus: " + ("OK" if status == 0 else "FAILED"))
    return status


if __name__ == "__main__":
    sys.exit(main())
