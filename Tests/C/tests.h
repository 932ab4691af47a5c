/* tests.h -- the parts of the C test program, run in this order by main.c. */
#ifndef TESTS_C_TESTS_H
#define TESTS_C_TESTS_H

void test_strings_and_threads(void); /* test_contract.c: messages, version, thread count */
void test_contract(void);            /* test_contract.c: status codes, order of checks, aliasing */
void test_special(void);             /* test_special.c: NaN, infinities, signed zeros, subnormals */
void test_values(void);              /* test_values.c: every function vs the numpy snippets */
void test_threads(void);             /* test_misc.c: bitwise identical for any thread count */
void test_concurrency(void);         /* test_concurrency.c: 16 callers at once, thread setting moving */
void test_slices(void);             /* test_slices.c: parts of an array == parts of one long call, in place */
void test_guard(void);               /* test_guard.c: no read past an input, no write outside an output */
void test_half(void);                /* test_half.c: _f16/_bf16 == _f32 rounded once, their checks, slices, threads */

#endif
