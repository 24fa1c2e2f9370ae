#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 600), seeding each corpus from the
# project's own samples and fixtures. Needs a nightly toolchain and `cargo install cargo-fuzz`.
#   scripts/fuzz.sh            # all targets, 10 minutes each
#   scripts/fuzz.sh 60 pdf     # one target, one minute
# A crash is written to fuzz/artifacts/<target>/; copy it to tests/fixtures/fuzz/<target>/ so
# `cargo test` keeps it as a regression case (tests/cli/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text markdown json docx docx_xml pdf extract)

seed() { # seed TARGET FILES...
  local dir=corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$f")"; done
  if [ -d "../tests/fixtures/fuzz/${dir#corpus/}" ]; then cp ../tests/fixtures/fuzz/"${dir#corpus/}"/* "$dir"/ 2>/dev/null || true; fi
}
seed text ../samples/*.txt
seed markdown ../samples/*.md ../samples/rendered/*.md
seed json ../samples/*.json ../tests/fixtures/json/*.json ../tests/fixtures/people/*.json
seed docx ../samples/rendered/*.docx
seed pdf ../samples/rendered/*.pdf
mkdir -p corpus/docx_xml
for f in ../samples/rendered/*.docx; do
  unzip -p "$f" word/document.xml > "corpus/docx_xml/seed-$(basename "$f" .docx).xml" 2>/dev/null || true
done
seed extract ../samples/*.txt ../samples/rendered/*.md

for t in "${targets[@]}"; do
  echo "== fuzz $t for ${secs}s"
  # -timeout: an input taking over 1 s is a finding; -rss_limit_mb bounds memory.
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=1 -rss_limit_mb=1024 -max_len=262144 -print_final_stats=1 \
    2>&1 | grep -E '^(#[0-9]+.*(DONE|pulse)|==|SUMMARY|stat::(number_of_executed_units|peak_rss_mb|new_units_added)|.*(Test unit written|panicked|ERROR))' || true
done
