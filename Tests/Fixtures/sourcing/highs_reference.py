#!/usr/bin/env python3
"""Records HiGHS's optimum of the exported sourcing programs (generated models and the flagship).

Usage (from the package root, after `swift build -c release --product derisk`):
    /tmp/peers/bin/python Tests/Fixtures/sourcing/highs_reference.py [.build/release/derisk]

For each case: `derisk generate ... --output M.yaml`, `derisk export-mps M.yaml --output M.mps`,
then `python ../shared/peers/solve_mps.py M.mps --solver highs-ipm` (HiGHS IPX, no crossover).
Writes highs_reference.json next to this script.
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
derisk = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/derisk"))
peer = "/work/shared/peers/solve_mps.py"
cases = [  # materials, suppliers, corridors, scenarios, seed
    (2, 4, 2, 4, 1), (3, 6, 3, 6, 2), (2, 5, 2, 8, 3), (1, 3, 2, 3, 4), (3, 8, 4, 5, 5),
    # The benchmark family at a size whose solver vectors span several parallel chunks (n > 16,384).
    (3, 12, 6, 300, 1),
]

def highs(mps):
    out = subprocess.run([sys.executable, peer, mps, "--solver", "highs-ipm"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])

import highspy
result = {"solver": "HiGHS (highspy) IPX interior point, no crossover",
          "highs_version": highspy.Highs().version() if hasattr(highspy.Highs(), "version") else "unknown",
          "command": "python solve_mps.py FILE.mps --solver highs-ipm", "cases": []}
with tempfile.TemporaryDirectory() as tmp:
    for (m, i, k, s, seed) in cases:
        model = os.path.join(tmp, f"g{m}{i}{k}{s}{seed}.yaml")
        mps = model.replace(".yaml", ".mps")
        subprocess.run([derisk, "generate", "--materials", str(m), "--suppliers", str(i), "--corridors", str(k),
                        "--scenarios", str(s), "--seed", str(seed), "--output", model], check=True)
        subprocess.run([derisk, "export-mps", model, "--output", mps], check=True)
        h = highs(mps)
        result["cases"].append({"materials": m, "suppliers": i, "corridors": k, "scenarios": s, "seed": seed,
                                "status": h["status"], "objective": h["objective"], "rows": h["rows"], "cols": h["cols"]})
    flagship = os.path.join(root, "Examples/CentralAsia/central-asia.yaml")
    mps = os.path.join(tmp, "central-asia.mps")
    subprocess.run([derisk, "export-mps", flagship, "--output", mps], check=True)
    h = highs(mps)
    result["flagship"] = {"model": "Examples/CentralAsia/central-asia.yaml", "status": h["status"],
                          "objective": h["objective"], "rows": h["rows"], "cols": h["cols"]}
with open(os.path.join(here, "highs_reference.json"), "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print(json.dumps(result, indent=2))
