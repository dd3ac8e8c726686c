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

.PHONY: deps build run test bench doctor docs fuzz fuzz-build clean

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
	swift build -c release

## run: the main job: solve the Central Asia flagship, print the plan and write its report
## (plan, frontier, N-1 stress, Middle Corridor value) to .build/central-asia-report/report.html.
run: deps
	swift build -c release
	.build/release/CentralAsia --report .build/central-asia-report

## test: build the CLI and the examples (the CLI tests run them), then every test in release mode.
test: deps
	swift build -c release
	swift test -c release

## doctor: which BLAS/LAPACK the binary loads, threads, known problems.
doctor: deps
	swift build -c release --product derisk
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
