#!/usr/bin/env bash
# Scores extraction on ../shared/corpus (dev, dev-docx, dev-pdf) and fails below the bar:
# F1 >= 0.90 on dev, and dev-docx / dev-pdf within 0.02 of dev.
set -euo pipefail
shared=${1:-../shared}
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/.venv/bin"
score() {
  "$bin/python" "$shared/tools/score_extraction.py" --corpus "$shared/corpus/$1" \
    --cmd "$bin/tracker parse --json" --details | tee "/tmp/tracker-score-$1.txt" | tail -6 >&2
  sed -n 's/^score: F1=\([0-9.]*\).*/\1/p' "/tmp/tracker-score-$1.txt"
}
dev=$(score dev)
docx=$(score dev-docx)
pdf=$(score dev-pdf)
echo "extraction F1: dev=$dev dev-docx=$docx dev-pdf=$pdf"
"$bin/python" - "$dev" "$docx" "$pdf" <<'PY'
import sys
dev, docx, pdf = map(float, sys.argv[1:])
problems = []
if dev < 0.90:
    problems.append(f"dev F1 {dev:.3f} < 0.90")
for name, value in (("dev-docx", docx), ("dev-pdf", pdf)):
    if abs(value - dev) > 0.02:
        problems.append(f"{name} F1 {value:.3f} differs from dev {dev:.3f} by more than 0.02")
if problems:
    print("corpus check FAILED: " + "; ".join(problems))
    sys.exit(1)
print("corpus check passed")
PY
