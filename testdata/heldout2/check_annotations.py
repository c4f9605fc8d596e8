#!/usr/bin/env python3
"""Sanity check for the heldout2 annotations (not part of any rule logic).

Every `// want <rule> "<text>"` line must follow a text line (possibly after
other `// want` lines belonging to the same text line), name a known rule, and
quote text that occurs verbatim on that text line. Prints per-rule counts.
"""
import collections, glob, os, re, sys

RULES = {"missing-space", "mt-fingerprint", "boilerplate", "duplicate-line",
         "repeated-word", "name-consistency", "fused-words", "spliced-fragment",
         "sentence-fragment", "quotes", "brackets", "tortured-phrase", "encoding"}
WANT = re.compile(r'^// want ([a-z-]+) "(.*)"$')

here = os.path.dirname(os.path.abspath(__file__))
bad = 0
total = collections.Counter()
for path in sorted(glob.glob(os.path.join(here, "*.txt"))):
    lines = open(path, encoding="utf-8").read().split("\n")
    per = collections.Counter()
    target = None
    for i, line in enumerate(lines, 1):
        if line.startswith("// want"):
            m = WANT.match(line)
            if not m:
                print(f"{path}:{i}: malformed annotation"); bad += 1; continue
            rule, text = m.groups()
            if rule not in RULES:
                print(f"{path}:{i}: unknown rule {rule}"); bad += 1
            if target is None or text not in target:
                print(f"{path}:{i}: {text!r} not on the text line above"); bad += 1
            per[rule] += 1
        else:
            target = line if line.strip() else None
    total += per
    print(os.path.basename(path), sum(per.values()), dict(sorted(per.items())))
print("TOTAL", sum(total.values()), dict(sorted(total.items())))
sys.exit(1 if bad else 0)
