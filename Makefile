# libactivations -- build, examples, tests (GNU make).
#
#   make            build the library, then build and run the examples
#   make test       run every test: Swift, the Swift example package (examples/swift),
#                   C (header/exports + C program), Python,
#                   the Python package as installed by pip (test-python-installed),
#                   a strided accuracy sweep (act-eval) asserting the published bounds,
#                   with every f16 and bf16 input,
#                   the reproducibility hashes (1..8 threads, every ISA path the CPU runs),
#                   the Swift tests under ASan and TSan, the C test program under ASan
#                   and UBSan (test-c-sanitize), 30 s of fuzzing per ISA path, the
#                   documentation check (test-docs), the version agreement (test-version)
#                   and an install used by C programs (test-install)
#   make install    installs the library (libactivations.so.MAJOR.MINOR.PATCH, SONAME
#                   libactivations.so.MAJOR), activations.h, a pkg-config file and a CMake
#                   package under $(DESTDIR)$(PREFIX) (PREFIX=/usr/local; INSTALL_LIBDIR=
#                   $(PREFIX)/lib, INSTALL_INCLUDEDIR=$(PREFIX)/include); it does not build:
#                   run `make build` first.  `make uninstall` (same variables) removes it
#   make test-install  installs into .build/install-test, builds examples/consumer with
#                   pkg-config and with CMake, runs both with an empty environment, uninstalls
#   make test-version  VERSION, act_version(), the SONAME, the Python package, CHANGELOG.md,
#                   the pkg-config file and the CMake package agree (Tests/install/check_version.sh)
#   make fuzz       the libFuzzer harness over the C ABI for 10 minutes (FUZZ_SECONDS)
#   make fuzz-python  the hypothesis fuzzing of the Python binding with 1000 new random
#                   examples per public function (FUZZ_PYTHON_EXAMPLES; about 10 minutes on
#                   2 cores); test-python runs it with 150 from fixed seeds
#   make bench      the benchmark: every entry point beside numpy and the streaming
#                   ceilings; writes docs/benchmarks.md and docs/benchmarks.png
#   make bench-peers  the peer benchmark: speed and accuracy beside oneDNN, XNNPACK,
#                   SLEEF, PyTorch, ONNX Runtime, numpy and scipy in one process, on the
#                   same buffers (tools/act-bench/bench_peers.py; about 15 minutes on
#                   2 cores); writes docs/benchmarks-peers.md, .tsv and .png.  A peer
#                   that is not installed is shown absent; `make peers-deps` installs
#                   them all (Debian: libdnnl-dev, libxnnpack-dev, libpthreadpool-dev,
#                   libsleef-dev; pip: scipy, onnxruntime, onnx, torch -- its wheel
#                   pulls about 4 GB of CUDA libraries -- and matplotlib)
#   make accuracy   the full accuracy evaluation: all 2^32 float32 inputs and 10^7
#                   float64 inputs per function, and all 2^16 inputs of f16 and bf16, on the
#                   selected instruction set (45 minutes on 2 cores for the 29 families; writes
#                   docs/accuracy.md) and again on every other path the CPU runs (avx2, baseline), comparing every output bit
#                   (that pass takes about twice as long: it computes the fused multiply-adds
#                   through libm). The half-precision sweep alone (a few seconds) rewrites just
#                   its section of docs/accuracy.md: `make act-eval` then
#                   `.build/tools/act-eval --half-only --half-markdown docs/accuracy.md`
#   make check-reproducibility   every output over a fixed sweep, 1..8 threads on both
#                   instruction-set paths, against the hashes in docs/reproducibility.md
#   make reproducibility   rewrites docs/reproducibility.md (after a deliberate change)
#   make docs       writes the API references docs/api-c.md (from include/activations.h) and
#                   docs/api-python.md (from the Python package: its table and docstrings)
#   make gallery    writes docs/gallery/NAME.png for every function family and overview.png:
#                   f and f' as the library computes them (matplotlib, installed if missing)
#   make test-docs  the API references are current (regenerated and compared), the README's
#                   C, Python and Swift examples work, and the gallery is complete and
#                   current (tools/gallery/gallery.py --check)
#
# Both install what is missing first (`make deps`): numpy, pytest, hypothesis,
# mpmath, mypy through pip, the Python headers (python3-dev) and venv (python3-venv,
# where the interpreter lacks ensurepip) through apt-get; and, optionally, ml_dtypes
# (pip; the binding never needs it: the tests of its bfloat16 arrays skip without it).
#
#   make test-swift-example   build and run examples/swift, a Swift package using the
#                   Swift API (`import Activations`) through a path dependency
# Other targets: build, deps, deps-install-test (cmake and pkg-config, for test-install and
# test-version), examples, test-swift, test-c, test-header, test-python, test-python-installed,
# test-accuracy, clean.  Tools can be overridden: make CC=clang PYTHON=python3.11

SWIFT  ?= swift
CC     ?= cc
PYTHON ?= python3

LIBDIR     := $(CURDIR)/.build/release
LIBRARY    := $(LIBDIR)/libactivations.so
# The instruction-set paths this CPU can run, best first (avx512 avx2 baseline); the
# others are named loudly on stderr.  The tests that loop over paths run each.
ISA_PATHS   = PYTHON="$(PYTHON)" bash tools/isa/paths.sh $(LIBRARY)
# The same less the first (the default path, which a target has run already).
ISA_LOWER_PATHS = $(ISA_PATHS) | awk '{ $$1 = ""; print }'
BUILD_DIR  := $(CURDIR)/.build
PY_MODULES := numpy pytest hypothesis mpmath mypy
# Optional: installed when pip can, never required (a failed install only prints a note).
PY_OPTIONAL_MODULES := ml_dtypes
# apt-get needs root: use sudo when not root (and when it exists).
SUDO       := $(shell [ "$$(id -u)" -eq 0 ] || command -v sudo)

# What each target needs first.  `make test` sets it empty for its sub-makes,
# so deps and build run once.
PREREQ ?= deps build

.PHONY: all build deps examples test test-swift test-swift-example test-c test-header test-python \
        test-python-installed test-accuracy accuracy \
        act-eval act-bench bench test-bench peers-deps peers bench-peers test-bench-peers clean test-sanitize test-c-sanitize asan-lib fuzz fuzz-build test-fuzz \
        fuzz-python act-hash test-reproducibility check-reproducibility reproducibility \
        docs gallery gallery-deps test-docs install uninstall deps-install-test test-install test-version

all: examples

# ---- the library --------------------------------------------------------------
# SwiftPM writes libactivations.so; programs linked against it load it by its SONAME,
# libactivations.so.MAJOR: tools/soname-link.sh puts that link beside it.
build:
	$(SWIFT) build -c release
	@bash tools/soname-link.sh $(LIBDIR)

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
	@for m in $(PY_OPTIONAL_MODULES); do \
	    $(PYTHON) -c "import $$m" 2> /dev/null && continue; \
	    echo "deps: pip install $$m (optional)"; \
	    $(PYTHON) -m pip install --quiet $$m 2> /dev/null || \
	    $(PYTHON) -m pip install --quiet --break-system-packages $$m 2> /dev/null || \
	    echo "deps: $$m not installed (optional: its tests are skipped)"; \
	done
	@include="$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"; \
	if [ ! -f "$$include/Python.h" ] || ! { command -v $(PYTHON)-config || command -v python3-config; } > /dev/null; then \
	    echo "deps: apt-get install python3-dev (for $$include/Python.h and python3-config)"; \
	    $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y python3-dev; \
	fi
	@if ! $(PYTHON) -c "import venv, ensurepip" 2> /dev/null; then \
	    venv="python$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"; \
	    echo "deps: apt-get install $$venv (for python -m venv, test-python-installed)"; \
	    $(SUDO) apt-get update && { DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$venv || \
	        DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y python3-venv; }; \
	fi

# cmake and pkg-config, for the targets that build a program against an install.
deps-install-test:
	@missing=""; \
	for tool in cmake pkg-config; do command -v $$tool > /dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	    echo "deps-install-test: apt-get install$$missing"; \
	    $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

# ---- install ----------------------------------------------------------------------
# tools/install/install.sh (which documents the files) does the work; the version is
# the file VERSION. PREFIX, INSTALL_LIBDIR and INSTALL_INCLUDEDIR are absolute and
# written into the pkg-config file; the CMake package computes its paths from its
# own location. (LIBDIR above is the build directory: it names no install path.)
PREFIX             ?= /usr/local
INSTALL_LIBDIR     ?= $(PREFIX)/lib
INSTALL_INCLUDEDIR ?= $(PREFIX)/include
DESTDIR            ?=
INSTALL_ENV = DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" INSTALL_LIBDIR="$(INSTALL_LIBDIR)" \
              INSTALL_INCLUDEDIR="$(INSTALL_INCLUDEDIR)" LIBRARY="$(LIBRARY)" BUILD_DIR="$(BUILD_DIR)"

install:
	@$(INSTALL_ENV) bash tools/install/install.sh install

uninstall:
	@$(INSTALL_ENV) bash tools/install/install.sh uninstall

test-install: deps-install-test $(PREREQ)
	MAKE="$(MAKE)" CC="$(CC)" PYTHON="$(PYTHON)" LIBDIR="$(LIBDIR)" BUILD_DIR="$(BUILD_DIR)" \
	    bash Tests/install/test_install.sh

test-version: deps-install-test $(PREREQ)
	PYTHON="$(PYTHON)" LIBDIR="$(LIBDIR)" BUILD_DIR="$(BUILD_DIR)" bash Tests/install/check_version.sh

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
	for t in test-swift test-swift-example test-c test-python test-python-installed test-accuracy \
	         test-reproducibility test-bench test-bench-peers test-sanitize test-c-sanitize test-fuzz test-docs \
	         test-version test-install; do \
	    $(MAKE) --no-print-directory PREREQ= $$t || failed="$$failed $$t"; \
	done; \
	paths="$$($(ISA_PATHS))"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed (instruction-set paths: $$paths)"; exit 1; fi; \
	echo "make test: all suites passed on the instruction-set paths: $$paths"

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
	@bash tools/soname-link.sh $(ASAN_LIBDIR)

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
	for isa in $$($(ISA_PATHS)); do \
	    export ACTIVATIONS_ISA=$$isa; \
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

# The package as users install it: `pip install ./bindings/python` into a fresh
# virtual environment (with --system-site-packages: numpy, pytest and the rest
# come from `make deps` instead of a download on every run), which runs
# `swift build -c release` (a no-op of about a second after `make build`) and
# copies the library into the package (bindings/python/setup.py).  Then, from
# a directory outside the repository and with no PYTHONPATH or ACTIVATIONS_LIBRARY:
# `activations` must come from the environment's site-packages, `python -m
# activations` must pass its self-check, and a subset of the Python tests runs
# against the installed package (ACTIVATIONS_TEST_INSTALLED=1, which conftest.py
# verifies; PYTHON_INSTALLED_TESTS, about 15 s: the API over every function, the
# C layer, loading, the snippets, and the package's version, docstrings,
# annotations, stub and `python -m activations`; the whole suite takes about
# 2.5 minutes more, run by test-python on the source tree).  Last, a wheel
# (ACTIVATIONS_SWIFT_BUILD=0: the library just built) must be tagged
# py3-none-linux_x86_64 and hold the library, py.typed and the stub.
PY_INSTALLED := $(BUILD_DIR)/python-installed
PYTHON_INSTALLED_TESTS ?= test_api.py test_c_layer.py test_loading.py test_snippets.py test_package.py
WHEEL_TAG ?= py3-none-linux_x86_64

test-python-installed: $(PREREQ)
	rm -rf $(PY_INSTALLED)
	$(PYTHON) -m venv --system-site-packages $(PY_INSTALLED)/venv
	env -u PYTHONPATH -u ACTIVATIONS_LIBRARY_FILE -u ACTIVATIONS_SWIFT_BUILD ACTIVATIONS_SWIFT="$(SWIFT)" \
	    $(PY_INSTALLED)/venv/bin/python -m pip install \
	    --quiet --disable-pip-version-check ./bindings/python
	run="$$(mktemp -d)" && cd "$$run" && \
	file="$$(env -u PYTHONPATH -u ACTIVATIONS_LIBRARY $(PY_INSTALLED)/venv/bin/python -c \
	    'import activations; print(activations.__file__)')" && echo "imported $$file" && \
	case "$$file" in $(PY_INSTALLED)/venv/lib/*/site-packages/activations/__init__.py) ;; \
	    *) echo "test-python-installed: activations is not the installed copy"; false;; esac && \
	env -u PYTHONPATH -u ACTIVATIONS_LIBRARY $(PY_INSTALLED)/venv/bin/python -m activations && \
	env -u PYTHONPATH -u ACTIVATIONS_LIBRARY ACTIVATIONS_TEST_INSTALLED=1 $(PY_INSTALLED)/venv/bin/python \
	    -m pytest -q -p no:cacheprovider $(addprefix $(CURDIR)/Tests/python/,$(PYTHON_INSTALLED_TESTS)); \
	status=$$?; cd / && rm -rf "$$run"; exit $$status
	env -u PYTHONPATH -u ACTIVATIONS_LIBRARY_FILE ACTIVATIONS_SWIFT_BUILD=0 \
	    $(PY_INSTALLED)/venv/bin/python -m pip wheel --quiet \
	    --disable-pip-version-check --no-deps ./bindings/python -w $(PY_INSTALLED)/wheel
	$(PYTHON) Tests/python/check_wheel.py $(PY_INSTALLED)/wheel/activations-*.whl $(WHEEL_TAG)

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
# special values, and 2 x 10^6 doubles: about 20 s; and, as in every run, the whole
# half-precision sweep (every f16 and bf16 bit pattern, forward, derivative and backward):
# a few seconds more. Its rows are in the hashes compared across the two paths.
ACCURACY_CI_FLAGS ?= --stride 97 --count 2000000

act-eval: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/tools
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -I include tools/act-eval/act_eval.c tools/act-eval/functions.c \
	    -o $(ACT_EVAL) -L $(LIBDIR) -lactivations -Wl,-rpath,$(LIBDIR) -lquadmath -lm -lpthread

# Every run hashes every output bit: the instruction-set paths must agree exactly.  The
# default path writes the page; each other path this CPU can run is compared with it.
accuracy: act-eval
	$(ACT_EVAL) --markdown docs/accuracy.md --hashes $(BUILD_DIR)/accuracy-hashes-default.txt
	@for isa in $$($(ISA_LOWER_PATHS)); do \
	    ACTIVATIONS_ISA=$$isa $(ACT_EVAL) --hashes $(BUILD_DIR)/accuracy-hashes-$$isa.txt \
	        > $(BUILD_DIR)/accuracy-$$isa.log || exit 1; \
	    diff $(BUILD_DIR)/accuracy-hashes-default.txt $(BUILD_DIR)/accuracy-hashes-$$isa.txt || exit 1; \
	    echo "accuracy: the $$isa path gives the same bits (log: $(BUILD_DIR)/accuracy-$$isa.log)"; \
	done

test-accuracy: act-eval
	$(ACT_EVAL) $(ACCURACY_CI_FLAGS) --hashes $(BUILD_DIR)/accuracy-ci-hashes-default.txt
	@for isa in $$($(ISA_LOWER_PATHS)); do \
	    ACTIVATIONS_ISA=$$isa $(ACT_EVAL) $(ACCURACY_CI_FLAGS) \
	        --hashes $(BUILD_DIR)/accuracy-ci-hashes-$$isa.txt > $(BUILD_DIR)/accuracy-ci-$$isa.log || exit 1; \
	    tail -n 1 $(BUILD_DIR)/accuracy-ci-$$isa.log; \
	    diff $(BUILD_DIR)/accuracy-ci-hashes-default.txt $(BUILD_DIR)/accuracy-ci-hashes-$$isa.txt || exit 1; \
	    echo "test-accuracy: the $$isa path gives the same bits as the default path"; \
	done

# ---- reproducibility (tools/act-hash) ---------------------------------------------------
# One hash of every output over a fixed sweep, for 1..8 threads on both instruction-set
# paths: all runs must agree and match docs/reproducibility.md (`reproducibility` rewrites
# it after a deliberate change of results).
ACT_HASH := $(BUILD_DIR)/tools/act-hash

act-hash: $(PREREQ)
	@mkdir -p $(BUILD_DIR)/tools
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror -pedantic -I include -I Tests/C tools/act-hash/act_hash.c \
	    Tests/C/cases.c Tests/C/half.c Tests/C/half_cases.c -o $(ACT_HASH) -L $(LIBDIR) -lactivations \
	    -Wl,-rpath,$(LIBDIR) -lm

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

# ---- peer benchmark (tools/act-bench/bench_peers.py, tools/act-bench/peers) ------------
# The compiled peers are one shared object each, built from our own drivers against
# whichever of oneDNN, XNNPACK and SLEEF is installed (peers/build.sh skips the rest);
# the Python peers are imported when installed.  Nothing here fails for a missing peer.
PEERS_DIR := $(BUILD_DIR)/tools/peers
PEERS_APT := libdnnl-dev libxnnpack-dev libpthreadpool-dev libsleef-dev
PEERS_PIP := numpy scipy onnxruntime onnx torch matplotlib

peers-deps:
	@missing=""; \
	for p in $(PEERS_APT); do dpkg -s $$p > /dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "peers-deps: apt-get install$$missing"; \
	    { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; } || \
	        echo "peers-deps: could not install$$missing (those peers will be shown absent)"; \
	fi
	@for m in $(PEERS_PIP); do \
	    $(PYTHON) -c "import $$m" 2> /dev/null && continue; \
	    echo "peers-deps: pip install $$m"; \
	    $(PYTHON) -m pip install --quiet $$m || $(PYTHON) -m pip install --quiet --break-system-packages $$m || \
	        echo "peers-deps: could not install $$m (that peer will be shown absent)"; \
	done

peers: $(PREREQ)
	@CC="$(CC)" INCLUDE="$(CURDIR)/include" LIBDIR="$(LIBDIR)" bash tools/act-bench/peers/build.sh $(PEERS_DIR)

bench-peers: peers
	$(PYTHON) tools/act-bench/bench_peers.py --peers $(PEERS_DIR)

# The smoke run: three rows on which every installed peer must give a result, and a
# correct one (bench_peers.py --quick exits 1 otherwise); a few seconds, no timing asserted.
test-bench-peers: peers
	$(PYTHON) tools/act-bench/bench_peers.py --peers $(PEERS_DIR) --quick \
	    --markdown $(BUILD_DIR)/benchmarks-peers-smoke.md --png $(BUILD_DIR)/benchmarks-peers-smoke.png

# ---- documentation (tools/gen-docs, tools/gallery) --------------------------------------
# The API references are generated: docs/api-c.md from the header, docs/api-python.md from
# the package (importing it loads the library). The gallery plots every family of the table
# with values computed by the library; matplotlib is needed here only (gallery-deps installs
# the version that drew the committed images when none is installed). test-docs regenerates
# the references into $(DOCS_CHECK) and diffs them with docs/, builds and runs the README's
# examples (tools/gen-docs/check_examples.py; Swift: type-checked), then gallery.py --check:
# every family has its image, no other image is there, pixel sizes and byte budgets hold,
# each PNG's digest of the plotted values equals the library's values now, README shows
# overview.png; and it renders the gallery again (pixels compared when the matplotlib
# version is the one that drew the committed images; see tools/gallery/gallery.py).
GALLERY_MATPLOTLIB ?= matplotlib==3.11.2
DOCS_CHECK := $(BUILD_DIR)/docs-check
# The swiftc beside swift (the README's Swift example is type-checked against the built module).
SWIFTC     ?= $(shell dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/swiftc

docs: $(PREREQ)
	$(PYTHON) tools/gen-docs/gen_docs.py

gallery-deps:
	@$(PYTHON) -c "import matplotlib" 2> /dev/null || { \
	    echo "gallery-deps: pip install $(GALLERY_MATPLOTLIB)"; \
	    $(PYTHON) -m pip install --quiet "$(GALLERY_MATPLOTLIB)" || \
	    $(PYTHON) -m pip install --quiet --break-system-packages "$(GALLERY_MATPLOTLIB)"; }

gallery: $(PREREQ) gallery-deps
	$(PYTHON) tools/gallery/gallery.py

test-docs: $(PREREQ) gallery-deps
	@rm -rf $(DOCS_CHECK)
	$(PYTHON) tools/gen-docs/gen_docs.py --out $(DOCS_CHECK)
	@for page in api-c.md api-python.md; do \
	    if ! diff -u docs/$$page $(DOCS_CHECK)/$$page > $(DOCS_CHECK)/$$page.diff; then \
	        head -n 60 $(DOCS_CHECK)/$$page.diff; \
	        echo "test-docs: docs/$$page is stale (make docs rewrites it)"; exit 1; \
	    fi; \
	done
	CC="$(CC)" LIBDIR="$(LIBDIR)" SWIFTC="$(SWIFTC)" PYTHON="$(PYTHON)" $(PYTHON) tools/gen-docs/check_examples.py
	$(PYTHON) tools/gallery/gallery.py --check
	@echo "test-docs: the API references, the README's examples and the gallery are current"

clean:
	-$(SWIFT) package clean
	rm -rf $(BUILD_DIR)/c-tests $(BUILD_DIR)/examples $(BUILD_DIR)/install-test $(BUILD_DIR)/version-check \
	    $(BUILD_DIR)/python $(BUILD_DIR)/python-installed
