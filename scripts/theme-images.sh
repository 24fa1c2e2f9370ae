#!/usr/bin/env bash
# Page images of every theme, for the README: docs/themes/THEME-page1.png and -page2.png of
# the bundled sample in each design (and in German for one of them), made with this build
# and pdftoppm (poppler-utils). Run from the repository: scripts/theme-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/resumeconv
out=docs/themes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1764547200
for theme in classic modern compact; do
  "$bin" samples/ana-lindqvist.json -o "$tmp/$theme.pdf" --theme "$theme"
  pdftoppm -r 70 -png -f 1 -l 2 "$tmp/$theme.pdf" "$tmp/$theme"
  for page in 1 2; do
    f=$(ls "$tmp/$theme"-*"$page".png 2>/dev/null | head -1 || true)
    [ -n "$f" ] && cp "$f" "$out/$theme-page$page.png"
  done
done
"$bin" samples/lena-fischer.txt -o "$tmp/de.pdf" --theme modern --lang de --accent burgundy
pdftoppm -r 70 -png -f 1 -l 1 "$tmp/de.pdf" "$tmp/de"
cp "$tmp"/de-*1.png "$out/modern-de-page1.png"
# Page 1 of each bundled sample's PDF (classic), beside the sample's rendered files.
for pdf in samples/rendered/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  pdftoppm -r 80 -png -f 1 -l 1 "$pdf" "$tmp/$stem"
  cp "$tmp/$stem"-*1.png "docs/$stem.png"
done
ls -l "$out" docs/*.png
