#!/usr/bin/env python3
"""Writes N Markdown articles (front matter + text) built from the real news in
../shared/eval/news/*.jsonl, cycling through them, into DIR/NN/NNNNN.md.

usage: make_corpus.py EVAL_NEWS_DIR OUT_DIR N
"""
import json
import os
import sys

news, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = []
for name in sorted(os.listdir(news)):
    if name.endswith(".jsonl"):
        with open(os.path.join(news, name), encoding="utf-8") as f:
            articles.extend(json.loads(line) for line in f if line.strip())
if not articles:
    sys.exit(f"no articles in {news}")
for i in range(n):
    a = articles[i % len(articles)]
    sub = os.path.join(out, f"{i // 1000:02d}")
    os.makedirs(sub, exist_ok=True)
    head = "---\n" + (f"date: {a['dct']}\n" if a.get("dct") else "") + f"lang: {a['lang']}\n---\n"
    with open(os.path.join(sub, f"{i:05d}.md"), "w", encoding="utf-8") as f:
        f.write(head + a["text"] + "\n")
