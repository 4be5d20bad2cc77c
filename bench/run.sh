#!/usr/bin/env bash
# Whole-tree benchmark of `factlint check` on 10,000 Markdown articles built from the real
# news in ../shared/eval/news, beside chrono-node's extraction on the same corpus.
# Not a test: it prints figures to record in docs/benchmarks.md.
#
# usage: bench/run.sh [EVAL_NEWS_DIR] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
news=${1:-../shared/eval/news}
work=${2:-$(mktemp -d)}
bin=target/release/factlint

cargo build --release --quiet
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "factlint $($bin --version | cut -d' ' -f2), corpus in $work"

make() { [ -d "$work/c$1" ] || python3 bench/make_corpus.py "$news" "$work/c$1" "$1"; }
make 10000
bytes=$(cat "$work"/c10000/*/*.md | wc -c)
echo "corpus: 10000 files, $bytes bytes"

# One run: wall seconds and peak RSS in KB.
measure() {
  local threads=$1 dir=$2
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" check --no-config --format json --threads "$threads" "$dir" >/dev/null || true
  tail -n 1 "$work/time"
}

cold_possible=no
if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold_possible=yes; fi

echo
echo "| cache | threads | wall s (best of 3) | MB/s | peak RSS MB |"
echo "|---|---|---|---|---|"
for threads in 1 2; do
  if [ $cold_possible = yes ]; then
    sync; echo 3 >/proc/sys/vm/drop_caches
    read -r wall rss < <(measure "$threads" "$work/c10000")
    echo "| cold | $threads | $wall | $(echo "$bytes / $wall / 1000000" | bc -l | xargs printf '%.1f') | $((rss / 1024)) |"
  fi
  measure "$threads" "$work/c10000" >/dev/null # warm the cache
  best=""
  for _ in 1 2 3; do
    read -r wall rss < <(measure "$threads" "$work/c10000")
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; best_rss=$rss; fi
  done
  echo "| warm | $threads | $best | $(echo "$bytes / $best / 1000000" | bc -l | xargs printf '%.1f') | $((best_rss / 1024)) |"
done
[ $cold_possible = yes ] || echo "(cold cache not measured: /proc/sys/vm/drop_caches is not writable here)"

echo
echo "memory as the corpus grows (2 threads):"
echo "| files | peak RSS MB |"
echo "|---|---|"
for n in 1000 5000 20000; do
  make "$n"
  read -r _ rss < <(measure 2 "$work/c$n")
  echo "| $n | $((rss / 1024)) |"
done

echo
if [ ! -d "$work/chrono/node_modules/chrono-node" ]; then
  mkdir -p "$work/chrono"
  (cd "$work/chrono" && npm install --silent --no-audit --no-fund chrono-node@2 >/dev/null)
fi
chrono=$(NODE_PATH="$work/chrono/node_modules" node bench/chrono_extract.js "$work/c10000")
echo "$chrono"
factlint_1=$( { /usr/bin/time -f "%e" "$bin" check --no-config --format json --threads 1 "$work/c10000" >/dev/null || true; } 2>&1 | tail -1)
factlint_2=$( { /usr/bin/time -f "%e" "$bin" check --no-config --format json --threads 2 "$work/c10000" >/dev/null || true; } 2>&1 | tail -1)
chrono_s=$(echo "$chrono" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
echo "same run: chrono-node (extraction only, 1 thread) ${chrono_s}s; factlint (full pipeline) ${factlint_1}s on 1 thread, ${factlint_2}s on 2"
echo "ratio: $(echo "$chrono_s / $factlint_1" | bc -l | xargs printf '%.1f')x thread for thread, $(echo "$chrono_s / $factlint_2" | bc -l | xargs printf '%.1f')x on the machine's 2 cores"
