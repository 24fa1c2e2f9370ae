#!/usr/bin/env bash
# Reads every résumé of ../shared/real (and ../shared/corpus) with a built binary and scores it
# against its gold with ../shared/eval/score.py; prints micro F1 per input format for the tuning
# part and the held-out part of the fixed split in tests/real-split.tsv, then per document.
# Usage: scripts/real.sh [BINARY] [--keep DIR] [--show STEM]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/resumeconv
keep=""
show=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=$2; shift 2 ;;
    --show) show=$2; shift 2 ;;
    *) bin=$1; shift ;;
  esac
done
shared=../shared
out=${keep:-$(mktemp -d)}
[ -n "$keep" ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out/pred"
for src in "$shared"/real/*.source; do
  stem=$(basename "$src" .source)
  input=$(ls "$shared/real/$stem".* | grep -v -e '\.json$' -e '\.source$' | head -1)
  "$bin" "$input" -q -o "$out/pred/$stem.json" 2>"$out/pred/$stem.err" || echo "failed: $stem: $(head -1 "$out/pred/$stem.err")"
done
python3 - "$shared" "$out/pred" tests/real-split.tsv "$show" <<'PY'
import json, subprocess, sys, os, collections
shared, pred, split, show = sys.argv[1:5]
part = {}
for line in open(split):
    if line.startswith('#') or not line.strip():
        continue
    s, p = line.split()
    part[s] = p
sys.path.insert(0, os.path.join(shared, 'eval'))
import score as sc
fmt = {}
for line in open(os.path.join(shared, 'real/index.tsv')):
    cols = line.rstrip('\n').split('\t')
    if cols[0] != 'stem':
        fmt[cols[0]] = cols[1]
agg = collections.defaultdict(lambda: [0, 0, 0])  # matched, gold, pred
rows = []
for stem in sorted(part):
    g = json.load(open(os.path.join(shared, 'real', stem + '.json')))
    pp = os.path.join(pred, stem + '.json')
    p = json.load(open(pp)) if os.path.exists(pp) else {}
    t = sc.total(sc.score(g, p if isinstance(p, dict) else {}))
    tp, ng, np_ = t.tp, t.tp + t.fn, t.tp + t.fp
    for key in [(part[stem], fmt[stem]), (part[stem], 'all'), ('all', fmt[stem]), ('all', 'all')]:
        a = agg[key]; a[0] += tp; a[1] += ng; a[2] += np_
    rows.append((stem, part[stem], fmt[stem], t.prf()[2]))
    if show and show in stem:
        sc.report(stem, sc.score(g, p), True, sys.stdout)
def f1(a):
    p = a[0] / a[2] if a[2] else 0; r = a[0] / a[1] if a[1] else 0
    return 2 * p * r / (p + r) if p + r else 0
print(f"{'part':10} {'md':>6} {'txt':>6} {'pdf':>6} {'docx':>6} {'all':>6}")
for pt in ['tune', 'held-out', 'all']:
    print(f"{pt:10} " + ' '.join(f"{f1(agg[(pt, k)]):6.3f}" for k in ['md', 'txt', 'pdf', 'docx', 'all']))
print()
for stem, pt, f, v in rows:
    print(f"{v:.3f}  {pt:8} {f:4} {stem}")
PY
