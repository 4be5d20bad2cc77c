#!/usr/bin/env python3
"""Recall probes: news sentences with exactly one deliberate slip each, one file per rule.

Usage: python3 tests/probes/recall/run.py [BIN] [SUITE.txt ...] [-v]
BIN defaults to target/release/factlint; suites default to every *.txt beside this script. A probe is
`### id lang published rule-id expected span text` followed by its text. Each probe is
written as a Markdown article and checked with the example facts file (JSON report). A probe is
  CAUGHT      the expected rule fires with a label whose text contains the expected text
              (CAUGHT~ when the label is only a part of the expected text, e.g. a surname);
  WRONG-SPAN  the expected rule fires, but no label matches the expected text;
  MISSED      the expected rule does not fire.
Other rules firing on a probe are listed as well ("also:").  -v prints the timeline of misses.
"""
import collections, glob, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv[1:]
root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
binary = args.pop(0) if args and not args[0].endswith(".txt") else os.path.join(root, "target/release/factlint")
suites = args or sorted(glob.glob(os.path.join(here, "*.txt")))
facts = os.path.join(root, "facts/example.toml")


def norm(s):
    return " ".join(s.replace("\u00a0", " ").split()).lower()


def load(path):
    probes, cur = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            pid, lang, date, rule, expected = line[4:].rstrip("\n").split(" ", 4)
            cur = dict(id=pid, lang=lang, date=date, rule=rule, expected=expected, body=[])
            probes.append(cur)
        elif cur is not None:
            cur["body"].append(line)
    return probes


def classify(p, diags):
    exp = norm(p["expected"])
    mine = [d for d in diags if d["rule"] == p["rule"]]
    others = [d for d in diags if d["rule"] != p["rule"]]
    if not mine:
        return "MISSED", None, others
    best = None
    for d in mine:
        for lab in sorted(d["labels"], key=lambda l: not l["primary"]):
            t = norm(lab["text"])
            if exp in t:
                return ("CAUGHT" if lab["primary"] else "CAUGHT(secondary)"), d, others
            if len(t) >= 3 and t in exp and best is None:
                best = ("CAUGHT~" if lab["primary"] else "CAUGHT~(secondary)", d)
    if best:
        return best[0], best[1], others
    return "WRONG-SPAN", mine[0], others


def main():
    totals = collections.OrderedDict()
    langs = collections.Counter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for suite in suites:
            for p in load(suite):
                path = os.path.join(tmp, f"{p['id']}.md")
                text = "".join(p["body"]).strip()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(f"---\ndate: {p['date']}\nlang: {p['lang']}\n---\n\n{text}\n")
                out = subprocess.run([binary, "check", "--no-config", "--facts", facts, "--format", "json",
                                      path], capture_output=True, text=True).stdout
                rep = json.loads(out)
                diags = rep["files"][0]["diagnostics"]
                verdict, d, others = classify(p, diags)
                langs[p["lang"]] += 1
                t = totals.setdefault(p["rule"], collections.Counter())
                t["n"] += 1
                t[verdict.split("(")[0].rstrip("~")] += 1
                rows.append((p, verdict))
                line = f"{verdict:<19} {p['id']:<5} {p['lang']} {p['date']} {p['rule']}  expect «{p['expected']}»"
                if d is not None:
                    line += "  got: " + " | ".join(f"«{l['text']}»{'*' if l['primary'] else ''}" for l in d["labels"])
                print(line)
                if others:
                    print("      also: " + "; ".join(f"{o['rule']} «{[l['text'] for l in o['labels'] if l['primary']][0]}»" for o in others))
                if verdict == "MISSED" or verdict == "WRONG-SPAN":
                    print("      text: " + text.replace("\n", " ⏎ ")[:300])
                    if verbose:
                        tl = subprocess.run([binary, "timeline", path], capture_output=True, text=True).stdout
                        for l in tl.splitlines()[1:]:
                            print("      | " + l)
    print()
    print(f"{'rule':<45} {'n':>3} {'caught':>6} {'wrong':>5} {'missed':>6}")
    agg = collections.Counter()
    for rule, t in totals.items():
        print(f"{rule:<45} {t['n']:>3} {t['CAUGHT']:>6} {t['WRONG-SPAN']:>5} {t['MISSED']:>6}")
        agg.update(t)
    print(f"{'TOTAL':<45} {agg['n']:>3} {agg['CAUGHT']:>6} {agg['WRONG-SPAN']:>5} {agg['MISSED']:>6}")
    print("languages:", dict(langs))


main()
