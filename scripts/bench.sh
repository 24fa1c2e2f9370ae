#!/usr/bin/env bash
# Times whole-process conversions of resumeconv side by side with pandoc on the same machine
# and prints the ratios. Usage: scripts/bench.sh [RUNS]   (release build; pandoc on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
bin=target/release/resumeconv
[ -x "$bin" ] || cargo build --release -q
command -v pandoc >/dev/null || { echo "bench.sh: pandoc is not installed" >&2; exit 1; }
input=samples/priya-raman.md
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Average wall-clock milliseconds of a command over $runs runs.
time_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000 ))
}

row() { # label, ours (µs), pandoc (µs)
  awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN { printf "| %-34s | %8.1f ms | %8.1f ms | %6.1f× |\n", l, a/1000, b/1000, (a > 0 ? b/a : 0) }'
}

echo "| conversion ($input, $runs runs)     | resumeconv |     pandoc | faster |"
echo "|------------------------------------|------------|------------|--------|"
ours=$(time_ms "$bin" "$input" -o "$out/a.docx")
theirs=$(time_ms pandoc "$input" -o "$out/b.docx")
row "Markdown → DOCX" "$ours" "$theirs"
ours=$(time_ms "$bin" "$input" -o "$out/a.md")
theirs=$(time_ms pandoc "$input" -t commonmark -o "$out/b.md")
row "Markdown → Markdown" "$ours" "$theirs"
ours=$(time_ms "$bin" "$input" -o "$out/a.json")
theirs=$(time_ms pandoc "$input" -t plain -o "$out/b.txt")
row "Markdown → JSON (pandoc: plain text)" "$ours" "$theirs"
theirs=$(time_ms pandoc "$input" -t html -o "$out/b.html")
row "Markdown → PDF (pandoc: HTML)" "$(time_ms "$bin" "$input" -o "$out/a.pdf")" "$theirs"
