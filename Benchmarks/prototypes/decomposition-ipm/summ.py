import json, sys, glob
for f in sys.argv[1:]:
    t = [l for l in open(f) if l.startswith('SUMMARY')]
    if not t:
        print(f, 'running/none'); continue
    d = json.loads(t[0][8:])
    print(f"{f:22s} S={d['S']:6d} outer={d['outer']:4d} rounds={d['rounds']:4d} mured={d['mu_reductions']:3d} inner/S={d['inner_per_S']:7.2f} "
          f"inner/S/outer={d['inner_per_S']/d['outer']:.3f} maxinner(mean)={d['outer_inner_max_mean']:.2f} maxinner(max)={d['outer_inner_max_max']:3d} "
          f"init/S={d['init_steps_per_S']:.1f} relerr={(d['relerr'] if d['relerr'] is not None else float('nan')):.2e} relgap={d['relgap']:.1e} conv={d['converged']} t={d['time']:.0f}s")
