#!/usr/bin/env bash
# Builds the DocC catalogues (Sources/<Module>/<Module>.docc) into static sites under .build/docs/<Module>
# without adding the swift-docc-plugin to Package.swift: symbol graphs from `swift package
# dump-symbol-graph` (a debug build), then the toolchain's `docc convert`.
#
#   scripts/build-docs.sh [Module…]      (default: every library module)
#   python3 -m http.server -d .build/docs/DeriskSourcing   then open /documentation/derisksourcing
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
[ ${#modules[@]} -eq 0 ] && modules=(DeriskLinearAlgebra DeriskSolvers DeriskScenarios DeriskSourcing Derisk)
docc=$(command -v docc || echo "$(dirname "$(readlink -f "$(command -v swift)")")/docc")
[ -x "$docc" ] || { echo "error: no docc in the toolchain" >&2; exit 2; }
# The test-discovery module has no symbol graph to give; the library modules' graphs are written anyway.
swift package dump-symbol-graph --minimum-access-level public >/dev/null 2>&1 || true
graphs=$(dirname "$(find .build -name DeriskSourcing.symbols.json -path "*symbolgraph*" | head -1)")
[ -f "$graphs/DeriskSourcing.symbols.json" ] || { echo "error: no symbol graphs found under .build" >&2; exit 2; }
mkdir -p .build/docs
status=0
for m in "${modules[@]}"; do
  tmp=$(mktemp -d)
  cp "$graphs/$m".symbols.json "$tmp"/ 2>/dev/null || true
  cp "$graphs/$m"@*.symbols.json "$tmp"/ 2>/dev/null || true
  "$docc" convert "Sources/$m/$m.docc" --fallback-display-name "$m" --fallback-bundle-identifier "org.derisk.$m" \
    --additional-symbol-graph-dir "$tmp" --output-path ".build/docs/$m" --transform-for-static-hosting \
    > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; status=2; }
  grep -E "^(warning|error)" "$tmp/log" | sed "s|^|$m: |" || true
  [ -f ".build/docs/$m/index.html" ] && echo "$m → .build/docs/$m/index.html"
  rm -rf "$tmp"
done
exit $status
