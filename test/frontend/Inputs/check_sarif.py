"""Checks that stdin is a SARIF 2.1.0 log with the fields GitHub code scanning
requires (and purecc promises), then prints a compact summary for FileCheck:

  tool purecc <version> rules=<n>
  result <level> <ruleId> <uri>:<startLine>:<startColumn>-<endLine>:<endColumn> | <message>
    related <uri>:<line>:<column> | <message>
    fix <uri>:<l>:<c>-<l>:<c>=<json text>

Exits 1, naming the problem, on the first violation."""
import json
import sys


def fail(why):
    sys.exit("invalid SARIF: " + why)


def need(obj, key, kind, where):
    if not isinstance(obj, dict) or key not in obj:
        fail("%s has no '%s'" % (where, key))
    if not isinstance(obj[key], kind):
        fail("%s.%s is not a %s" % (where, key, kind.__name__))
    return obj[key]


def region(r, where):
    for k in ("startLine", "startColumn", "endLine", "endColumn"):
        v = need(r, k, int, where)
        if v < 1:
            fail("%s.%s < 1" % (where, k))
    if (r["endLine"], r["endColumn"]) < (r["startLine"], r["startColumn"]):
        fail("%s ends before it starts" % where)
    return "%d:%d-%d:%d" % (r["startLine"], r["startColumn"], r["endLine"], r["endColumn"])


def artifact(a, bases, where):
    uri = need(a, "uri", str, where)
    if not uri:
        fail(where + ".uri is empty")
    if "uriBaseId" in a:
        if a["uriBaseId"] not in bases:
            fail("%s.uriBaseId '%s' is not in originalUriBaseIds" % (where, a["uriBaseId"]))
        if uri.startswith("/") or ":" in uri.split("/")[0]:
            fail("%s.uri '%s' must be relative to its uriBaseId" % (where, uri))
    elif not uri.startswith("file:///"):
        fail("%s.uri '%s' is neither relative nor a file URI" % (where, uri))
    return uri


def physical(p, bases, where):
    uri = artifact(need(p, "artifactLocation", dict, where), bases, where + ".artifactLocation")
    return uri + ":" + region(need(p, "region", dict, where), where + ".region")


log = json.load(sys.stdin)
if need(log, "version", str, "log") != "2.1.0":
    fail("version is not 2.1.0")
if "sarif" not in need(log, "$schema", str, "log"):
    fail("$schema does not name SARIF")
runs = need(log, "runs", list, "log")
if len(runs) != 1:
    fail("expected exactly one run, got %d" % len(runs))
run = runs[0]
driver = need(need(run, "tool", dict, "run"), "driver", dict, "run.tool")
rules = need(driver, "rules", list, "driver")
ids = []
for i, rule in enumerate(rules):
    ids.append(need(rule, "id", str, "rules[%d]" % i))
    need(need(rule, "shortDescription", dict, "rules[%d]" % i), "text", str, "rules[%d].shortDescription" % i)
if len(set(ids)) != len(ids):
    fail("rule ids are not unique")
bases = run.get("originalUriBaseIds", {})
for name, base in bases.items():
    if not need(base, "uri", str, "originalUriBaseIds." + name).endswith("/"):
        fail("originalUriBaseIds.%s.uri must end with '/'" % name)
print("tool %s %s rules=%d" % (need(driver, "name", str, "driver"), need(driver, "version", str, "driver"), len(rules)))

for i, res in enumerate(need(run, "results", list, "run")):
    w = "results[%d]" % i
    rule = need(res, "ruleId", str, w)
    if rule not in ids:
        fail("%s.ruleId '%s' is not a rule of the driver" % (w, rule))
    if "ruleIndex" in res and ids[res["ruleIndex"]] != rule:
        fail("%s.ruleIndex does not point at '%s'" % (w, rule))
    level = need(res, "level", str, w)
    if level not in ("error", "warning", "note", "none"):
        fail("%s.level '%s'" % (w, level))
    text = need(need(res, "message", dict, w), "text", str, w + ".message")
    locs = res.get("locations", [])
    where = ",".join(physical(need(l, "physicalLocation", dict, w + ".locations[]"), bases, w + ".locations[]")
                     for l in locs) or "-"
    print("result %s %s %s | %s" % (level, rule, where, text))
    for j, rel in enumerate(res.get("relatedLocations", [])):
        rw = "%s.relatedLocations[%d]" % (w, j)
        msg = need(need(rel, "message", dict, rw), "text", str, rw + ".message")
        at = physical(rel["physicalLocation"], bases, rw) if "physicalLocation" in rel else "-"
        print("  related %s | %s" % (at, msg))
    for j, fix in enumerate(res.get("fixes", [])):
        fw = "%s.fixes[%d]" % (w, j)
        for k, change in enumerate(need(fix, "artifactChanges", list, fw)):
            cw = "%s.artifactChanges[%d]" % (fw, k)
            uri = artifact(need(change, "artifactLocation", dict, cw), bases, cw)
            for m, rep in enumerate(need(change, "replacements", list, cw)):
                rw = "%s.replacements[%d]" % (cw, m)
                reg = region(need(rep, "deletedRegion", dict, rw), rw + ".deletedRegion")
                new = need(rep.get("insertedContent", {"text": ""}), "text", str, rw + ".insertedContent")
                print("  fix %s:%s=%s" % (uri, reg, json.dumps(new)))
