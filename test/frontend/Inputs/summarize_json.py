"""Reads purecc's --diagnostics-format=json document on stdin and prints one
line per diagnostic and per note, so tests can FileCheck them compactly:

  error purecc-attribute-subject one.cpp:1:3 ranges=1:3-1:7 fixits=
    note - one.cpp:2:5 ...

It fails (exit 1) if the document is not valid JSON or lacks a field that
every diagnostic must have."""
import json
import os
import sys

FIELDS = ("level", "message", "id", "file", "line", "column", "ranges", "fixits")


def where(d):
    if d["file"] is None:
        return "-"
    return "%s:%d:%d" % (os.path.basename(d["file"]), d["line"], d["column"])


def pos(p):
    return "%d:%d" % (p["line"], p["column"])


def line(d, indent):
    missing = [f for f in FIELDS if f not in d]
    if missing:
        sys.exit("diagnostic without %s: %r" % (missing, d))
    ranges = ",".join(pos(r["start"]) + "-" + pos(r["end"]) for r in d["ranges"])
    fixits = ",".join("%s-%s=%s" % (pos(f["start"]), pos(f["end"]), json.dumps(f["replacement"]))
                      for f in d["fixits"])
    print("%s%s %s %s ranges=%s fixits=%s | %s" % (
        indent, d["level"], d["id"] or "-", where(d), ranges, fixits, d["message"]))


doc = json.load(sys.stdin)
assert doc["tool"] == "purecc", doc
print("version", doc["version"])
for d in doc["diagnostics"]:
    line(d, "")
    if d["level"] == "note" or "notes" not in d:
        sys.exit("a top-level diagnostic must be a non-note with notes[]: %r" % d)
    for n in d["notes"]:
        line(n, "  ")
print("total", len(doc["diagnostics"]))
