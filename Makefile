# Derisk: `make run` runs the main job, `make test` runs every test. Both install the system
# BLAS/LAPACK first when they are missing (Debian/Ubuntu; root needed for apt-get).
SHELL := /bin/bash
.DEFAULT_GOAL := run

SYSTEM_PACKAGES := liblapack-dev libblas-dev libopenblas-dev pkg-config

# OpenBLAS threads: one per available core unless the caller chose a number.
OPENBLAS_NUM_THREADS ?= $(shell nproc 2>/dev/null || echo 1)
export OPENBLAS_NUM_THREADS

# Debian's OpenBLAS 0.3.21 misdetects some AVX-512 CPUs as Prescott and runs several times slower.
# Only on CPUs that have avx512f, and only when the caller has not chosen a core type, force SkylakeX.
ifeq ($(origin OPENBLAS_CORETYPE),undefined)
  ifneq ($(shell grep -m1 -ow avx512f /proc/cpuinfo 2>/dev/null),)
    export OPENBLAS_CORETYPE := SkylakeX
  endif
endif

# The Swift code is compiled for this machine's vector units when they are AVX2-class: on x86-64 CPUs
# whose /proc/cpuinfo lists all of AVX2's companions below (the Haswell feature set), `-target-cpu haswell`.
# The scenario backend's eight-lane batches then run in two AVX registers per operation (10,000 generated
# scenarios: 157 → 140 ms per iteration, Benchmarks/RESULTS.md). Results are the same bit for bit: Swift
# does not fuse multiplies and adds unless asked. DERISK_TARGET_CPU=generic builds for any x86-64 (for a
# binary that runs on other machines); any other value is passed to -target-cpu as it is.
ifeq ($(origin DERISK_TARGET_CPU),undefined)
  DERISK_TARGET_CPU := $(shell flags=" $$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "; \
    for f in avx avx2 fma bmi1 bmi2 f16c movbe abm popcnt xsave; do \
      [[ "$$flags" == *" $$f "* ]] || { echo generic; exit 0; }; done; echo haswell)
endif
# DERISK_TUNED_TARGET_CPU tells `derisk doctor` that the code was compiled with -target-cpu.
SWIFT_FLAGS := $(if $(filter-out generic,$(DERISK_TARGET_CPU)),-Xswiftc -target-cpu -Xswiftc $(DERISK_TARGET_CPU) \
  -Xswiftc -DDERISK_TUNED_TARGET_CPU)

.PHONY: deps build run test debug-check bench doctor docs fuzz fuzz-build clean

## deps: install the system packages Derisk links against, if any is missing.
deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
	  echo "Missing system packages:$$missing. Install them with:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi

## build: release build of everything in the package.
build: deps
	swift build -c release $(SWIFT_FLAGS)

## run: the main job: solve the Central Asia flagship, print the plan and write its report
## (plan, frontier, N-1 stress, Middle Corridor value) to .build/central-asia-report/report.html.
run: deps
	swift build -c release $(SWIFT_FLAGS)
	.build/release/CentralAsia --report .build/central-asia-report

## test: build the CLI and the examples (the CLI tests run them), then every test in release mode, then
## the debug build's checks (debug-check).
test: deps
	swift build -c release $(SWIFT_FLAGS)
	swift test -c release $(SWIFT_FLAGS)
	$(MAKE) debug-check

## debug-check: a debug build of `derisk` solves an LP, a QP and a scenario program with its value of
## information (the parallel wait-and-see solves), each to `optimal`. The tests run in release mode, where
## the optimiser removes most of Swift's run-time exclusivity checks; a program that embeds Derisk builds
## it in debug mode, where two overlapping modifications of one variable stop the process (until session
## 28 every debug solve did, and no test saw it).
debug-check: deps
	swift build --product derisk
	@set -e; dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	.build/debug/derisk generate --materials 3 --suppliers 8 --corridors 4 --scenarios 40 --seed 3 -o $$dir/g.json; \
	for run in "lp Tests/Fixtures/netlib/afiro.mps --json" "lp Tests/Fixtures/maros/HS21.qps --json" \
	           "lp Tests/Fixtures/netlib/sc50a.mps --json --linear-system augmented" "solve $$dir/g.json --json"; do \
	  .build/debug/derisk $$run > $$dir/out.json; \
	  grep -q '"status" : "optimal"' $$dir/out.json || { echo "debug-check: derisk $$run did not end optimal"; exit 1; }; \
	  echo "debug-check: derisk $$run: optimal"; \
	done

## doctor: which BLAS/LAPACK the binary loads, threads, known problems.
doctor: deps
	swift build -c release $(SWIFT_FLAGS) --product derisk
	.build/release/derisk doctor

## bench: the package-benchmark suite in Benchmarks/ (see Benchmarks/RESULTS.md).
bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

## fuzz: build the libFuzzer harnesses (Fuzz/build.sh) and run each for SECONDS seconds (default 60)
## from the committed seed corpus; new inputs go to .build/fuzz/corpus-<harness>, crashes to .build/fuzz/.
SECONDS ?= 60
fuzz: fuzz-build
	@for h in mps model; do \
	  mkdir -p .build/fuzz/corpus-$$h; \
	  echo "== fuzz-$$h for $(SECONDS) s"; \
	  .build/fuzz/fuzz-$$h -max_total_time=$(SECONDS) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=.build/fuzz/$$h- .build/fuzz/corpus-$$h Fuzz/corpus/$$h || exit 1; \
	done

fuzz-build:
	swift package resolve
	Fuzz/build.sh .build/fuzz

## docs: the DocC catalogues as static sites under .build/docs/<Module> (needs the docc tool of the toolchain).
docs:
	./scripts/build-docs.sh

clean:
	swift package clean
