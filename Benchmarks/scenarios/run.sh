#!/usr/bin/env bash
# Scenario-structured sourcing programs: Derisk vs HiGHS (interior point, simplex) and Clarabel, side by side.
#
# Usage: Benchmarks/scenarios/run.sh [SCENARIOS...]          (default: 1000 10000)
# Environment: PEER_TIME_LIMIT (seconds per peer solve, default 600), PEERS (default "highs-ipm highs-simplex clarabel";
#              PEERS="" runs Derisk alone and skips the MPS export),
#              PYTHON (a Python with highspy and clarabel, default /tmp/peers/bin/python), OUT (default /tmp/derisk-bench).
# Models: `derisk generate --materials 3 --suppliers 12 --corridors 6 --scenarios S --seed 1`; the peers solve the
# exact program Derisk solves, exported with `derisk export-mps`. Derisk's time is its solver's setup + solve
# (`solver.seconds` of `derisk solve --json`), the peers' their solve alone (file reading excluded); peak memory
# is the process's maximum resident set and "process wall" its whole elapsed time (for Derisk: reading the model,
# building the program, solving and writing the plan) from /usr/bin/time. Prints one Markdown row per (S, solver).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DERISK=${DERISK:-.build/release/derisk}
PYTHON=${PYTHON:-/tmp/peers/bin/python}
OUT=${OUT:-/tmp/derisk-bench}
PEERS=${PEERS-"highs-ipm highs-simplex clarabel"}
LIMIT=${PEER_TIME_LIMIT:-600}
mkdir -p "$OUT"
# Elapsed time from a /usr/bin/time -v report ("h:mm:ss" or "m:ss.ss"), in seconds.
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s}' "$1"; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
echo "| scenarios | solver | status | objective | seconds | iterations | peak memory (MB) | process wall (s) |"
echo "|---|---|---|---|---|---|---|---|"
for S in "${sizes[@]}"; do
  model="$OUT/gen-$S.json"; mps="$OUT/gen-$S.mps"
  [ -f "$model" ] || "$DERISK" generate --materials 3 --suppliers 12 --corridors 6 --scenarios "$S" --seed 1 -o "$model"
  [ -f "$mps" ] || [ -z "$PEERS" ] || "$DERISK" export-mps "$model" --output "$mps"
  /usr/bin/time -v -o "$OUT/time-derisk-$S.txt" "$DERISK" solve "$model" --json --no-value-of-information \
    > "$OUT/derisk-$S.json" 2> /dev/null || true
  rss=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$OUT/time-derisk-$S.txt")
  wall=$(wall_seconds "$OUT/time-derisk-$S.txt")
  "$PYTHON" - "$OUT/derisk-$S.json" "$S" "$rss" "$wall" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1])); s = r["solver"]
    print(f"| {sys.argv[2]} | Derisk ({s.get('linear_system', s.get('linearSystem', ''))}) | {r['status']} | {r['objective']:.10g} | {s['seconds']:.2f} | {s['iterations']} | {sys.argv[3]} | {sys.argv[4]} |")
except Exception:
    print(f"| {sys.argv[2]} | Derisk | no result | – | – | – | {sys.argv[3]} | {sys.argv[4]} |")
PY
  for peer in $PEERS; do
    /usr/bin/time -v -o "$OUT/time-$peer-$S.txt" "$PYTHON" Benchmarks/peers/solve_mps.py "$mps" --solver "$peer" \
      --time-limit "$LIMIT" > "$OUT/$peer-$S.json" 2> /dev/null || true
    rss=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$OUT/time-$peer-$S.txt")
    wall=$(wall_seconds "$OUT/time-$peer-$S.txt")
    "$PYTHON" - "$OUT/$peer-$S.json" "$S" "$rss" "$peer" "$wall" <<'PY'
import json, sys
try:
    r = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
except Exception:
    r = {"status": "no result", "objective": None, "seconds": float("nan"), "iterations": None}
obj = f"{r['objective']:.10g}" if r.get("objective") is not None else "–"
print(f"| {sys.argv[2]} | {sys.argv[4]} | {r['status']} | {obj} | {r['seconds']:.2f} | {r.get('iterations')} | {sys.argv[3]} | {sys.argv[5]} |")
PY
  done
done
