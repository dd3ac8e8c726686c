#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ with `swiftc -sanitize=fuzzer,address`.
#
# SwiftPM cannot build a libFuzzer binary from an executable target (libFuzzer brings its own
# `main`), so each module the harness needs is compiled here from the package's own sources, one
# `swiftc` call per module, into an instrumented static library (coverage + AddressSanitizer), in
# dependency order: Yams' C part (clang), Yams, DeriskLinearAlgebra, DeriskSolvers, DeriskScenarios,
# DeriskSourcing. The harness file is then linked against them with libFuzzer's main.
#
# Usage: Fuzz/build.sh [OUT_DIR]   (default .build/fuzz); needs `swift package resolve` for Yams.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/.build/fuzz}"
mkdir -p "$OUT"
SAN=(-sanitize=fuzzer,address -parse-as-library -O -g -module-cache-path "$OUT/ModuleCache")
YAMS="$ROOT/.build/checkouts/Yams/Sources"
[ -d "$YAMS" ] || (cd "$ROOT" && swift package resolve >/dev/null)

module() {  # module NAME SOURCE_DIR [extra flags]
  local name=$1 dir=$2; shift 2
  mapfile -t files < <(find "$dir" -name '*.swift' | sort)
  swiftc "${SAN[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
    -emit-library -static -o "$OUT/lib$name.a" -I "$OUT" "$@" "${files[@]}"
}

# Yams' C YAML parser, instrumented too (the YAML decoder is half of the model harness).
mkdir -p "$OUT/cyaml"
for c in "$YAMS"/CYaml/src/*.c; do
  clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$YAMS/CYaml/include" \
    "$c" -o "$OUT/cyaml/$(basename "$c" .c).o"
done
ar rcs "$OUT/libCYaml.a" "$OUT"/cyaml/*.o

module DeriskLinearAlgebra "$ROOT/Sources/DeriskLinearAlgebra" -I "$ROOT/Sources/CDeriskLAPACK"
module DeriskSolvers "$ROOT/Sources/DeriskSolvers" -I "$ROOT/Sources/CDeriskLAPACK"
module Yams "$YAMS/Yams" -D SWIFT_PACKAGE -I "$YAMS/CYaml/include" -Xcc -DYAML_DECLARE_STATIC
module DeriskScenarios "$ROOT/Sources/DeriskScenarios" -I "$ROOT/Sources/CDeriskLAPACK" -I "$YAMS/CYaml/include" -Xcc -DYAML_DECLARE_STATIC
module DeriskSourcing "$ROOT/Sources/DeriskSourcing" -I "$ROOT/Sources/CDeriskLAPACK" -I "$YAMS/CYaml/include" -Xcc -DYAML_DECLARE_STATIC

LINK=(-I "$OUT" -I "$ROOT/Sources/CDeriskLAPACK" -I "$YAMS/CYaml/include" -L "$OUT" -llapack -lblas)
swiftc "${SAN[@]}" "$ROOT/Fuzz/MPSReaderFuzz.swift" "${LINK[@]}" -lDeriskSolvers -lDeriskLinearAlgebra \
  -o "$OUT/fuzz-mps"
swiftc "${SAN[@]}" "$ROOT/Fuzz/SourcingModelFuzz.swift" "${LINK[@]}" -lDeriskSourcing -lDeriskScenarios \
  -lDeriskSolvers -lDeriskLinearAlgebra -lYams -lCYaml -o "$OUT/fuzz-model"
echo "built $OUT/fuzz-mps and $OUT/fuzz-model"
