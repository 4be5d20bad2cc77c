#!/usr/bin/env python3
"""Red-team probes: correct news sentences a checker might misread, one suite per file.

Usage: python3 tests/probes/run.py [BIN] [SUITE.txt ...]
BIN defaults to target/release/factlint; suites default to every *.txt here. A suite holds
probes as `### name lang published-date` lines, each followed by its text. Every probe is
written as a Markdown article to a temporary folder and checked with the example facts file;
the script prints each probe that draws a diagnostic, then per-suite counts. Not a test: see
README.md for what still fires and why.
"""
import glob, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
args = sys.argv[1:]
binary = args.pop(0) if args and not args[0].endswith(".txt") else os.path.join(root, "target/release/factlint")
suites = args or sorted(glob.glob(os.path.join(here, "*.txt")))
facts = os.path.join(root, "facts/example.toml")
total = fired = 0
with tempfile.TemporaryDirectory() as tmp:
    for suite in suites:
        probes, cur = [], None
        for line in open(suite, encoding="utf-8"):
            if line.startswith("### "):
                name, lang, date = line[4:].split()
                cur = [name, lang, date, []]
                probes.append(cur)
            elif cur is not None:
                cur[3].append(line)
        hits = 0
        for name, lang, date, body in probes:
            path = os.path.join(tmp, f"{name}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"---\ndate: {date}\nlang: {lang}\n---\n\n{''.join(body).strip()}\n")
            out = subprocess.run([binary, "check", "--no-config", "--facts", facts, "--format", "short",
                                  "--color", "never", path], capture_output=True, text=True).stdout
            lines = [l for l in out.splitlines() if l.strip() and "errors," not in l]
            if lines:
                hits += 1
                print(f"FIRE {os.path.basename(suite)}:{name} [{lang} {date}]")
                for l in lines:
                    print("     ", l.replace(tmp + "/", ""))
        total += len(probes)
        fired += hits
        print(f"== {os.path.basename(suite)}: {hits} of {len(probes)} fire")
print(f"probes={total} fired={fired}")
