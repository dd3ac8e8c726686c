// The one C door from Derisk to the system BLAS and LAPACK.
//
// CBLAS comes from <cblas.h> (Debian's libblas-dev; the symbols live in libblas.so.3, which is
// either the reference BLAS or OpenBLAS, chosen with update-alternatives).
// LAPACK ships no C header on Debian, so the Fortran routines Derisk calls are declared here:
// LP64 `int` for INTEGER, every argument by pointer, and gfortran's hidden trailing `size_t`
// length argument for every CHARACTER argument, in order.
#ifndef DERISK_LAPACK_SHIM_H
#define DERISK_LAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

// Cholesky: A = L Lᵀ (potrf), solve (potrs), reciprocal condition in the 1-norm (pocon).
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
void dpocon_(const char *uplo, const int *n, const double *a, const int *lda, const double *anorm,
             double *rcond, double *work, int *iwork, int *info, size_t uplo_len);

// Symmetric indefinite: A = L D Lᵀ with Bunch–Kaufman pivoting (sytrf), solve (sytrs), condition (sycon).
void dsytrf_(const char *uplo, const int *n, double *a, const int *lda, int *ipiv, double *work,
             const int *lwork, int *info, size_t uplo_len);
void dsytrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             const int *ipiv, double *b, const int *ldb, int *info, size_t uplo_len);
void dsycon_(const char *uplo, const int *n, const double *a, const int *lda, const int *ipiv,
             const double *anorm, double *rcond, double *work, int *iwork, int *info, size_t uplo_len);

// LU with partial pivoting: P A = L U (getrf), solve (getrs), condition (gecon).
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda,
             const int *ipiv, double *b, const int *ldb, int *info, size_t trans_len);
void dgecon_(const char *norm, const int *n, const double *a, const int *lda, const double *anorm,
             double *rcond, double *work, int *iwork, int *info, size_t norm_len);

// Least squares / minimum norm through QR or LQ (gels).
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info, size_t trans_len);

// Symmetric eigendecomposition, divide and conquer (syevd).
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);

// Matrix norms used by the condition estimates.
double dlange_(const char *norm, const int *m, const int *n, const double *a, const int *lda,
               double *work, size_t norm_len);
double dlansy_(const char *norm, const char *uplo, const int *n, const double *a, const int *lda,
               double *work, size_t norm_len, size_t uplo_len);

#endif
