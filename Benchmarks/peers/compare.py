#!/usr/bin/env python3
"""Side-by-side timing of Derisk and peer solvers (HiGHS interior point, Clarabel) on MPS/QPS files.

Usage (from the repository root, after `make build`):
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r Benchmarks/peers/requirements.txt
    /tmp/peers/bin/python Benchmarks/peers/compare.py --derisk .build/release/derisk \
        --peer-runner Benchmarks/peers/solve_mps.py --solvers highs-ipm,clarabel \
        --repeat 3 Tests/Fixtures/netlib/*.mps > Benchmarks/netlib-comparison.md

For each file every solver runs `--repeat` times in turn (interleaved, so background load hits all
alike); the minimum time is kept. Derisk's time is setup (presolve, scaling) plus solve, read from
`derisk lp --json`; a peer's is its solve time as its runner reports it (file reading excluded for
both). Prints a Markdown table: status, objective, time per solver, the ratio peer time / Derisk time
(> 1: Derisk faster), and the geometric mean of each ratio over the problems every solver solved.
"""
import argparse
import json
import math
import os
import subprocess
import sys


def run_derisk(binary, path):
    out = subprocess.run([binary, "lp", path, "--json"], capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        return {"status": "error:" + out.stderr.strip()[:60], "seconds": float("nan"), "objective": None}
    report = json.loads(out.stdout)
    return {"status": report["status"], "objective": report.get("objective"),
            "seconds": report["solve_seconds"] + report["setup_seconds"], "iterations": report["iterations"]}


def run_peer(python, runner, solver, path):
    out = subprocess.run([python, runner, path, "--solver", solver], capture_output=True, text=True, timeout=3600)
    try:
        report = json.loads(out.stdout.strip().splitlines()[-1])
    except Exception:
        return {"status": "error", "seconds": float("nan"), "objective": None}
    return {"status": report.get("status"), "objective": report.get("objective"),
            "seconds": report.get("seconds", float("nan")), "iterations": report.get("iterations")}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--derisk", default=".build/release/derisk")
    parser.add_argument("--peer-runner", default=os.path.join(os.path.dirname(__file__), "solve_mps.py"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--solvers", default="highs-ipm,clarabel")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    peers = [s for s in args.solvers.split(",") if s]

    rows = []
    for path in args.files:
        best = {}
        for _ in range(args.repeat):
            results = {"derisk": run_derisk(args.derisk, path)}
            for solver in peers:
                results[solver] = run_peer(args.python, args.peer_runner, solver, path)
            for name, r in results.items():
                if name not in best or (r["seconds"] == r["seconds"] and r["seconds"] < best[name]["seconds"]):
                    best[name] = r
        rows.append((os.path.basename(path), best))
        print(f"{os.path.basename(path)}: " + ", ".join(f"{k} {v['status']} {v['seconds']:.4f}s" for k, v in best.items()),
              file=sys.stderr, flush=True)

    header = "| problem | Derisk status | Derisk objective | Derisk s | " + " | ".join(
        f"{p} s | {p}/Derisk" for p in peers) + " |"
    print(header)
    print("|" + "---|" * (4 + 2 * len(peers)))
    logs = {p: [] for p in peers}
    for name, best in rows:
        d = best["derisk"]
        cells = [name, d["status"], f"{d['objective']:.10g}" if d["objective"] is not None else "–", f"{d['seconds']:.4f}"]
        for p in peers:
            r = best[p]
            ratio = r["seconds"] / d["seconds"] if d["seconds"] and d["seconds"] == d["seconds"] else float("nan")
            cells += [f"{r['seconds']:.4f} ({r['status']})", f"{ratio:.2f}"]
            if d["status"] == "optimal" and r["status"] == "optimal" and ratio == ratio and ratio > 0:
                logs[p].append(math.log(ratio))
        print("| " + " | ".join(cells) + " |")
    print()
    for p in peers:
        if logs[p]:
            print(f"Geometric mean of {p} time / Derisk time over {len(logs[p])} problems both solved: "
                  f"{math.exp(sum(logs[p]) / len(logs[p])):.3f}")


if __name__ == "__main__":
    main()
