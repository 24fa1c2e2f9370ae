#!/usr/bin/env bash
# Parses the shared seeds and corpus with a built binary and scores them against their gold
# JSON with ../shared/eval/score.py. Usage: scripts/accuracy.sh [BINARY] [--show-misses]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/resumeconv}
shift || true
shared=../shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/seeds" "$out/corpus"
for f in "$shared"/seeds/*.txt; do
  "$bin" "$f" -q -o "$out/seeds/$(basename "$f" .txt).json" || echo "failed: $f"
done
for f in "$shared"/corpus/*.md "$shared"/corpus/*.txt; do
  [ -f "$f" ] || continue
  "$bin" "$f" -q -o "$out/corpus/$(basename "${f%.*}").json" || echo "failed: $f"
done
python3 "$shared/eval/score.py" --dir "$shared/gold" "$out/seeds" "$@"
python3 "$shared/eval/score.py" --dir "$shared/corpus" "$out/corpus" "$@"
