#!/usr/bin/env bash
# Compares two runs of scripts/real.sh (their printed tables): per-document F1 that changed.
# Usage: scripts/diff-real.sh OLD.txt NEW.txt
join -1 4 -2 4 <(grep -E '^[0-9]\.[0-9]{3} ' "$1" | sort -k4) <(grep -E '^[0-9]\.[0-9]{3} ' "$2" | sort -k4) \
  | awk '$2 != $5 { printf "%s  %s -> %s  %s %s\n", ($5 > $2 ? "+" : "-"), $2, $5, $3, $1 }'
