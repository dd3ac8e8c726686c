"""Brute-force LPs for the worst case over ambiguity sets, for DeriskScenariosTests.

Run: /tmp/peers/bin/python Tests/Fixtures/ambiguity/brute_force.py > Tests/Fixtures/ambiguity/brute_force.json
Each worst case is solved as one joint LP in (q, w, r) with scipy.optimize.linprog (HiGHS):
  worst E:     max L.q          s.t. q in U
  worst CVaR:  max L.w          s.t. 0 <= w <= q/(1-alpha), sum w = 1, q in U
  TV ball U:   q >= 0, sum q = 1, r >= q - p, r >= p - q, sum r <= 2 eps
  box U:       lower <= q <= upper, sum q = 1
"""
import json
import numpy as np
import scipy
from scipy.optimize import linprog

p = np.array([0.30, 0.25, 0.20, 0.15, 0.10])
L = np.array([4.0, 7.0, 2.0, 7.0, 10.0])  # a tie at 7
n = len(p)


def tv_rows(eps):
    # variables [q (n), w (n), r (n)]
    A_ub, b_ub = [], []
    for s in range(n):
        row = np.zeros(3 * n); row[s] = 1; row[2 * n + s] = -1; A_ub.append(row); b_ub.append(p[s])   # q - r <= p
        row = np.zeros(3 * n); row[s] = -1; row[2 * n + s] = -1; A_ub.append(row); b_ub.append(-p[s])  # -q - r <= -p
    row = np.zeros(3 * n); row[2 * n:] = 1; A_ub.append(row); b_ub.append(2 * eps)
    bounds = [(0, None)] * (3 * n)
    return A_ub, b_ub, bounds


def box_rows(lower, upper):
    bounds = [(lower[s], upper[s]) for s in range(n)] + [(0, None)] * n + [(0, 0)] * n
    return [], [], bounds


def solve(kind, rows, alpha=None):
    A_ub, b_ub, bounds = rows
    A_ub, b_ub = list(A_ub), list(b_ub)
    A_eq = [np.r_[np.ones(n), np.zeros(2 * n)]]
    b_eq = [1.0]
    c = np.zeros(3 * n)
    if kind == "E":
        c[:n] = -L
        for s in range(n):
            bounds[n + s] = (0, 0)
    else:
        c[n:2 * n] = -L
        A_eq.append(np.r_[np.zeros(n), np.ones(n), np.zeros(n)]); b_eq.append(1.0)
        for s in range(n):
            row = np.zeros(3 * n); row[n + s] = 1; row[s] = -1 / (1 - alpha); A_ub.append(row); b_ub.append(0.0)
    res = linprog(c, A_ub=np.array(A_ub) if A_ub else None, b_ub=b_ub if b_ub else None,
                  A_eq=np.array(A_eq), b_eq=b_eq, bounds=bounds, method="highs")
    assert res.status == 0, res.message
    return -res.fun, res.x[:n].tolist()


out = {"scipy": scipy.__version__, "prior": p.tolist(), "losses": L.tolist(), "cases": []}
for eps in (0.05, 0.15, 0.4):
    for kind, alpha in (("E", None), ("CVaR", 0.5), ("CVaR", 0.8)):
        v, q = solve(kind, tv_rows(eps), alpha)
        out["cases"].append({"set": "tv", "radius": eps, "measure": kind, "alpha": alpha, "value": v, "q": q})
lower = (p * 0.7).tolist(); upper = np.minimum(1, p * 1.3).tolist()
for kind, alpha in (("E", None), ("CVaR", 0.5), ("CVaR", 0.8)):
    v, q = solve(kind, box_rows(lower, upper), alpha)
    out["cases"].append({"set": "box", "lower": lower, "upper": upper, "measure": kind, "alpha": alpha, "value": v, "q": q})
print(json.dumps(out, indent=1))
