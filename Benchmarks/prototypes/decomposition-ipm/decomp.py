"""Decomposition-based primal-dual log-barrier IPM for two-stage stochastic LPs (research prototype).

After Zhao (2001, Math. Prog. 90) and Mehrotra & Ozevin (2007/2009).  Outer Newton on the
first-stage variables x of
    F(x, mu) = c0'x - mu*logbarrier_1st(x) + sum_s Q_s(x, mu),
    Q_s(x, mu) = min { q_s'y - mu*w_s*sum log(y-l) - mu*w_s*sum log(u-y) : W_s y = h_s - T_s x },
grad Q_s = -T_s' lam_s, Hess Q_s = T_s' (W_s D_s^-1 W_s')^-1 T_s.  Every scenario is kept near its own
primal-dual centre by its own infeasible-start Newton steps with its own (fraction-to-boundary 0.99)
primal and dual step lengths.  Scenario blocks are padded to a common template (fixed/forced-zero
columns and dropped rows become decoupled dummies) and processed batched in numpy ((S,63,63)
Cholesky).  The extensive form is equilibrated first (geometric-mean + Ruiz; objective max|c|=1;
bounds/rhs divided by the median finite bound).

One outer iteration: (1) factor every scenario block once, get its linear response to (dx, new mu)
and the outer gradient/Hessian (18x18), (2) Newton step on x (optionally with mu already reduced:
--mode pc), (3) each scenario takes its predicted step (same factorisation), (4) inner re-centring:
Newton steps for every scenario not within theta of its centre (counted), (5) line search on the
directional derivative of F along dx (each trial = another re-centring round, counted in "rounds"
and in the inner-step counts).  mu is reduced by sigma (folded into the next outer step) when the
previous step was a full step with decrement < dtol2.

Run (one core):
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /tmp/peers/bin/python decomp.py gen-1000.mps \
      [defaults = best setting found, "F": --mode pc --sigma 0.3 --mu0auto 1 --dtol2 30 --pd1 1]
  (alternative "G": --sigma 0.5 --dtol2 15; parse check: add --highs)
Main options: --mode pc|pc2|zhao|adapt (pc2/adapt/zhao: variants that did worse), --sigma, --theta (centring proximity, inf-norm, default 0.5),
  --pd1 1 (primal-dual treatment of the first-stage bounds/rows; strongly recommended),
  --weights one|prob|mo (mo = Mehrotra-Ozevin probability-weighted scenario barriers),
  --mu0auto f (mu0 = f*|obj estimate|/#barrier terms), --maxout, --tol (rel. gap, 1e-8), --debug 1.
Prints one line per outer iteration and a final 'SUMMARY {json}' line (objective vs reference.txt).
summ.py condenses SUMMARY lines; runs/ holds the logs of the measurements.
"""
import sys, time, json, argparse
import numpy as np
import scipy.sparse as sp
from mpsio import parse_mps, structure, solve_highs

INF = np.inf


# ----------------------------------------------------------------------------------------------
# scaling of the extensive form
# ----------------------------------------------------------------------------------------------
def equilibrate(A, ngeo=6, nruiz=20):
    A = sp.csr_matrix(A)
    m, n = A.shape
    r = np.ones(m); c = np.ones(n)
    B = abs(A).tocsr()
    for it in range(ngeo):
        Bc = sp.diags(r) @ B @ sp.diags(c)
        Bc = Bc.tocsr()
        rmax = np.sqrt(Bc.max(axis=1).toarray().ravel())
        Bm = Bc.copy(); Bm.data = 1.0 / Bm.data
        rmin = np.sqrt(1.0 / Bm.max(axis=1).toarray().ravel())
        r /= np.sqrt(rmax * rmin)
        Bc = (sp.diags(r) @ B @ sp.diags(c)).tocsc()
        cmax = np.sqrt(Bc.max(axis=0).toarray().ravel())
        Bm = Bc.copy(); Bm.data = 1.0 / Bm.data
        cmin = np.sqrt(1.0 / Bm.max(axis=0).toarray().ravel())
        c /= np.sqrt(cmax * cmin)
    for it in range(nruiz):
        Bc = (sp.diags(r) @ B @ sp.diags(c)).tocsr()
        rm = Bc.max(axis=1).toarray().ravel()
        r /= np.sqrt(rm)
        Bc = (sp.diags(r) @ B @ sp.diags(c)).tocsc()
        cm = Bc.max(axis=0).toarray().ravel()
        c /= np.sqrt(cm)
    return r, c


# ----------------------------------------------------------------------------------------------
# build batched block data
# ----------------------------------------------------------------------------------------------
def build(P, st, scale=True):
    A = P['A'].tocsr()
    m, n = A.shape
    if scale:
        r, cs = equilibrate(A)
    else:
        r, cs = np.ones(m), np.ones(n)
    As = (sp.diags(r) @ A @ sp.diags(cs)).tocoo()
    c = P['c'] * cs
    cmax = np.abs(c).max()
    c = c / cmax
    lb = P['lb'] / cs; ub = P['ub'] / cs
    rhs = P['rhs'] * r
    # global primal scaling so that typical finite bounds are O(1)
    fb = np.abs(ub[np.isfinite(ub) & (ub != 0)])
    beta = float(np.median(fb)) if fb.size else 1.0
    lb = lb / beta; ub = ub / beta; rhs = rhs / beta
    rtype = P['rtype']
    S = st['S']; mt = len(st['rtemp']); nt = len(st['ctemp'])
    fc = st['first_cols']; fr = st['first_rows']
    nx = len(fc)
    xpos = np.full(n, -1); xpos[fc] = np.arange(nx)
    # first stage
    c0 = c[fc]; lx = lb[fc]; ux = ub[fc]
    frpos = np.full(m, -1); frpos[fr] = np.arange(len(fr))
    assert np.all(rtype[fr] == 'L')
    isfr = frpos[As.row] >= 0
    A0 = np.zeros((len(fr), nx))
    A0[frpos[As.row[isfr]], xpos[As.col[isfr]]] = As.data[isfr]
    b0 = rhs[fr]
    # scenario blocks (template padded)
    Wy = np.zeros((S, mt, nt)); T = np.zeros((S, mt, nx)); h = np.zeros((S, mt))
    sig = np.zeros((S, mt))
    ny = nt; nn = nt + mt
    q = np.zeros((S, nn)); l = np.zeros((S, nn)); u = np.full((S, nn), INF)
    real = np.zeros((S, nn), bool)
    rowpresent = np.zeros((S, mt), bool); colpresent = np.zeros((S, nt), bool)
    rs, rt = st['row_s'], st['row_t']; cs_, ct = st['col_s'], st['col_t']
    sr = np.nonzero(rs >= 0)[0]
    rowpresent[rs[sr], rt[sr]] = True
    sc = np.nonzero(cs_ >= 0)[0]
    colpresent[cs_[sc], ct[sc]] = True
    # columns
    q[cs_[sc], ct[sc]] = c[sc]
    l[cs_[sc], ct[sc]] = lb[sc]
    u[cs_[sc], ct[sc]] = ub[sc]
    real[cs_[sc], ct[sc]] = True
    fixed_val = np.zeros((S, nt))
    fixed = np.zeros((S, nt), bool)
    # presolve (activity-bound propagation, rows without first-stage entries and rhs 0):
    #   L row  sum a_j y_j <= 0 with all free a_j > 0, y_j >= 0      -> those y_j = 0
    #   E row  sum a_j y_j  = 0 with all free a_j of one sign, y >= 0 -> those y_j = 0
    # (zero-capacity legs, and nodes whose only exits are zero-capacity legs). Fixed columns
    # are removed (dummy), rows left with no free column are dropped.
    Acsr = As.tocsr()
    hasx = np.zeros(m, bool); hasx[As.row[xpos[As.col] >= 0]] = True
    forced_rows = []
    dropped = np.zeros(m, bool)
    changed = True
    while changed:
        changed = False
        for i in sr:
            if dropped[i] or hasx[i] or rhs[i] != 0.0 or rtype[i] == 'G':
                continue
            a = Acsr.data[Acsr.indptr[i]:Acsr.indptr[i + 1]]; js = Acsr.indices[Acsr.indptr[i]:Acsr.indptr[i + 1]]
            free = ub[js] != lb[js]
            if not free.any():
                dropped[i] = True; forced_rows.append(i); changed = True; continue
            af, jf = a[free], js[free]
            if not np.all(lb[jf] == 0):
                continue
            if np.all(af > 0) or (rtype[i] == 'E' and np.all(af < 0)):
                ub[jf] = 0.0
                dropped[i] = True; forced_rows.append(i); changed = True
    forced_rows = np.array(forced_rows, int)
    if len(forced_rows):
        rowpresent[rs[forced_rows], rt[forced_rows]] = False
    fx = sc[lb[sc] == ub[sc]]
    fixed[cs_[fx], ct[fx]] = True
    fixed_val[cs_[fx], ct[fx]] = lb[fx]
    # matrix entries
    srow = rs[As.row] >= 0
    e_sc = srow & (cs_[As.col] >= 0)
    Wy[rs[As.row[e_sc]], rt[As.row[e_sc]], ct[As.col[e_sc]]] = As.data[e_sc]
    e_x = srow & (xpos[As.col] >= 0)
    T[rs[As.row[e_x]], rt[As.row[e_x]], xpos[As.col[e_x]]] = As.data[e_x]
    h[rs[sr], rt[sr]] = rhs[sr]
    sg = np.where(rtype[sr] == 'L', 1.0, np.where(rtype[sr] == 'G', -1.0, 0.0))
    sig[rs[sr], rt[sr]] = sg
    # slack columns
    sl_idx = ny + np.arange(mt)
    q[:, sl_idx] = 0.0
    l[:, sl_idx] = 0.0
    u[:, sl_idx] = INF
    real[:, sl_idx] = sig != 0
    # fixed columns -> move to rhs, make dummy
    if fixed.any():
        h -= np.einsum('smn,sn->sm', Wy, np.where(fixed, fixed_val, 0.0))
        Wy[fixed[:, None, :].repeat(mt, 1)] = 0.0
    dummy_col = np.zeros((S, nn), bool)
    dummy_col[:, :ny] = (~colpresent) | fixed
    dummy_col[:, ny:] = (sig == 0)
    # missing rows: make dummy row with its slack = 1
    miss = ~rowpresent
    sig[miss] = 1.0; h[miss] = 1.0
    Wy[miss] = 0.0; T[miss] = 0.0
    dummy_col[:, ny:] |= miss
    real[:, ny:] &= ~miss
    real &= ~dummy_col
    l[dummy_col] = 0.0; u[dummy_col] = 2.0; q[dummy_col] = 0.0
    # missing-row slack keeps sig=1 (row: slack = 1); E-row slack slot is decoupled (sig=0)
    info = dict(nforced_rows=len(forced_rows), nfixed=int(fixed.sum()), nmissing_rows=int(miss.sum()), nmissing_cols=int((~colpresent).sum()))
    pexc = np.zeros(S)
    for k, i in st['cvar_rows'].items():
        pass
    exc_cols = [j for j, cn in enumerate(P['cols']) if cn.startswith('cvar.excess[')]
    for j in exc_cols:
        pexc[int(P['cols'][j][12:-1])] = abs(P['c'][j])
    return dict(pexc=pexc, S=S, m=mt, ny=ny, n=nn, nx=nx, Wy=Wy, sig=sig, T=T, h=h, q=q, l=l, u=u, real=real,
                c0=c0, lx=lx, ux=ux, A0=A0, b0=b0, cmax=cmax * beta, beta=beta, cs=cs, r=r, fc=fc, info=info,
                objconst=P['objconst'])


# ----------------------------------------------------------------------------------------------
# batched scenario algebra
# ----------------------------------------------------------------------------------------------
class Blocks:
    def __init__(self, B, mu_w):
        self.B = B
        self.Wy = B['Wy']; self.sig = B['sig']; self.T = B['T']; self.h = B['h']; self.q = B['q']
        self.l = B['l']; self.u = B['u']
        self.hl = np.isfinite(self.l); self.hu = np.isfinite(self.u)
        assert np.all(self.hl | self.hu), 'free scenario variable'
        self.ny = B['ny']
        self.w = mu_w  # per-scenario barrier weights (S,)
        self.debug = False

    def Wmul(self, idx, v):  # (k,n)->(k,m)
        return np.einsum('smn,sn->sm', self.Wy[idx], v[:, :self.ny]) + self.sig[idx] * v[:, self.ny:]

    def WTmul(self, idx, lam):  # (k,m)->(k,n)
        return np.concatenate([np.einsum('smn,sm->sn', self.Wy[idx], lam), self.sig[idx] * lam], axis=1)

    def slacks(self, idx, y):
        hl, hu = self.hl[idx], self.hu[idx]
        sl = np.where(hl, y - np.where(hl, self.l[idx], 0), 1.0)
        su = np.where(hu, np.where(hu, self.u[idx], 0) - y, 1.0)
        return sl, su, hl, hu

    def newton(self, idx, x, mu, st, extraT=False):
        """One primal-dual Newton system for scenarios idx at first stage x, barrier mu (scalar).
        Returns direction pieces. If extraT also returns X = M^{-1} T (for outer Hessian)."""
        y, lam, zl, zu = st['y'][idx], st['lam'][idx], st['zl'][idx], st['zu'][idx]
        mus = (mu * self.w[idx])[:, None]
        sl, su, hl, hu = self.slacks(idx, y)
        D = np.where(hl, zl / sl, 0) + np.where(hu, zu / su, 0)
        Dinv = 1.0 / D
        hx = self.h[idx] - np.einsum('smk,k->sm', self.T[idx], x)
        rp = hx - self.Wmul(idx, y)
        rd = self.q[idx] - self.WTmul(idx, lam) - zl + zu
        rho = rd - np.where(hl, mus / sl - zl, 0) + np.where(hu, mus / su - zu, 0)
        Wy = self.Wy[idx]
        M = np.matmul(Wy * Dinv[:, None, :self.ny], Wy.transpose(0, 2, 1))
        dg = self.sig[idx] ** 2 * Dinv[:, self.ny:]
        mI = np.arange(M.shape[1])
        M[:, mI, mI] += dg
        M[:, mI, mI] *= (1 + 1e-14)
        rhs = rp + self.Wmul(idx, Dinv * rho)
        # mu-derivative of the rhs (rho is affine in the target mu): lets the caller pick mu afterwards
        r1 = -(np.where(hl, self.w[idx][:, None] / sl, 0) - np.where(hu, self.w[idx][:, None] / su, 0))
        rhs1 = self.Wmul(idx, Dinv * r1)
        if extraT:
            R = np.concatenate([rhs[:, :, None], rhs1[:, :, None], self.T[idx]], axis=2)
        else:
            R = rhs[:, :, None]
        try:
            L = np.linalg.cholesky(M)
            Y = np.linalg.solve(L, R)
            Sol = np.linalg.solve(L.transpose(0, 2, 1), Y)
        except np.linalg.LinAlgError:
            Sol = np.linalg.solve(M, R)
        v = Sol[:, :, 0]
        X = Sol[:, :, 2:] if extraT else None
        v1 = Sol[:, :, 1] if extraT else None
        return dict(idx=idx, v=v, X=X, Dinv=Dinv, rho=rho, sl=sl, su=su, hl=hl, hu=hu, mus=mus,
                    rp=rp, rd=rd, v1=v1, r1=r1, mu=mu)

    def retarget(self, N, mu_t):
        """Re-express a Newton system computed for target mu N['mu'] for another target mu_t
        (same factorisation; only the complementarity target changes)."""
        d = mu_t - N['mu']
        N = dict(N)
        N['v'] = N['v'] + d * N['v1']
        N['rho'] = N['rho'] + d * N['r1']
        N['mus'] = (mu_t * self.w[N['idx']])[:, None]
        N['mu'] = mu_t
        return N

    def apply(self, N, st, dlam, frac=0.99):
        """Given dlam for scenarios N['idx'], recover dy, dz and take per-scenario steps."""
        idx = N['idx']
        y, lam, zl, zu = st['y'][idx], st['lam'][idx], st['zl'][idx], st['zu'][idx]
        sl, su, hl, hu, mus = N['sl'], N['su'], N['hl'], N['hu'], N['mus']
        dy = N['Dinv'] * (self.WTmul(idx, dlam) - N['rho'])
        dzl = np.where(hl, (mus - sl * zl - zl * dy) / sl, 0)
        dzu = np.where(hu, (mus - su * zu + zu * dy) / su, 0)
        # per scenario step lengths
        with np.errstate(divide='ignore', invalid='ignore'):
            ap = np.minimum(np.where(hl & (dy < 0), -sl / dy, INF).min(1),
                            np.where(hu & (dy > 0), su / dy, INF).min(1))
            ad = np.minimum(np.where(hl & (dzl < 0), -zl / dzl, INF).min(1),
                            np.where(hu & (dzu < 0), -zu / dzu, INF).min(1))
        ap = np.minimum(1.0, frac * ap); ad = np.minimum(1.0, frac * ad)
        st['y'][idx] = y + ap[:, None] * dy
        st['lam'][idx] = lam + ad[:, None] * dlam
        st['zl'][idx] = zl + ad[:, None] * dzl
        st['zu'][idx] = zu + ad[:, None] * dzu
        return ap, ad

    def proximity(self, idx, x, mu, st):
        y, lam, zl, zu = st['y'][idx], st['lam'][idx], st['zl'][idx], st['zu'][idx]
        mus = (mu * self.w[idx])[:, None]
        sl, su, hl, hu = self.slacks(idx, y)
        hx = self.h[idx] - np.einsum('smk,k->sm', self.T[idx], x)
        rp = hx - self.Wmul(idx, y)
        rd = self.q[idx] - self.WTmul(idx, lam) - zl + zu
        cl = np.where(hl, sl * zl / mus - 1, 0); cu = np.where(hu, su * zu / mus - 1, 0)
        prox = np.maximum(np.abs(cl).max(1), np.abs(cu).max(1))
        ep = np.abs(rp).max(1) / (1 + np.abs(hx).max(1))
        ed = np.abs(rd).max(1) / (1 + np.abs(self.q[idx]).max(1))
        return prox, ep, ed

    def centre(self, x, mu, st, theta, idx=None, maxit=60, feas=1e-9):
        """Inner re-centring: Newton steps on every scenario not yet centred. Returns steps per scenario."""
        S = self.Wy.shape[0]
        if idx is None:
            idx = np.arange(S)
        steps = np.zeros(S, int)
        lastfull = np.zeros(S, bool)
        for it in range(maxit):
            prox, ep, ed = self.proximity(idx, x, mu, st)
            # centred: proximity within theta and feasible (or at the numerical floor: the last
            # Newton step was a full primal and dual step, so the linear residuals are round-off)
            bad = (prox > theta) | (((ep > feas) | (ed > feas)) & ~lastfull[idx])
            idx = idx[bad]
            if len(idx) == 0:
                break
            N = self.newton(idx, x, mu, st)
            ap_, ad_ = self.apply(N, st, N['v'])
            lastfull[idx] = (ap_ >= 1.0) & (ad_ >= 1.0)
            steps[idx] += 1
            if self.debug and it in (20, 40, 59):
                print(f'      centre it {it}: left {len(idx)} prox {np.round(prox[bad][:4],3)} ep {ep[bad][:4]} ed {ed[bad][:4]} ap {np.round(ap_[:4],3)} ad {np.round(ad_[:4],3)}')
        return steps, idx


# ----------------------------------------------------------------------------------------------
# outer method
# ----------------------------------------------------------------------------------------------
def first_stage_barrier(B, x, mu):
    lx, ux, A0, b0 = B['lx'], B['ux'], B['A0'], B['b0']
    hl, hu = np.isfinite(lx), np.isfinite(ux)
    g = np.zeros_like(x); H = np.zeros((len(x), len(x)))
    dl = np.where(hl, x - np.where(hl, lx, 0), 1); du = np.where(hu, np.where(hu, ux, 0) - x, 1)
    g += np.where(hl, -mu / dl, 0) + np.where(hu, mu / du, 0)
    H += np.diag(np.where(hl, mu / dl ** 2, 0) + np.where(hu, mu / du ** 2, 0))
    s0 = b0 - A0 @ x
    g += A0.T @ (mu / s0)
    H += A0.T @ (A0 * (mu / s0 ** 2)[:, None])
    nbar = hl.sum() + hu.sum() + len(b0)
    return g, H, nbar


def first_stage_slacks(B, x):
    lx, ux = B['lx'], B['ux']
    hl, hu = np.isfinite(lx), np.isfinite(ux)
    sl = np.where(hl, x - np.where(hl, lx, 0), 1.0); su = np.where(hu, np.where(hu, ux, 0) - x, 1.0)
    return sl, su, hl, hu, B['b0'] - B['A0'] @ x


def first_stage_pd_hessian(B, x, zx):
    sl, su, hl, hu, s0 = first_stage_slacks(B, x)
    H = np.diag(np.where(hl, zx['l'] / sl, 0) + np.where(hu, zx['u'] / su, 0))
    return H + B['A0'].T @ (B['A0'] * (zx['r'] / s0)[:, None])


def first_stage_dual_step(B, x, zx, dx, alpha, mu, frac=0.99):
    """primal-dual update of the first-stage bound/row duals for the step alpha*dx (own dual step length)"""
    sl, su, hl, hu, s0 = first_stage_slacks(B, x)
    dzl = np.where(hl, (mu - sl * zx['l'] - zx['l'] * dx) / sl, 0)
    dzu = np.where(hu, (mu - su * zx['u'] + zx['u'] * dx) / su, 0)
    dzr = (mu - s0 * zx['r'] + zx['r'] * (B['A0'] @ dx)) / s0
    a = 1.0
    for z, dz in ((zx['l'], dzl), (zx['u'], dzu), (zx['r'], dzr)):
        m = dz < 0
        if m.any():
            a = min(a, frac * np.min(-z[m] / dz[m]))
    return dict(l=zx['l'] + a * dzl, u=zx['u'] + a * dzu, r=zx['r'] + a * dzr)


def max_step_first(B, x, dx, frac=0.99):
    lx, ux, A0, b0 = B['lx'], B['ux'], B['A0'], B['b0']
    a = INF
    with np.errstate(divide='ignore', invalid='ignore'):
        m1 = np.isfinite(lx) & (dx < 0)
        if m1.any(): a = min(a, np.min((lx[m1] - x[m1]) / dx[m1]))
        m2 = np.isfinite(ux) & (dx > 0)
        if m2.any(): a = min(a, np.min((ux[m2] - x[m2]) / dx[m2]))
        s0 = b0 - A0 @ x; ds = A0 @ dx
        m3 = ds > 0
        if m3.any(): a = min(a, np.min(s0[m3] / ds[m3]))
    return min(1.0, frac * a)


def solve(B, args, log=print):
    S, nx = B['S'], B['nx']
    if args.weights == 'mo':
        # Mehrotra-Ozevin (2009) practical weighting: scenario barrier weighted by its probability
        # (sum of weights = 1), i.e. F = c0'x - mu*log-barrier_1st + sum_s p_s * Q_s(x, mu) with
        # Q_s defined with the un-weighted scenario cost. p_s from the cvar.excess cost (prop. to p_s).
        w = B['pexc'] / B['pexc'].sum()
    elif args.weights == 'prob':
        # barrier weight proportional to the scenario's cvar.excess cost (= its probability weight)
        ce = B['q'][:, :B['ny']]
        w = np.abs(ce).sum(1); w = w / w.mean()
    else:
        w = np.ones(S)
    blk = Blocks(B, w)
    blk.debug = bool(args.debug)
    l, u = B['l'], B['u']
    # initial first stage: middle of box, t = 0
    lx, ux = B['lx'], B['ux']
    x = np.where(np.isfinite(lx) & np.isfinite(ux), 0.5 * (lx + ux), 0.0)
    # make first-stage rows strictly feasible (shrink contracts if needed)
    s0 = B['b0'] - B['A0'] @ x
    if np.any(s0 <= 0):
        fin = np.isfinite(lx) & np.isfinite(ux)
        for f in [0.5, 0.25, 0.1, 0.05, 0.01]:
            xt = np.where(fin, lx + f * (ux - lx), x)
            if np.all(B['b0'] - B['A0'] @ xt > 0):
                x = xt; break
    # initial scenario points
    hl, hu = np.isfinite(l), np.isfinite(u)
    y0 = np.where(hl & hu, 0.5 * (l + u), np.where(hl, np.where(hl, l, 0) + 1.0, np.where(hu, u, 0) - 1.0))
    mu = args.mu0
    st = dict(y=y0.copy(), lam=np.zeros((S, B['m'])))
    sl, su, _, _ = blk.slacks(np.arange(S), st['y'])
    st['zl'] = np.where(hl, mu * w[:, None] / sl, 0.0)
    st['zu'] = np.where(hu, mu * w[:, None] / su, 0.0)
    t0 = time.time()
    steps0, left = blk.centre(x, mu, st, args.theta, maxit=200)
    nbar1_0 = first_stage_barrier(B, x, mu)[2]
    if args.mu0auto:
        # rescale mu0 so that (number of barrier terms) * mu0 ~ |objective estimate| * mu0auto
        obj_est = abs(B['c0'] @ x + (B['q'] * st['y']).sum())
        nterm = ((B['real'] & np.isfinite(l)).sum(1) * w + (B['real'] & np.isfinite(u)).sum(1) * w).sum() + nbar1_0
        mu = args.mu0auto * obj_est / nterm
        s2, left = blk.centre(x, mu, st, args.theta, maxit=200)
        steps0 = steps0 + s2
    log(f'initial centring at mu0={mu:.3g} (start {args.mu0:.3g}): total {steps0.sum()} steps, /S {steps0.mean():.2f}, max {steps0.max()}, not centred {len(left)}  ({time.time()-t0:.1f}s)')
    real = B['real']
    nreal = real.sum() + 0
    _, _, nbar1 = first_stage_barrier(B, x, mu)
    hist = []
    nred = 0
    inner_total = 0
    delta_prev = INF
    converged = False
    allidx = np.arange(S)
    T = B['T']

    def Fval(xv, mu_, stt):
        """outer barrier function value at (approximately) centred scenario points"""
        sl, su, hl_, hu_ = blk.slacks(allidx, stt['y'])
        f = B['c0'] @ xv + (B['q'] * stt['y']).sum()
        f -= (mu_ * w[:, None] * (np.where(hl_, np.log(sl), 0) + np.where(hu_, np.log(su), 0))).sum()
        lx_, ux_ = B['lx'], B['ux']
        fl, fu = np.isfinite(lx_), np.isfinite(ux_)
        f -= mu_ * (np.log(np.where(fl, xv - np.where(fl, lx_, 0), 1)).sum() + np.log(np.where(fu, np.where(fu, ux_, 0) - xv, 1)).sum()
                    + np.log(B['b0'] - B['A0'] @ xv).sum())
        return f

    # primal-dual first stage: duals of x bounds and of the first-stage rows
    zx = dict(l=np.where(np.isfinite(B['lx']), mu / np.where(np.isfinite(B['lx']), x - np.nan_to_num(B['lx'], neginf=0), 1), 0.0),
              u=np.where(np.isfinite(B['ux']), mu / np.where(np.isfinite(B['ux']), np.nan_to_num(B['ux'], posinf=0) - x, 1), 0.0),
              r=mu / (B['b0'] - B['A0'] @ x))

    def grad(xv, mu_, stt):
        gb_, _, _ = first_stage_barrier(B, xv, mu_)
        return B['c0'] + gb_ - np.einsum('smk,sm->k', T, stt['lam'])

    pending_inner = np.zeros(S, int)
    rel_prev = np.inf
    reduce_next = False
    sigma = args.sigma
    for k in range(args.maxout):
        mu_new = mu
        red_step = False
        if args.mode == 'pc' and reduce_next:
            # predictor-corrector style: the mu reduction is folded into this outer step (scenario
            # responses to the new mu come from the same linearisation as the x step)
            mu_new = mu * sigma
            nred += 1
            red_step = True
        N = blk.newton(allidx, x, mu_new, st, extraT=True)
        Hs = np.einsum('smk,sml->kl', T, N['X'])
        TtL = np.einsum('smk,sm->k', T, st['lam'])
        Tv0 = np.einsum('smk,sm->k', T, N['v']); Tv1 = np.einsum('smk,sm->k', T, N['v1'])

        def xstep(mu_t):
            gb, Hb, _ = first_stage_barrier(B, x, mu_t)
            if args.pd1:
                Hb = first_stage_pd_hessian(B, x, zx)
            g = B['c0'] + gb - TtL - Tv0 - (mu_t - N['mu']) * Tv1
            H = Hb + Hs
            H = 0.5 * (H + H.T)
            dx = -np.linalg.solve(H, g)
            return g, dx, np.sqrt(max(dx @ H @ dx, 0) / mu_t)

        if args.mode == 'adapt':
            # choose the smallest target mu whose predicted outer Newton decrement stays <= delta_target
            mu_new = mu
            for sg in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7):
                if xstep(mu * sg)[2] <= args.dtarget:
                    mu_new = mu * sg
                    break
            if mu_new < mu:
                nred += 1
                red_step = True
                N = blk.retarget(N, mu_new)
            sigma = mu_new / mu
        if args.mode == 'pc2':
            # fused mu update: if the outer decrement at the current mu is already small, reduce mu
            # now and re-target the same factorisation (no extra outer iteration for the decision)
            dcur = xstep(mu)[2]
            if dcur <= args.dcur:
                if rel_prev < args.tol:
                    converged = True
                    break
                mu_new = mu * args.sigma
                nred += 1
                red_step = True
                N = blk.retarget(N, mu_new)
        g, dx, delta = xstep(mu_new)
        alpha = max_step_first(B, x, dx)
        if args.selfconc and delta > args.damp:
            alpha = min(alpha, 1.0 / (1.0 + delta))
        if args.debug:
            Hd = first_stage_pd_hessian(B, x, zx) if args.pd1 else first_stage_barrier(B, x, mu_new)[1]
            Hfull = Hd + Hs
            contrib = dx * (Hfull @ dx) / mu_new
            o = np.argsort(-np.abs(contrib))[:4]
            log('    dbg top decrement contributions (idx, share, dx, x, lx, ux): ' + '; '.join(
                f'{i}:{contrib[i]/max(contrib.sum(),1e-300):.2f},{dx[i]:.3g},{x[i]:.3g},{B["lx"][i]:.3g},{B["ux"][i]:.3g}' for i in o))
        mu = mu_new
        d0 = g @ dx  # < 0
        steps = pending_inner.copy()
        ntrial = 0
        while True:
            ntrial += 1
            stt = {kk: vv.copy() for kk, vv in st.items()}
            xt = x + alpha * dx
            # prediction: linear response of each scenario (same factorisation), own step lengths
            dlam = N['v'] - alpha * np.einsum('smk,k->sm', N['X'], dx)
            ap, ad = blk.apply(N, stt, dlam)
            stp, left = blk.centre(xt, mu, stt, args.theta)
            steps += stp
            if not args.linesearch:
                break
            d1 = grad(xt, mu, stt) @ dx
            if d1 <= args.lsacc * abs(d0) or ntrial >= args.lsmax:
                break
            asec = alpha * (-d0) / (d1 - d0)
            alpha = max(0.1 * alpha, min(0.8 * alpha, asec))
        if args.pd1:
            zx = first_stage_dual_step(B, x, zx, dx, alpha, mu)
        x = xt; st = stt
        inner_total += steps.sum()
        # measures
        sl, su, hl_, hu_ = blk.slacks(allidx, st['y'])
        comp = (np.where(hl_, sl * st['zl'], 0) + np.where(hu_, su * st['zu'], 0))
        gap = (comp * real).sum() + mu * nbar1
        obj_s = B['c0'] @ x + (B['q'] * st['y']).sum()
        rel = gap / max(abs(obj_s), 1e-300)
        hist.append(dict(k=k + 1, mu=mu, delta=delta, alpha=alpha, inner_max=int(steps.max()),
                         inner_mean=float(steps.mean()), apmin=float(ap.min()), admin=float(ad.min()),
                         relgap=rel, obj=obj_s * B['cmax'] + B['objconst'], ntrial=ntrial, sigma=sigma))
        log(f"{k+1:3d} mu={mu:9.3e} delta={delta:9.3e} alpha={alpha:6.4f} ntrial={ntrial} pred(ap min {ap.min():.2f} ad min {ad.min():.2f})"
            f" sig={sigma:.3f} inner mean={steps.mean():5.2f} max={steps.max():2d} left={len(left)} relgap={rel:9.2e} obj={obj_s*B['cmax']+B['objconst']:.10e}")
        pending_inner[:] = 0
        rel_prev = rel
        # decrement at the new point decides the mu update (cheap proxy: delta of this step times (1-alpha))
        small = (alpha == 1.0 and delta < args.dtol) or (delta * (1 - alpha) < args.dtol * 0.5 and alpha == 1.0 and delta < 2 * args.dtol)
        if args.mode == 'pc2':
            continue
        if args.mode == 'adapt':
            full = alpha >= 0.999 * max_step_first(B, x - alpha * dx, dx) and ntrial == 1
            small = full
        if args.mode == 'pc':
            full = (alpha >= 0.999 * max_step_first(B, x - alpha * dx, dx) and ntrial == 1
                    and (alpha >= 0.5 or not args.adapt))
            small = full and delta < args.dtol2
            if args.adapt and red_step:
                # adaptive mu update: a reduction step that was taken in full -> be more aggressive next
                # time; a reduction step that needed a line-search cut -> be more cautious
                sigma = max(args.sigmin, sigma * 0.5) if full else min(args.sigmax, sigma * 2.0)
            hist[-1]['sigma'] = sigma
        reduce_next = False
        if small:
            if rel < args.tol and len(left) == 0:
                converged = True
                break
            if args.mode == 'adapt':
                pass
            elif args.mode == 'zhao':
                # reduce mu and re-centre every scenario at the current x (inner steps charged to next outer step)
                mu *= sigma
                nred += 1
                pending_inner, left = blk.centre(x, mu, st, args.theta)
            else:
                reduce_next = True
    obj = obj_s * B['cmax'] + B['objconst']
    return dict(outer=len(hist), mu_reductions=nred, inner_total=int(inner_total), inner_per_S=inner_total / S,
                init_steps_per_S=float(steps0.mean()), init_steps_max=int(steps0.max()),
                outer_inner_max_mean=float(np.mean([h_['inner_max'] for h_ in hist])),
                outer_inner_max_max=int(np.max([h_['inner_max'] for h_ in hist])),
                outer_inner_mean_mean=float(np.mean([h_['inner_mean'] for h_ in hist])),
                rounds=int(sum(h_['ntrial'] for h_ in hist)),
                obj=obj, converged=converged, relgap=hist[-1]['relgap'], x=x, hist=hist)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mps')
    ap.add_argument('--sigma', type=float, default=0.3)
    ap.add_argument('--dtol', type=float, default=0.5)
    ap.add_argument('--theta', type=float, default=0.5)
    ap.add_argument('--mu0', type=float, default=1.0)
    ap.add_argument('--damp', type=float, default=1.0)
    ap.add_argument('--selfconc', action='store_true')
    ap.add_argument('--linesearch', type=int, default=1)
    ap.add_argument('--lsacc', type=float, default=0.5)
    ap.add_argument('--lsmax', type=int, default=6)
    ap.add_argument('--mode', default='pc')
    ap.add_argument('--fixt', action='store_true')
    ap.add_argument('--pd1', type=int, default=1)
    ap.add_argument('--dcur', type=float, default=10.0)
    ap.add_argument('--debug', type=int, default=0)
    ap.add_argument('--dtarget', type=float, default=15.0)
    ap.add_argument('--adapt', type=int, default=0)
    ap.add_argument('--sigmin', type=float, default=0.05)
    ap.add_argument('--sigmax', type=float, default=0.5)
    ap.add_argument('--mu0auto', type=float, default=1.0)
    ap.add_argument('--dtol2', type=float, default=30.0)
    ap.add_argument('--maxout', type=int, default=300)
    ap.add_argument('--tol', type=float, default=1e-8)
    ap.add_argument('--weights', default='one')
    ap.add_argument('--highs', action='store_true')
    ap.add_argument('--noscale', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    P = parse_mps(args.mps)
    st = structure(P)
    ref = None
    for line in open('reference.txt'):
        f = line.split()
        if int(f[0]) == st['S']:
            ref = float(f[2])
    print(f"parsed {args.mps}: A {P['A'].shape} nnz {P['A'].nnz}; S={st['S']} ({time.time()-t0:.1f}s)")
    if args.highs:
        print('HiGHS on extensive form:', solve_highs(P), 'reference', ref)
    B = build(P, st, scale=not args.noscale)
    print('template: m', B['m'], 'ny', B['ny'], 'nx', B['nx'], B['info'], f"cmax {B['cmax']:.3e}")
    t1 = time.time()
    if args.fixt:
        # diagnostic: fix the CVaR threshold t at its optimal value (from HiGHS) and drop it from x
        import highspy
        h = highspy.Highs(); h.setOptionValue('output_flag', False)
        from mpsio import solve_highs as _sh
        lp = highspy.HighsLp(); A = P['A'].tocsc()
        lp.num_col_ = A.shape[1]; lp.num_row_ = A.shape[0]
        lp.col_cost_ = P['c']; lp.col_lower_ = P['lb']; lp.col_upper_ = P['ub']
        lp.row_lower_ = P['rlo']; lp.row_upper_ = P['rup']
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = A.indptr; lp.a_matrix_.index_ = A.indices; lp.a_matrix_.value_ = A.data
        h.passModel(lp); h.run()
        jt = P['cols'].index('cvar.var')
        tstar = h.getSolution().col_value[jt]
        it = int(np.nonzero(B['fc'] == jt)[0][0])
        ts = tstar / B['cs'][jt] / B['beta']
        B['h'] = B['h'] - B['T'][:, :, it] * ts
        B['objconst'] += P['c'][jt] * tstar
        keep = np.arange(B['nx']) != it
        B['T'] = np.ascontiguousarray(B['T'][:, :, keep]); B['c0'] = B['c0'][keep]
        B['lx'] = B['lx'][keep]; B['ux'] = B['ux'][keep]; B['A0'] = B['A0'][:, keep]
        B['nx'] -= 1; B['fc'] = B['fc'][keep]
        print('fixed t at', tstar)
    R = solve(B, args)
    R['time'] = time.time() - t1
    R['S'] = st['S']
    R['ref'] = ref
    R['relerr'] = abs(R['obj'] - ref) / abs(ref) if ref else None
    R.pop('x'); hist = R.pop('hist')
    R['args'] = vars(args)
    print('SUMMARY', json.dumps(R))


if __name__ == '__main__':
    main()
