/*
 * main.c -- the C test program of libactivations.
 *
 * Links libactivations.so through include/activations.h only, and checks
 * every computing function listed in functions.def (f32 and f64, forward,
 * derivative and backward) against the document's numpy snippets
 * (Tests/python/snippets.py) run by an embedded CPython through oracle.py,
 * plus the header's contract: status codes, order of checks, aliasing,
 * special values, strings and threads.  The half-precision entry points
 * (_f16, _bf16) are checked against the f32 ones rounded once (test_half.c).
 *
 * Usage: test_activations [DIR]   DIR holds oracle.py (default: SNIPPETS_DIR,
 *                                 set by the build, else "Tests/C").
 * Ends with the line "<N> passed, <N> failed"; exit status 0 only when nothing failed.
 */
#include <stdio.h>

#include "activations.h"
#include "half_cases.h"
#include "harness.h"
#include "oracle.h"
#include "tests.h"

#ifndef SNIPPETS_DIR
#define SNIPPETS_DIR "Tests/C"
#endif

static void section(const char *name) {
    printf("== %s\n", name);
    fflush(stdout);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : SNIPPETS_DIR;
    printf("libactivations %s: C test of %zu entry points (%zu f32/f64, %zu f16/bf16)\n", act_version(),
           NCASES + NHALF_CASES, NCASES, NHALF_CASES);

    section("status messages, version, thread count");
    test_strings_and_threads();
    section("status codes and order of checks (size, zero work, NULL, alignment, parameters, overlap)");
    test_contract();
    section("special values from the header (NaN, infinities, signed zeros, subnormals, ties)");
    test_special();
    section("values against the document's numpy snippets");
    if (oracle_init(dir) != 0) {
        check(0, "the oracle could not start: oracle.py in %s, numpy, Tests/python/snippets.py", dir);
    } else {
        test_values();
        oracle_finish();
    }
    section("bitwise identical results for 1, 2, 3 and 8 threads");
    test_threads();
    section("lengths 0..130 and large slices at offsets 0 and 1, and in place, against one long call");
    test_slices();
    section("guard pages: inputs end at a PROT_NONE page, outputs between canaries");
    test_guard();
    section("16 threads calling every function while another changes the thread setting");
    test_concurrency();
    section("half precision (_f16, _bf16): the _f32 result rounded once, checks, slices, 1 vs 8 threads");
    test_half();
    return report();
}
