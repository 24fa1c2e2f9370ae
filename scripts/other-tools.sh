#!/usr/bin/env bash
# Renders this project's fictional JSON résumés with the résumé tools people use
# (../shared/tools/render-with-other-tools.sh: HackMyResume, resume-cli + even, RenderCV,
# pandoc, LibreOffice), reads each text, Markdown and PDF rendering back, and scores it against
# what that rendering actually prints (visible_gold.py). Installs the tools on first use
# (root, a few minutes). Usage: scripts/other-tools.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/resumeconv}
tools=../shared/tools
work=${OTHER_TOOLS_DIR:-/tmp/resumeconv-other-tools}
rm -rf "$work/json" "$work/pred"
mkdir -p "$work/json" "$work/rendered" "$work/pred"
cp samples/*.json tests/fixtures/gold/*.json tests/fixtures/people/*.json "$work/json/"
install=""
[ -f "${EVAL_TOOLS:-/tmp/eval-tools}/.installed" ] && install="--no-install"
bash "$tools/render-with-other-tools.sh" $install "$work/json" "$work/rendered" > "$work/render.log" 2>&1 \
  || { tail -20 "$work/render.log"; exit 1; }
python3 "$tools/visible_gold.py" "$work/rendered" "$work/json" "$work/visible" > /dev/null
for kind in hmr.md hmr.txt even.txt rendercv.md rendercv.pdf lo.pdf even.pdf even.html short.html cora.html straightforward.html lucide.html; do
  mkdir -p "$work/pred/$kind"
  for f in "$work/rendered"/*."$kind"; do
    "$bin" "$f" -q -t json -o "$work/pred/$kind/$(basename "$f" ".$kind").json" || echo "failed: $f"
  done
  echo "== $kind"
  python3 ../shared/eval/score.py --dir "$work/visible/$kind" "$work/pred/$kind" | grep -E '^\S'
done
