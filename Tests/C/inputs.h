/* inputs.h -- typed access to T buffers and deterministic test inputs. */
#ifndef TESTS_C_INPUTS_H
#define TESTS_C_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "cases.h"

/* buf[i] = v converted to T / buf[i] as a double (exact for both types). */
void put(const fn_case *c, void *buf, size_t i, double v);
double get(const fn_case *c, const void *buf, size_t i);

/* A uniform double in [lo, hi) from a xorshift64* state (never 0). */
double uniform(uint64_t *state, double lo, double hi);

/* Fills the inputs of one call of c with shape s: x in [-10, 10] (maxout:
 * small integers, so ties happen; softmax_backward: y a probability row),
 * dy in [-2, 2]. */
void random_inputs(const fn_case *c, const shape *s, void *in0, void *in1, uint64_t seed);

/* malloc that exits on failure. */
void *xmalloc(size_t bytes);

#endif
