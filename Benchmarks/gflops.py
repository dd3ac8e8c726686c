"""Turns `swift package benchmark` text output into GFLOP/s rows for RESULTS.md.

Usage: python3 Benchmarks/gflops.py LABEL < benchmark-output.txt
Flop counts come from the benchmark names ("gemm n=N (2n³ = F flops)", "Cholesky n=N (n³/3 = F flops)").
Prints one markdown row per benchmark: GFLOP/s at the fastest run (p0 time) and at the median (p50).
"""
import re
import sys

label = sys.argv[1] if len(sys.argv) > 1 else ""
name = None
rows = []
for line in sys.stdin:
    m = re.match(r"^(gemm|Cholesky) n=(\d+) \(.* = (\d+) flops\)", line)
    if m:
        name = (m.group(1), int(m.group(2)), int(m.group(3)))
        continue
    if name and line.startswith("│ Time (wall clock)"):
        unit = re.search(r"\((μs|us|ms|ns|s)\)", line).group(1)
        scale = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
        cells = [c.strip() for c in line.split("│")[2:-1]]
        p0, p50, samples = float(cells[0].replace(",", "")), float(cells[2].replace(",", "")), cells[-1]
        flops = name[2]
        rows.append((name[0], name[1], p0 * scale, p50 * scale, flops / (p0 * scale) / 1e9,
                     flops / (p50 * scale) / 1e9, samples))
        name = None
for kind, n, t0, t50, g0, g50, samples in sorted(rows, key=lambda r: (r[0] != "gemm", r[1])):
    print(f"| {label} | {kind} | {n} | {t50 * 1e3:.2f} | {g50:.1f} | {g0:.1f} | {samples} |")
