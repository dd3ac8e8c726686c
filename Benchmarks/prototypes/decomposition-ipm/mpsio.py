"""Free-format MPS parser + block-structure extraction for the derisk two-stage model."""
import numpy as np
import scipy.sparse as sp

INF = np.inf


def parse_mps(path):
    rows, rtype, ridx = [], [], {}
    obj = None
    cols, cidx = [], {}
    I, J, V = [], [], []
    c_obj = {}
    rhs = None
    rng = None
    lb, ub = None, None
    sec = None
    objconst = 0.0
    with open(path) as f:
        data = f.read().split('\n')
    for line in data:
        if not line:
            continue
        if line[0] != ' ':
            tok = line.split()
            sec = tok[0]
            if sec == 'COLUMNS':
                m = len(rows)
            if sec == 'RHS':
                rhs = np.zeros(len(rows))
            if sec == 'RANGES':
                rng = {}
            if sec == 'BOUNDS':
                pass
            continue
        tok = line.split()
        if sec == 'ROWS':
            t, name = tok[0], tok[1]
            if t == 'N':
                if obj is None:
                    obj = name
                continue
            ridx[name] = len(rows)
            rows.append(name)
            rtype.append(t)
        elif sec == 'COLUMNS':
            if tok[1] == "'MARKER'":
                raise ValueError('integer markers not supported')
            cn = tok[0]
            j = cidx.get(cn)
            if j is None:
                j = len(cols)
                cidx[cn] = j
                cols.append(cn)
            for k in range(1, len(tok), 2):
                rn, v = tok[k], float(tok[k + 1])
                if rn == obj:
                    c_obj[j] = c_obj.get(j, 0.0) + v
                else:
                    I.append(ridx[rn]); J.append(j); V.append(v)
        elif sec == 'RHS':
            for k in range(1, len(tok), 2):
                rn, v = tok[k], float(tok[k + 1])
                if rn == obj:
                    objconst = -v
                else:
                    rhs[ridx[rn]] = v
        elif sec == 'RANGES':
            for k in range(1, len(tok), 2):
                rng[ridx[tok[k]]] = float(tok[k + 1])
        elif sec == 'BOUNDS':
            if lb is None:
                lb = np.zeros(len(cols)); ub = np.full(len(cols), INF)
            bt, cn = tok[0], tok[2]
            j = cidx[cn]
            v = float(tok[3]) if len(tok) > 3 else 0.0
            if bt == 'UP':
                ub[j] = v
                if v < 0 and lb[j] == 0:
                    lb[j] = -INF
            elif bt == 'LO':
                lb[j] = v
            elif bt == 'FX':
                lb[j] = v; ub[j] = v
            elif bt == 'FR':
                lb[j] = -INF; ub[j] = INF
            elif bt == 'MI':
                lb[j] = -INF
            elif bt == 'PL':
                ub[j] = INF
            else:
                raise ValueError('bound type ' + bt)
    n = len(cols); m = len(rows)
    if lb is None:
        lb = np.zeros(n); ub = np.full(n, INF)
    if rhs is None:
        rhs = np.zeros(m)
    c = np.zeros(n)
    for j, v in c_obj.items():
        c[j] = v
    A = sp.csr_matrix((np.array(V), (np.array(I), np.array(J))), shape=(m, n))
    rtype = np.array(rtype)
    rlo = np.where(rtype == 'L', -INF, rhs).astype(float)
    rup = np.where(rtype == 'G', INF, rhs).astype(float)
    if rng:
        for i, R in rng.items():
            if rtype[i] == 'L':
                rlo[i] = rhs[i] - abs(R)
            elif rtype[i] == 'G':
                rup[i] = rhs[i] + abs(R)
            else:
                if R >= 0: rup[i] = rhs[i] + R
                else: rlo[i] = rhs[i] + R
    return dict(c=c, A=A, rlo=rlo, rup=rup, rtype=rtype, rhs=rhs, lb=lb, ub=ub,
                rows=rows, cols=cols, objconst=objconst)


def solve_highs(P):
    import highspy
    h = highspy.Highs()
    h.setOptionValue('output_flag', False)
    lp = highspy.HighsLp()
    A = P['A'].tocsc()
    lp.num_col_ = A.shape[1]; lp.num_row_ = A.shape[0]
    lp.col_cost_ = P['c']; lp.col_lower_ = P['lb']; lp.col_upper_ = P['ub']
    lp.row_lower_ = P['rlo']; lp.row_upper_ = P['rup']
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = A.indptr; lp.a_matrix_.index_ = A.indices; lp.a_matrix_.value_ = A.data
    lp.offset_ = P['objconst']
    h.passModel(lp)
    h.run()
    return h.modelStatusToString(h.getModelStatus()), h.getInfo().objective_function_value


def last_index(name):
    """'flow[K0a,mat0,baseline]' -> ('flow[K0a,mat0]', 'baseline')"""
    b = name.index('[')
    inner = name[b + 1:-1].split(',')
    return name[:b] + '[' + ','.join(inner[:-1]) + ']', inner[-1]


def is_first_col(n):
    return n.startswith('contract[') or n == 'cvar.var'


def is_first_row(n):
    return n.startswith('country_share[')


def structure(P):
    """Classify rows/cols into first stage and scenarios; returns index maps and templates."""
    rows, cols = P['rows'], P['cols']
    m, n = len(rows), len(cols)
    scen_names, sidx = [], {}
    row_s = np.full(m, -1); row_t = np.full(m, -1)
    col_s = np.full(n, -1); col_t = np.full(n, -1)
    rtemp, ctemp = {}, {}
    first_rows, first_cols = [], []
    cvar_rows = {}
    for i, r in enumerate(rows):
        if is_first_row(r):
            first_rows.append(i); continue
        if r.startswith('cvar.excess['):
            k = int(r[12:-1]); cvar_rows[k] = i; key = 'cvar.excess'
        else:
            key, sn = last_index(r)
            if sn not in sidx:
                sidx[sn] = len(scen_names); scen_names.append(sn)
            k = sidx[sn]
        row_s[i] = k
        row_t[i] = rtemp.setdefault(key, len(rtemp))
    S = len(scen_names)
    assert sorted(cvar_rows) == list(range(S)), 'cvar rows vs scenario names mismatch'
    for i in cvar_rows.values():
        pass
    for j, cn in enumerate(cols):
        if is_first_col(cn):
            first_cols.append(j); continue
        if cn.startswith('cvar.excess['):
            k = int(cn[12:-1]); key = 'cvar.excess'
        else:
            key, sn = last_index(cn)
            k = sidx[sn]
        col_s[j] = k
        col_t[j] = ctemp.setdefault(key, len(ctemp))
    # verification of mapping: cvar.excess[k] row columns carry scenario k's name
    A = P['A'].tocoo()
    isr = row_s[A.row] >= 0
    isc = col_s[A.col] >= 0
    both = isr & isc
    bad = np.count_nonzero(row_s[A.row[both]] != col_s[A.col[both]])
    assert bad == 0, f'{bad} cross-scenario entries'
    # first-stage rows contain only first-stage columns
    fr = (row_s[A.row] < 0)
    assert np.all(col_s[A.col[fr]] < 0), 'first-stage row touches a scenario column'
    return dict(S=S, scen_names=scen_names, row_s=row_s, row_t=row_t, col_s=col_s, col_t=col_t,
                first_rows=np.array(first_rows), first_cols=np.array(first_cols),
                rtemp=rtemp, ctemp=ctemp, cvar_rows=cvar_rows)
