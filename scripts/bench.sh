#!/usr/bin/env bash
# Times whole-process conversions of resumeconv side by side with pandoc in one run (so the
# ratio holds on a noisy machine) and prints medians and ratios as a Markdown table.
# Usage: scripts/bench.sh [RUNS]   (release build; pandoc and hyperfine on PATH)
# Each run writes a new file (the output is removed before it): replacing a file costs an
# fsync, which resumeconv does to keep the old file safe and pandoc does not.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
bin=$PWD/target/release/resumeconv
[ -x "$bin" ] || cargo build --release -q
for tool in pandoc hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is not installed" >&2; exit 1; }
done
md=samples/priya-raman.md
txt=samples/lena-fischer.txt
json=samples/ana-lindqvist.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# median_ms PREPARE COMMAND...: the median wall-clock milliseconds of COMMAND.
median_ms() {
  local prepare=$1
  shift
  hyperfine -N -w 3 -r "$runs" --prepare "$prepare" --export-json "$out/h.json" "$*" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$out/h.json"
}

# peak_mib COMMAND...: the largest resident set of COMMAND, in MiB.
peak_mib() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
}

row() { # label, ours (ms), pandoc (ms) or -, peak (MiB)
  if [ "$3" = "-" ]; then
    printf '| %-30s | %7s ms | %10s | %6s | %5s MiB |\n' "$1" "$2" "" "" "$4"
  else
    awk -v l="$1" -v a="$2" -v b="$3" -v m="$4" 'BEGIN { printf "| %-30s | %7.1f ms | %7.1f ms | %5.1f× | %5s MiB |\n", l, a, b, b/a, m }'
  fi
}

echo "| conversion ($runs runs, median) | resumeconv |     pandoc | faster |      peak |"
echo "|--------------------------------|------------|------------|--------|-----------|"
rm_out="rm -f $out/a.* $out/b.*"
row "Markdown → DOCX" "$(median_ms "$rm_out" "$bin" "$md" -o "$out/a.docx")" \
  "$(median_ms "$rm_out" pandoc "$md" -o "$out/b.docx")" "$(peak_mib "$bin" "$md" -o "$out/p.docx")"
row "Markdown → Markdown" "$(median_ms "$rm_out" "$bin" "$md" -o "$out/a.md")" \
  "$(median_ms "$rm_out" pandoc "$md" -t commonmark -o "$out/b.md")" "$(peak_mib "$bin" "$md" -t md)"
row "Markdown → JSON (pandoc: plain)" "$(median_ms "$rm_out" "$bin" "$md" -o "$out/a.json")" \
  "$(median_ms "$rm_out" pandoc "$md" -t plain -o "$out/b.txt")" "$(peak_mib "$bin" "$md" -t json)"
row "Markdown → PDF (pandoc: HTML)" "$(median_ms "$rm_out" "$bin" "$md" -o "$out/a.pdf")" \
  "$(median_ms "$rm_out" pandoc "$md" -t html -o "$out/b.html")" "$(peak_mib "$bin" "$md" -o "$out/p.pdf")"
row "text → JSON" "$(median_ms "$rm_out" "$bin" "$txt" -o "$out/a.json")" - "$(peak_mib "$bin" "$txt" -t json)"
row "JSON → PDF" "$(median_ms "$rm_out" "$bin" "$json" -o "$out/a.pdf")" - "$(peak_mib "$bin" "$json" -o "$out/q.pdf")"
row "JSON → JSON" "$(median_ms "$rm_out" "$bin" "$json" -o "$out/a.json")" - "$(peak_mib "$bin" "$json" -t json)"
row "--version" "$(median_ms true "$bin" --version)" - "$(peak_mib "$bin" --version)"

# Batches: N copies of the Markdown sample to PDF + DOCX + JSON in one process (-j 2).
echo
echo "| batch (Markdown → PDF + DOCX + JSON, -j 2, median of 3) | wall-clock |"
echo "|---|---|"
runs=3
for n in 200 1000; do
  mkdir -p "$out/in$n"
  for i in $(seq "$n"); do cp "$md" "$out/in$n/cv-$i.md"; done
  ms=$(median_ms "rm -rf $out/dist$n" "$bin" "$out/in$n"/*.md --out-dir "$out/dist$n" -t pdf,docx,json -j 2 -q)
  printf '| %s résumés | %s ms |\n' "$n" "$ms"
done
