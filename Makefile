# libactivations -- build, examples, tests (GNU make).
#
#   make            build the library, then build and run the examples
#   make test       run every test: Swift, the Swift example package (examples/swift),
#                   C (header/exports + C program), Python,
#                   a strided accuracy sweep (act-eval) asserting the published bounds,
#                   the reproducibility hashes (1..8 threads, both ISA paths),
#                   the Swift tests under ASan and TSan, the C test program under ASan
#                   and UBSan (test-c-sanitize), and 30 s of fuzzing per ISA path
#   make fuzz       the libFuzzer harness over the C ABI for 10 minutes (FUZZ_SECONDS)
#   make fuzz-python  the hypothesis fuzzing of the Python binding with 1000 new random
#                   examples per public function (FUZZ_PYTHON_EXAMPLES; about 10 minutes on
#                   2 cores); test-python runs it with 150 from fixed seeds
#   make bench      the benchmark: every entry point beside numpy and the streaming
#                   ceilings; writes docs/benchmarks.md and docs/benchmarks.png
#   make accuracy   the full accuracy evaluation: all 2^32 float32 inputs and 10^7
#                   float64 inputs per function, on the selected instruction set
#                   (45 minutes on 2 cores for the 29 families; writes docs/accuracy.md) and
#                   again on the baseline path, comparing every output bit (that pass takes
#                   about twice as long: it computes the fused multiply-adds through libm)
#   make check-reproducibility   every output over a fixed sweep, 1..8 threads on both
#                   instruction-set paths, against the hashes in docs/reproducibility.md
#   make reproducibility   rewrites docs/reproducibility.md (after a deliberate change)
#
# Both install what is missing first (`make deps`): numpy, pytest, hypothesis,
# mpmath through pip, and the Python headers (python3-dev) through apt-get.
#
#   make test-swift-example   build and run examples/swift, a Swift package using the
#                   Swift API (`import Activations`) through a path dependency
# Other targets: build, deps, examples, test-swift, test-c, test-header,
# test-python, test-accuracy, clean.  Tools can be overridden: make CC=clang PYTHON=python3.11

SWIFT  ?= swift
CC     ?= cc
PYTHON ?= python3

LIBDIR     := $(CURDIR)/.build/release
LIBRARY    := $(LIBDIR)/libactivations.so
BUILD_DIR  := $(CURDIR)/.build
PY_MODULES := numpy pytest hypothesis mpmath
# apt-get needs root: use sudo when not root (and when it exists).
SUDO       := $(shell [ "$$(id -u)" -eq 0 ] || command -v sudo)

# What each target needs first.  `make test` sets it empty for its sub-makes,
# so deps and build run once.
PREREQ ?= deps build

.PHONY: all build deps examples test test-swift test-swift-example test-c test-header test-python test-accuracy accuracy \
        act-eval act-bench bench test-bench clean test-sanitize test-c-sanitize asan-lib fuzz fuzz-build test-fuzz \
        fuzz-python act-hash test-reproducibility check-reproducibility reproducibility

all: examples

# ---- the library --------------------------------------------------------------
build:
	$(SWIFT) build -c release

# ---- missing pieces -------------------------------------------------------------
# Quick when everything is present: one import per module and one file test.
deps:
	@missing=""; \
	for m in $(PY_MODULES); do \
	    $(PYTHON) -c "import $$m" 2> /dev/null || missing="$$missing $$m"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "deps: pip install$$missing"; \
	    $(PYTHON) -m pip --version > /dev/null 2>&1 || { \
	        $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y python3-pip; }; \
	    $(PYTHON) -m pip install --quiet $$missing || \
	    $(PYTHON) -m pip install --quiet --break-system-packages $$missing; \
	fi
	@include="$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"; \
	if [ ! -f "$$include/Python.h" ] || ! { command -v $(PYTHON)-config || command -v python3-config; } > /dev/null; then \
	    echo "deps: apt-get install python3-dev (for $$include/Python.h and python3-config)"; \
	    $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y python3-dev; \
	fi

# ---- examples -------------------------------------------------------------------
examples: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/examples
	$(CC) -std=c99 -Wall -Wextra -Werror -pedantic -I include examples/demo.c \
	    -o $(BUILD_DIR)/examples/demo -L $(LIBDIR) -lactivations -Wl,-rpath,$(LIBDIR) -lm
	$(BUILD_DIR)/examples/demo
	PYTHONPATH=bindings/python $(PYTHON) examples/demo.py

# ---- tests ------------------------------------------------------------------------
# Runs every suite even when one fails, then fails if any did.
test: deps build
	@failed=""; \
	for t in test-swift test-swift-example test-c test-python test-accuracy test-reproducibility test-bench test-sanitize \
	         test-c-sanitize test-fuzz; do \
	    $(MAKE) --no-print-directory PREREQ= $$t || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi; \
	echo "make test: all suites passed"

test-swift: $(PREREQ)
	$(SWIFT) test -c release

# The Swift example (examples/swift): a package that depends on this one by
# path and imports the Swift API. Its build compiles the library's modules again
# in its own build directory: in debug, about 30 s on 2 cores (release takes
# over 3 minutes, for a program that computes a few values).
SWIFT_EXAMPLE_BUILD := $(BUILD_DIR)/swift-example

test-swift-example:
	$(SWIFT) build --package-path examples/swift --scratch-path $(SWIFT_EXAMPLE_BUILD)
	$(SWIFT_EXAMPLE_BUILD)/debug/ActivationsExample

# The Swift tests under AddressSanitizer and ThreadSanitizer (the threaded
# drivers), each in its own build directory. Leak reports are off: the only
# leaks are XCTest's runner objects, outside the library.
test-sanitize: $(PREREQ)
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path $(BUILD_DIR)/asan
	$(SWIFT) test --sanitize=thread --scratch-path $(BUILD_DIR)/tsan

# The C test program (Tests/C/run.sh program, SANITIZE=1) under AddressSanitizer
# and UndefinedBehaviorSanitizer, on both instruction-set paths: the library
# built with --sanitize=address in its own build directory (release, as
# shipped; swiftc has no -sanitize=undefined on Linux, and Swift code traps on
# overflow by itself), the program compiled by the toolchain's clang with
# -fsanitize=address,undefined and the leak check (less CPython's, numpy's).
# The fuzzer below links the same instrumented library.
ASAN_LIBDIR := $(BUILD_DIR)/asan-lib/release
# The clang beside swift: its sanitizer runtimes match the instrumented library's.
TOOLCHAIN_CC := $(shell dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/clang

asan-lib: $(PREREQ)
	$(SWIFT) build -c release --sanitize=address --scratch-path $(BUILD_DIR)/asan-lib

test-c-sanitize: asan-lib
	SANITIZE=1 SWIFT="$(SWIFT)" PYTHON="$(PYTHON)" LIBDIR="$(ASAN_LIBDIR)" \
	    BUILD_DIR="$(BUILD_DIR)/c-tests-asan" bash Tests/C/run.sh program

# The libFuzzer harness over the C ABI (Tests/fuzz/fuzz_abi.c), built with
# clang's -fsanitize=fuzzer,address,undefined against the library built with
# AddressSanitizer (asan-lib), so reads and writes inside the library are
# checked too. test-fuzz runs it 30 seconds
# per instruction-set path from the committed seeds; `make fuzz` 10 minutes
# (FUZZ_SECONDS). New inputs go to .build/fuzz-corpus, findings to .build/fuzz.
FUZZ        := $(BUILD_DIR)/tools/fuzz_abi
FUZZ_SECONDS ?= 600
FUZZ_CC     ?= $(TOOLCHAIN_CC)

fuzz-build: asan-lib
	@mkdir -p $(BUILD_DIR)/tools $(BUILD_DIR)/fuzz-corpus $(BUILD_DIR)/fuzz
	$(FUZZ_CC) -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -fuse-ld=lld -I include -I Tests/C Tests/fuzz/fuzz_abi.c Tests/C/cases.c \
	    -o $(FUZZ) -L $(ASAN_LIBDIR) -lactivations -Wl,-rpath,$(ASAN_LIBDIR) -lm

test-fuzz: fuzz-build
	for isa in default baseline; do \
	    if [ $$isa = default ]; then unset ACTIVATIONS_ISA; else export ACTIVATIONS_ISA=$$isa; fi; \
	    log=$(BUILD_DIR)/fuzz/$$isa.log; \
	    $(FUZZ) -max_total_time=30 -print_final_stats=1 -artifact_prefix=$(BUILD_DIR)/fuzz/ \
	        $(BUILD_DIR)/fuzz-corpus Tests/fuzz/corpus > $$log 2>&1; status=$$?; \
	    echo "fuzz ($$isa): $$(grep -E '^stat::number_of_executed_units' $$log)"; \
	    if [ $$status -ne 0 ]; then grep -E "fuzz_abi:|ERROR|SUMMARY|Test unit" $$log; exit 1; fi; \
	done

fuzz: fuzz-build
	$(FUZZ) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=$(BUILD_DIR)/fuzz/ \
	    $(BUILD_DIR)/fuzz-corpus Tests/fuzz/corpus

# The header/exports checks, then the C test program (Tests/C/run.sh).
test-c: $(PREREQ)
	CC="$(CC)" PYTHON="$(PYTHON)" LIBDIR="$(LIBDIR)" bash Tests/C/run.sh all

test-header: $(PREREQ)
	CC="$(CC)" PYTHON="$(PYTHON)" LIBDIR="$(LIBDIR)" bash Tests/C/run.sh header

test-python: $(PREREQ)
	PYTHONPATH=bindings/python $(PYTHON) -m pytest -q Tests/python

# Tests/python/test_fuzz_binding.py with more examples, drawn anew on every run
# (pytest's --hypothesis-seed repeats a run: make fuzz-python PYTEST_FLAGS=--hypothesis-seed=1).
FUZZ_PYTHON_EXAMPLES ?= 1000
fuzz-python: $(PREREQ)
	ACTIVATIONS_FUZZ_EXAMPLES=$(FUZZ_PYTHON_EXAMPLES) PYTHONPATH=bindings/python \
	    $(PYTHON) -m pytest -q $(PYTEST_FLAGS) Tests/python/test_fuzz_binding.py

# ---- accuracy (tools/act-eval) -------------------------------------------------------
# act-eval links the library through the public header; its references use
# double (glibc) for float32 and __float128 (libquadmath, shipped with gcc) for float64.
ACT_EVAL := $(BUILD_DIR)/tools/act-eval
# The CI slice: every 97th float32 bit pattern (44 million per row, all exponents) plus the
# special values, and 2 x 10^6 doubles: about 20 s.
ACCURACY_CI_FLAGS ?= --stride 97 --count 2000000

act-eval: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/tools
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -I include tools/act-eval/act_eval.c tools/act-eval/functions.c \
	    -o $(ACT_EVAL) -L $(LIBDIR) -lactivations -Wl,-rpath,$(LIBDIR) -lquadmath -lm -lpthread

# Both runs hash every output bit: the instruction-set paths must agree exactly.
accuracy: act-eval
	$(ACT_EVAL) --markdown docs/accuracy.md --hashes $(BUILD_DIR)/accuracy-hashes-default.txt
	ACTIVATIONS_ISA=baseline $(ACT_EVAL) --hashes $(BUILD_DIR)/accuracy-hashes-baseline.txt \
	    > $(BUILD_DIR)/accuracy-baseline.log
	diff $(BUILD_DIR)/accuracy-hashes-default.txt $(BUILD_DIR)/accuracy-hashes-baseline.txt
	@echo "accuracy: the baseline path gives the same bits (log: $(BUILD_DIR)/accuracy-baseline.log)"

test-accuracy: act-eval
	$(ACT_EVAL) $(ACCURACY_CI_FLAGS) --hashes $(BUILD_DIR)/accuracy-ci-hashes-default.txt
	ACTIVATIONS_ISA=baseline $(ACT_EVAL) $(ACCURACY_CI_FLAGS) \
	    --hashes $(BUILD_DIR)/accuracy-ci-hashes-baseline.txt > $(BUILD_DIR)/accuracy-ci-baseline.log
	@tail -n 1 $(BUILD_DIR)/accuracy-ci-baseline.log
	diff $(BUILD_DIR)/accuracy-ci-hashes-default.txt $(BUILD_DIR)/accuracy-ci-hashes-baseline.txt
	@echo "test-accuracy: every output bit is the same on both instruction-set paths"

# ---- reproducibility (tools/act-hash) ---------------------------------------------------
# One hash of every output over a fixed sweep, for 1..8 threads on both instruction-set
# paths: all runs must agree and match docs/reproducibility.md (`reproducibility` rewrites
# it after a deliberate change of results).
ACT_HASH := $(BUILD_DIR)/tools/act-hash

act-hash: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/tools
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror -pedantic -I include -I Tests/C tools/act-hash/act_hash.c \
	    Tests/C/cases.c -o $(ACT_HASH) -L $(LIBDIR) -lactivations -Wl,-rpath,$(LIBDIR) -lm

test-reproducibility: act-hash
	bash tools/act-hash/reproducibility.sh $(ACT_HASH) check

check-reproducibility: test-reproducibility

reproducibility: act-hash
	bash tools/act-hash/reproducibility.sh $(ACT_HASH) write

# ---- benchmark (tools/act-bench) ------------------------------------------------------
ACT_BENCH := $(BUILD_DIR)/tools/act-bench

act-bench: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/tools
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -I include tools/act-bench/act_bench.c \
	    -o $(ACT_BENCH) -L $(LIBDIR) -lactivations -Wl,-rpath,$(LIBDIR) -lm

# The chart needs matplotlib (installed here only: the library and tests do not).
bench: act-bench
	@$(PYTHON) -c "import matplotlib" 2> /dev/null || $(PYTHON) -m pip install --quiet matplotlib || \
	    $(PYTHON) -m pip install --quiet --break-system-packages matplotlib
	$(PYTHON) tools/act-bench/bench.py --bench $(ACT_BENCH)

# A smoke run (small sizes, one sample, output under .build): the tools work; no timing is asserted.
test-bench: act-bench
	$(PYTHON) tools/act-bench/bench.py --bench $(ACT_BENCH) --quick \
	    --markdown $(BUILD_DIR)/benchmarks-smoke.md --png $(BUILD_DIR)/benchmarks-smoke.png > /dev/null
	@echo "bench smoke run: ok ($(BUILD_DIR)/benchmarks-smoke.md)"

clean:
	-$(SWIFT) package clean
	rm -rf $(BUILD_DIR)/c-tests $(BUILD_DIR)/examples
