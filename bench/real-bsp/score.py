#!/usr/bin/env python3
"""Scores cemap's SARIF on the development trees against the project's own labels.

    score.py [--list] TREE=REPORT.sarif ...   (TREE+FOLDER=REPORT.sarif for a folder inside a tree)

Reads, beside this script:
  labels.tsv    real defects and clean look-alikes found by reading the code, without cemap:
                tree, path, line, rule, verdict (defect | clean | unsure), reason
  reviewed*.tsv cemap's findings read against the code (reviewed.tsv and every other file whose
                name starts with "reviewed" and ends in ".tsv", e.g. one per review):
                tree, path, line, rule, verdict (right | wrong), reason

Prints, per rule and in all:
  recall     labelled defects reported anywhere (a result of the rule whose location, related
             locations or flow name the labelled line) and on the labelled line;
  clean      labelled look-alikes reported on their line (must be none);
  precision  of the reviewed findings still reported, how many were judged right;
  unreviewed findings, so that a review can follow a change.

Exit status 1 when a finding judged wrong, or a labelled clean site, is reported above level note
(notes are where rules below the precision bar report; --list shows their wrong findings too),
else 0.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_tsv(name):
    rows = []
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        header = f.readline()
        while header.startswith("#"):  # comments above the header
            header = f.readline()
        header = header.rstrip("\n").split("\t")
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    return rows


def reviewed_files():
    """reviewed.tsv and the other reviewed*.tsv beside this script, in name order."""
    return sorted(name for name in os.listdir(HERE) if name.startswith("reviewed") and name.endswith(".tsv"))


def results(tree, sarif_path, prefix=""):
    """(tree, path, line, rule) of each result, with every line it names (locations, related, flows).

    prefix: the scanned folder inside the tree ("EVM_OMAP3530/"), whose results name paths from there."""
    with open(sarif_path, encoding="utf-8") as f:
        log = json.load(f)
    found = []
    for run in log["runs"]:
        for result in run.get("results", []):
            if result.get("suppressions"):
                continue
            physical = result["locations"][0]["physicalLocation"]
            uri = prefix + physical["artifactLocation"]["uri"].replace("%20", " ")
            line = physical["region"]["startLine"]
            named = {(uri, line)}
            places = list(result.get("relatedLocations", []))
            for flow in result.get("codeFlows", []):
                for thread in flow.get("threadFlows", []):
                    places += [step["location"] for step in thread.get("locations", [])]
            for place in places:
                p = place.get("physicalLocation")
                if p and "region" in p:
                    named.add((prefix + p["artifactLocation"]["uri"].replace("%20", " "), p["region"]["startLine"]))
            found.append({"key": (tree, uri, line, result["ruleId"]), "named": named,
                          "message": result["message"]["text"], "level": result.get("level", "warning")})
    return found


def main(argv):
    listing = "--list" in argv
    reports = [a for a in argv if "=" in a]
    if not reports:
        print(__doc__)
        return 2
    findings = []
    scanned = []  # (tree, folder inside it or "")
    for report in reports:
        name, path = report.split("=", 1)
        tree, _, inside = name.partition("+")
        prefix = inside.replace("+", "/") + "/" if inside else ""
        scanned.append((tree, prefix))
        findings += results(tree, path, prefix)
    labels = [l for l in read_tsv("labels.tsv")
              if any(l["tree"] == tree and l["path"].startswith(prefix) for tree, prefix in scanned)]
    reviewed = {(r["tree"], r["path"], int(r["line"]), r["rule"]): r
                for name in reviewed_files() for r in read_tsv(name)}

    on_line = {f["key"] for f in findings}
    levels = collections.defaultdict(set)
    for f in findings:
        levels[f["key"]].add(f["level"])
    anywhere = collections.defaultdict(set)
    for f in findings:
        tree, _, _, rule = f["key"]
        for uri, line in f["named"]:
            anywhere[(tree, uri, rule)].add(line)

    recall = collections.defaultdict(lambda: [0, 0, 0])  # defects, anywhere, on the line
    missed, clean_reported = [], []
    for label in labels:
        key = (label["tree"], label["path"], int(label["line"]), label["rule"])
        if label["verdict"] == "defect":
            counts = recall[label["rule"]]
            counts[0] += 1
            if int(label["line"]) in anywhere[(label["tree"], label["path"], label["rule"])]:
                counts[1] += 1
            else:
                missed.append(label)
            if key in on_line:
                counts[2] += 1
        elif label["verdict"] == "clean" and key in on_line:
            clean_reported.append((label, max(levels[key], key=LEVELS.index)))

    precision = collections.defaultdict(lambda: [0, 0])  # reviewed, right
    wrong_back, unreviewed = [], []
    for f in findings:
        review = reviewed.get(f["key"])
        if review is None:
            unreviewed.append(f)
            continue
        counts = precision[f["key"][3]]
        counts[0] += 1
        if review["verdict"] == "right":
            counts[1] += 1
        else:
            wrong_back.append((f, review))

    total = [sum(c[i] for c in recall.values()) for i in range(3)]
    print(f"labelled defects: {total[0]}; reported anywhere: {total[1]} ({pct(total[1], total[0])}); "
          f"on the labelled line: {total[2]} ({pct(total[2], total[0])})")
    for rule, (n, any_, line) in sorted(recall.items()):
        print(f"  {rule}: {any_}/{n} anywhere, {line}/{n} on the line")
    print(f"clean look-alikes: {sum(1 for l in labels if l['verdict'] == 'clean')}; reported: {len(clean_reported)}")
    for label, level in clean_reported:
        print(f"  CLEAN SITE REPORTED ({level}) {label['tree']}/{label['path']}:{label['line']} {label['rule']}: "
              f"{label['reason']}")
    print(f"findings: {len(findings)}; reviewed: {len(findings) - len(unreviewed)}; unreviewed: {len(unreviewed)}")
    by_rule = collections.Counter(f["key"][3] for f in findings)
    for rule in sorted(by_rule):
        n, right = precision.get(rule, [0, 0])
        print(f"  {rule}: {by_rule[rule]} findings, {right}/{n} reviewed right ({pct(right, n)})")
    shown_wrong = [(f, review) for f, review in wrong_back if f["level"] != "note"]
    print(f"findings judged wrong: {len(wrong_back)}, of which above level note: {len(shown_wrong)}")
    for f, review in wrong_back if listing else shown_wrong:
        tree, path, line, rule = f["key"]
        print(f"  WRONG FINDING BACK ({f['level']}) {tree}/{path}:{line} {rule}: {review['reason']}")
    if listing:
        for label in missed:
            print(f"  missed {label['tree']}/{label['path']}:{label['line']} {label['rule']}: {label['reason'][:120]}")
        for f in unreviewed:
            tree, path, line, rule = f["key"]
            print(f"  unreviewed {tree}\t{path}\t{line}\t{rule}\t{f['message'][:160]}")
    # Notes are where rules below the precision bar report: their known wrong findings are
    # listed (--list), not failed on. A wrong finding or a clean site above note fails.
    return 1 if shown_wrong or any(level != "note" for _, level in clean_reported) else 0


LEVELS = ["none", "note", "warning", "error"]


def pct(part, whole):
    return f"{100 * part / whole:.0f}%" if whole else "-"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
