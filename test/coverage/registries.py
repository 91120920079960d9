#!/usr/bin/env python3
"""Every registry entry leads somewhere real (issue 18).

Reads the registries of the source tree and checks, without building
anything:

  * diagnostics/{Analysis,Codegen,Frontend,Runtime}.def: every stable ID has
    a section "### <id>" in docs/diagnostics.md, and is exercised by a test
    (it appears as "[<id>]" or "\"<id>\"", the way purecc prints it, in a
    file under test/); every "### purecc-..." section of the docs is an ID
    of the lists; every bracketed ID that frontend/ or runtime/ prints by
    hand is in the lists;
  * codegen/transforms/Transforms.def: each transformation's file pair, lit
    test, section "## <name>: ..." of docs/codegen.md and IDs exist, and
    every file of codegen/transforms/ has an entry;
  * analysis/rules/Rules.def: each rule's file pair (with its factory) or
    file, section "### Rn: ..." of docs/purity.md, test and IDs exist, every
    file of analysis/rules/ has an entry, and every ID of Analysis.def but
    the attributes' belongs to one rule;
  * frontend/Steps.def: each step has a row in docs/development.md.

  registries.py --root <source tree> [--diagnostics-md FILE] [--tests-dir DIR]

Prints one line per problem and a summary; exit status 1 when there is a
problem, 2 on a usage problem. The two overrides let the test prove that
the check fails (an ID left undocumented, or untested).
"""
import argparse
import os
import re
import sys

DIAG = re.compile(r'PURECC_DIAG\(\s*(\w+)\s*,\s*(\w+)\s*,\s*"([^"]*)"')
RUNTIME_DIAG = re.compile(r'PURECC_RUNTIME_DIAG\(\s*(\w+)\s*,\s*"([^"]*)"')
TRANSFORM = re.compile(r'^PURECC_TRANSFORM\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)',
                       re.M)
RULE = re.compile(r'^PURECC_RULE\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)', re.M)
RULE_PART = re.compile(
    r'^PURECC_RULE_PART\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\)',
    re.M)
STEP = re.compile(r'^PURECC_STEP\(\s*(\w+)\s*,\s*"([^"]*)"', re.M)
PRINTED_ID = re.compile(r'\[(purecc-[a-z0-9-]+)\]')
OWNERS = ("Analysis", "Codegen", "Frontend")


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def joined(text):
    """The text with each macro call on one line (entries span lines)."""
    return re.sub(r',\s*\n\s*', ', ', text)


def read_def(path):
    """A .def file without its comment lines (which show the format)."""
    return "\n".join(l for l in read(path).splitlines() if not l.lstrip().startswith("//"))


def source_files(root, folders, endings=(".h", ".cpp", ".def")):
    for folder in folders:
        for base, dirs, files in os.walk(os.path.join(root, folder)):
            dirs[:] = [d for d in dirs if d != "build"]
            for name in files:
                if name.endswith(endings):
                    yield os.path.join(base, name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--diagnostics-md")
    ap.add_argument("--tests-dir")
    args = ap.parse_args()
    root = args.root
    if not os.path.isfile(os.path.join(root, "diagnostics", "Diagnostics.def")):
        print(f"registries.py: '{root}' is not purecc's source tree", file=sys.stderr)
        return 2
    docs_md = args.diagnostics_md or os.path.join(root, "docs", "diagnostics.md")
    tests_dir = args.tests_dir or os.path.join(root, "test")
    problems = []

    # --- Diagnostics --------------------------------------------------------
    umbrella = read(os.path.join(root, "diagnostics", "Diagnostics.def"))
    ids = {}  # id -> owner
    for owner in OWNERS:
        if f'#include "{owner}.def"' not in umbrella:
            problems.append(f"diagnostics/Diagnostics.def does not include {owner}.def")
        for _, _, ident in DIAG.findall(read_def(os.path.join(root, "diagnostics", owner + ".def"))):
            if ident:
                ids.setdefault(ident, owner)
    for _, ident in RUNTIME_DIAG.findall(read_def(os.path.join(root, "diagnostics", "Runtime.def"))):
        ids.setdefault(ident, "Runtime")

    sections = set(re.findall(r"^### (purecc-[a-z0-9-]+)\s*$", read(docs_md), re.M))
    for ident in sorted(ids):
        if ident not in sections:
            problems.append(f"{ident}: not documented (no '### {ident}' in docs/diagnostics.md)")
    for ident in sorted(sections - set(ids)):
        problems.append(f"{ident}: documented in docs/diagnostics.md but in no diagnostics/*.def")

    this = os.path.realpath(__file__)
    test_text = []
    for base, dirs, files in os.walk(tests_dir):
        for name in files:
            path = os.path.join(base, name)
            if os.path.realpath(path) != this:
                test_text.append(read(path))
    test_text = "\n".join(test_text)
    for ident in sorted(ids):
        if f"[{ident}]" not in test_text and f'"{ident}"' not in test_text:
            problems.append(f"{ident}: not exercised by any test (no '[{ident}]' under test/)")

    for path in source_files(root, ("frontend", "runtime", "codegen", "analysis")):
        for ident in PRINTED_ID.findall(read(path)):
            if ident not in ids:
                problems.append(f"{ident}: printed by {os.path.relpath(path, root)} but in no "
                                "diagnostics/*.def")

    # --- Transformations ------------------------------------------------------
    codegen_md = read(os.path.join(root, "docs", "codegen.md"))
    transforms = TRANSFORM.findall(joined(read_def(os.path.join(root, "codegen", "transforms",
                                                            "Transforms.def"))))
    for name, spelling, test, owned in transforms:
        for ext in (".h", ".cpp"):
            if not os.path.isfile(os.path.join(root, "codegen", "transforms", name + ext)):
                problems.append(f"transformation {name}: no codegen/transforms/{name}{ext}")
        if not os.path.isfile(os.path.join(root, test)):
            problems.append(f"transformation {name}: no test {test}")
        if not re.search(rf"^## {re.escape(spelling)}:", codegen_md, re.M):
            problems.append(f"transformation {name}: no section '## {spelling}: ...' in docs/codegen.md")
        for ident in owned.split():
            if ids.get(ident) != "Codegen":
                problems.append(f"transformation {name}: {ident} is not in diagnostics/Codegen.def")
    for f in sorted(os.listdir(os.path.join(root, "codegen", "transforms"))):
        if f.endswith(".cpp") and f[:-4] not in {t[0] for t in transforms}:
            problems.append(f"codegen/transforms/{f}: no entry in Transforms.def")

    # --- Rules ----------------------------------------------------------------
    purity_md = read(os.path.join(root, "docs", "purity.md"))
    rules_def = joined(read_def(os.path.join(root, "analysis", "rules", "Rules.def")))
    owner_of = {}
    entries = [(n, s, os.path.join("analysis", "rules", n + ".cpp"), t, i)
               for n, s, t, i in RULE.findall(rules_def)]
    entries += [(n, s, os.path.join("analysis", f), t, i) for n, s, f, t, i in RULE_PART.findall(rules_def)]
    for name, section, path, test, owned in entries:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f"rule {name}: no {path}")
        elif path.startswith(os.path.join("analysis", "rules")):
            if not os.path.isfile(os.path.join(root, path[:-4] + ".h")):
                problems.append(f"rule {name}: no {path[:-4]}.h")
            if f"make{name}Rule()" not in read(os.path.join(root, path)):
                problems.append(f"rule {name}: {path} does not define make{name}Rule()")
        if not re.search(rf"^### {re.escape(section)}:", purity_md, re.M):
            problems.append(f"rule {name}: no section '### {section}: ...' in docs/purity.md")
        if not os.path.isfile(os.path.join(root, test)):
            problems.append(f"rule {name}: no test {test}")
        for ident in owned.split():
            if ids.get(ident) != "Analysis":
                problems.append(f"rule {name}: {ident} is not in diagnostics/Analysis.def")
            elif ident in owner_of:
                problems.append(f"{ident}: owned by two rules, {owner_of[ident]} and {name}")
            owner_of[ident] = name
    for f in sorted(os.listdir(os.path.join(root, "analysis", "rules"))):
        if f.endswith(".cpp") and f[:-4] not in {e[0] for e in entries}:
            problems.append(f"analysis/rules/{f}: no entry in Rules.def")
    for ident, owner in sorted(ids.items()):
        if owner == "Analysis" and not ident.startswith("purecc-attribute-") and ident not in owner_of:
            problems.append(f"{ident}: in diagnostics/Analysis.def but no rule of Rules.def owns it")

    # --- Steps ----------------------------------------------------------------
    development_md = read(os.path.join(root, "docs", "development.md"))
    steps = STEP.findall(read_def(os.path.join(root, "frontend", "Steps.def")))
    for name, spelling in steps:
        if not re.search(rf"^\| {re.escape(spelling)} \|", development_md, re.M):
            problems.append(f"step {spelling}: no row in docs/development.md ('The pipeline')")

    for p in problems:
        print(p)
    print(f"{len(ids)} diagnostic IDs, {len(transforms)} transformations, {len(entries)} rules, "
          f"{len(steps)} steps: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
