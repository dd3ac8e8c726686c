"""Recorded reference run of fortitudo.tech's entropy_pooling for DeriskScenariosTests.

Run: python3 -m venv /tmp/ep && /tmp/ep/bin/pip install fortitudo.tech
     /tmp/ep/bin/python Tests/Fixtures/entropy-pooling/reference_run.py > Tests/Fixtures/entropy-pooling/reference_run.json
"""
import json
from importlib.metadata import version
import numpy as np
import fortitudo.tech as ft

# Six scenarios with two attributes; prior not uniform.
p = np.array([0.10, 0.20, 0.15, 0.25, 0.20, 0.10])
price = np.array([1.0, 1.2, 2.5, 0.9, 3.0, 1.8])
delay = np.array([10.0, 12.0, 30.0, 8.0, 45.0, 20.0])
# Views: P({s2, s4}) = 0.4 (equality), E[price] >= 1.9, E[delay] <= 22,
#        ranking E[delay/10] >= E[price]  i.e.  E[price - delay/10] <= 0.
event = np.array([0, 0, 1, 0, 1, 0], dtype=float)
A = np.vstack([np.ones(6), event])
b = np.array([[1.0], [0.4]])
G = np.vstack([-price, delay, price - delay / 10])
h = np.array([[-1.9], [22.0], [0.0]])
q = ft.entropy_pooling(p[:, None], A, b, G, h, method="TNC").ravel()
q_lbfgs = ft.entropy_pooling(p[:, None], A, b, G, h, method="L-BFGS-B").ravel()
out = {
    "package": "fortitudo.tech",
    "version": version("fortitudo.tech"),
    "scipy": version("scipy"),
    "numpy": version("numpy"),
    "prior": p.tolist(), "price": price.tolist(), "delay": delay.tolist(),
    "posterior_tnc": q.tolist(),
    "posterior_lbfgsb": q_lbfgs.tolist(),
    "sum_tnc": float(q.sum()),
    "views_tnc": {"P(event)": float(event @ q), "E[price]": float(price @ q), "E[delay]": float(delay @ q),
                  "E[price - delay/10]": float((price - delay / 10) @ q)},
    "kl_tnc": float(np.sum(q * np.log(q / p))),
}
print(json.dumps(out, indent=2))
