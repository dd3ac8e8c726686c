#!/usr/bin/env bash
# Scenario-structured sourcing programs: Derisk vs HiGHS (interior point, simplex) and Clarabel, side by side.
#
# Usage: Benchmarks/scenarios/run.sh [SCENARIOS...]          (default: 1000 10000)
# Environment: PEER_TIME_LIMIT (seconds per peer solve, default 600), PEERS (default "highs-ipm highs-simplex clarabel";
#              PEERS="" runs Derisk alone and skips the MPS export),
#              PYTHON (a Python with highspy and clarabel, default /tmp/peers/bin/python), OUT (default /tmp/derisk-bench),
#              REPEAT (runs of each solver per size, round-robin, default 1: the row shows the median seconds, the
#              range, the largest peak memory and the median process wall),
#              VOI (1: Derisk also computes the value of information, VSS and EVPI, as `derisk solve` does by default;
#              its "seconds" stay the main solve's, and its process wall and peak memory then cover the whole run; default 0).
# Models: `derisk generate --materials 3 --suppliers 12 --corridors 6 --scenarios S --seed 1`; the peers solve the
# exact program Derisk solves, exported with `derisk export-mps`. Derisk's time is its solver's setup + solve
# (`solver.seconds` of `derisk solve --json`), the peers' their solve alone (file reading excluded); peak memory
# is the process's maximum resident set and "process wall" its whole elapsed time (for Derisk: reading the model,
# building the program, solving and writing the plan) from /usr/bin/time. Prints a line naming the machine, the BLAS
# and the binary, then one Markdown row per (S, solver).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DERISK=${DERISK:-.build/release/derisk}
PYTHON=${PYTHON:-/tmp/peers/bin/python}
OUT=${OUT:-/tmp/derisk-bench}
PEERS=${PEERS-"highs-ipm highs-simplex clarabel"}
LIMIT=${PEER_TIME_LIMIT:-600}
REPEAT=${REPEAT:-1}
VOI_FLAG=$([ "${VOI:-0}" = 1 ] && echo "" || echo "--no-value-of-information")
mkdir -p "$OUT"
# The machine and the BLAS each table was made on (RESULTS.md records both with every table: 10,000 scenarios
# took 4.4 s on session 24's guest and 7.3 s on session 31's, with much the same solver).
# Guests often report only "AMD EPYC": the family and model tell the generation apart (AMD family 25 model 1 is
# Zen 3, model 17 Zen 4), the vector extensions what the kernels can use, and the L3 how much of a block sweep fits.
field() { grep -m1 "^$1[[:space:]]*:" /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || true; }
cpu=$(field 'model name')
flags=$(field flags)
simd=$(case " $flags " in *" avx512f "*) echo AVX-512;; *" avx2 "*) echo AVX2;; *) echo "no AVX2";; esac)
l3=$(lscpu 2>/dev/null | grep -m1 '^L3 cache' | cut -d: -f2 | sed 's/^ *//; s/ (.*//' || true)
cpu="${cpu:-unknown CPU} (family $(field 'cpu family'), model $(field model); $simd; L3 ${l3:-unknown})"
blas=$("$DERISK" doctor 2>/dev/null | grep -m1 '^BLAS/LAPACK' || true)
echo "Machine: $cpu, $(nproc) CPUs; ${blas:-BLAS unknown}; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}," \
  "OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset}; Derisk: $DERISK (checkout $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
echo
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
echo "| scenarios | solver | status | objective | seconds | iterations | peak memory (MB) | process wall (s) |"
echo "|---|---|---|---|---|---|---|---|"
for S in "${sizes[@]}"; do
  model="$OUT/gen-$S.json"; mps="$OUT/gen-$S.mps"
  [ -f "$model" ] || "$DERISK" generate --materials 3 --suppliers 12 --corridors 6 --scenarios "$S" --seed 1 -o "$model"
  [ -f "$mps" ] || [ -z "$PEERS" ] || "$DERISK" export-mps "$model" --output "$mps"
  # Each solver REPEAT times, round-robin, so that the machine's drift falls on all of them alike.
  for rep in $(seq 1 "$REPEAT"); do
    suffix=$([ "$rep" = 1 ] && echo "" || echo "-r$rep")
    /usr/bin/time -v -o "$OUT/time-derisk-$S$suffix.txt" "$DERISK" solve "$model" --json $VOI_FLAG \
      > "$OUT/derisk-$S$suffix.json" 2> /dev/null || true
    for peer in $PEERS; do
      /usr/bin/time -v -o "$OUT/time-$peer-$S$suffix.txt" "$PYTHON" Benchmarks/peers/solve_mps.py "$mps" --solver "$peer" \
        --time-limit "$LIMIT" > "$OUT/$peer-$S$suffix.json" 2> /dev/null || true
    done
  done
  for solver in derisk $PEERS; do
    "$PYTHON" - "$OUT" "$solver" "$S" "$REPEAT" <<'PY'
import json, re, statistics, sys
out, solver, S, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
runs = []
for rep in range(1, repeat + 1):
    suffix = "" if rep == 1 else f"-r{rep}"
    try:
        text = open(f"{out}/{solver}-{S}{suffix}.json").read()
        if solver == "derisk":
            r = json.loads(text); s = r["solver"]
            r = {"label": f"Derisk ({s.get('linear_system', '')})", "status": r["status"], "objective": r["objective"],
                 "seconds": s["seconds"], "iterations": s["iterations"]}
        else:
            r = json.loads(text.strip().splitlines()[-1]); r["label"] = solver
    except Exception:
        r = {"label": "Derisk" if solver == "derisk" else solver, "status": "no result", "objective": None,
             "seconds": float("nan"), "iterations": None}
    timing = open(f"{out}/time-{solver}-{S}{suffix}.txt").read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", timing)
    r["rss"] = int(rss.group(1)) / 1024 if rss else float("nan")
    r["wall"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.group(1).split(":")))) if wall else float("nan")
    runs.append(r)
first = runs[0]
seconds = [r["seconds"] for r in runs]
shown = f"{statistics.median(seconds):.2f}"
if repeat > 1:
    shown += f" (median of {repeat}: {min(seconds):.2f}–{max(seconds):.2f})"
obj = f"{first['objective']:.10g}" if first.get("objective") is not None else "–"
print(f"| {S} | {first['label']} | {first['status']} | {obj} | {shown} | {first.get('iterations')} | "
      f"{max(r['rss'] for r in runs):.0f} | {statistics.median(r['wall'] for r in runs):.1f} |")
PY
  done
done
