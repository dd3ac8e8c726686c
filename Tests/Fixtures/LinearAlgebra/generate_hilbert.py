"""Reference values for the Hilbert matrix tests, computed in exact or 50-digit arithmetic.

Run: python3 (pyenv 3.11.7 with mpmath) Tests/Fixtures/LinearAlgebra/generate_hilbert.py > Tests/Fixtures/LinearAlgebra/hilbert.txt
Needs mpmath (1.3.0 was used). Each output line is `key value`.
"""
from fractions import Fraction
import mpmath

mpmath.mp.dps = 50
print(f"# mpmath {mpmath.__version__}, mp.dps = 50; exact rationals via fractions.Fraction")
for n in (5, 8):
    H = mpmath.matrix(n, n)
    for i in range(n):
        for j in range(n):
            H[i, j] = mpmath.mpf(1) / (i + j + 1)
    eig = sorted(mpmath.eigsy(H)[0])
    for k, value in enumerate(eig):
        print(f"eigenvalue.H{n}.{k} {mpmath.nstr(value, 30)}")
    # Exact 1-norm condition number from the exact inverse (Gauss-Jordan on rationals).
    A = [[Fraction(1, i + j + 1) for j in range(n)] + [Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    for c in range(n):
        p = next(r for r in range(c, n) if A[r][c] != 0)
        A[c], A[p] = A[p], A[c]
        piv = A[c][c]
        A[c] = [v / piv for v in A[c]]
        for r in range(n):
            if r != c and A[r][c] != 0:
                f = A[r][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    inv = [row[n:] for row in A]
    norm_h = max(sum(Fraction(1, i + j + 1) for i in range(n)) for j in range(n))
    norm_inv = max(sum(abs(inv[i][j]) for i in range(n)) for j in range(n))
    print(f"cond1.H{n} {mpmath.nstr(mpmath.mpf((norm_h * norm_inv).numerator) / (norm_h * norm_inv).denominator, 30)}")
