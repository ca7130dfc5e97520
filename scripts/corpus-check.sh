#!/usr/bin/env bash
# Scores extraction on ../shared/corpus (dev, dev-docx, dev-pdf) and fails below the bar:
# F1 >= 0.90 on dev, and dev-docx / dev-pdf within 0.02 of dev.
set -euo pipefail
shared=${1:-../shared}
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/.venv/bin"
# Golden JSON over every annotated document of the three corpora.
TRACKER_CORPUS="$shared/corpus" "$bin/python" -m pytest "$here/corpus_tests"

score() {
  "$bin/python" "$shared/tools/score_extraction.py" --corpus "$shared/corpus/$1" \
    --cmd "$bin/tracker parse --json" --details | tee "/tmp/tracker-score-$1.txt" | tail -6 >&2
  sed -n 's/^score: F1=\([0-9.]*\).*/\1/p' "/tmp/tracker-score-$1.txt"
}
dev=$(score dev)
docx=$(score dev-docx)
pdf=$(score dev-pdf)
echo "extraction F1: dev=$dev dev-docx=$docx dev-pdf=$pdf"

# Importing the whole corpus twice must leave exactly one copy of every act and order.
db_dir=$(mktemp -d)
trap 'rm -rf "$db_dir"' EXIT
counts() { "$bin/tracker" db check --db "$db_dir/corpus.db" | grep -E '^  (acts|orders) '; }
for corpus in dev dev-docx dev-pdf; do
  "$bin/tracker" import --yes --db "$db_dir/corpus.db" "$shared/corpus/$corpus/docs" >/dev/null 2>>"$db_dir/import.log"
done
first=$(counts)
for corpus in dev dev-docx dev-pdf; do
  "$bin/tracker" import --yes --db "$db_dir/corpus.db" "$shared/corpus/$corpus/docs" >/dev/null 2>>"$db_dir/import.log"
done
second=$(counts)
echo "corpus imported twice:" $second
if [ "$first" != "$second" ]; then
  echo "corpus check FAILED: a second import changed the counts: [$first] -> [$second]"
  exit 1
fi
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
