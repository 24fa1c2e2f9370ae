#!/usr/bin/env bash
# Counts the instructions of whole-process conversions with valgrind's callgrind: the same
# count for the same binary and input whatever else the machine is doing, so a start-up
# change can be judged on a noisy machine. Usage: scripts/instructions.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/resumeconv}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 1; }
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    grep -o 'Collected : [0-9]*' | awk '{printf "%.1f M", $3 / 1e6}'
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| %-34s | %12s |\n' "conversion" "instructions"
printf '|%s|%s|\n' "------------------------------------" "--------------"
for row in "--version|--version" \
  "text → JSON|samples/lena-fischer.txt -t json" \
  "text → JSON (2)|samples/tomasz-nowak.txt -t json" \
  "Markdown → JSON|samples/priya-raman.md -t json" \
  "Markdown → DOCX|samples/priya-raman.md -o $out/a.docx" \
  "Markdown → PDF|samples/priya-raman.md -o $out/a.pdf" \
  "JSON → JSON|samples/ana-lindqvist.json -t json" \
  "JSON → PDF|samples/ana-lindqvist.json -o $out/b.pdf"; do
  label=${row%%|*}
  # shellcheck disable=SC2086 # the arguments are words
  printf '| %-34s | %12s |\n' "$label" "$(count "$bin" ${row#*|})"
done
