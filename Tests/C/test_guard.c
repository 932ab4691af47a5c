/*
 * test_guard.c -- no read past an input, no write outside an output.
 *
 * For every computing function in functions.def (f32 and f64, forward,
 * derivative and backward) and every tail length 1..70 (elementwise n; the
 * last dimension of the row kinds, one and two rows), each input array ends
 * exactly at the end of a page followed by a PROT_NONE page (a read past it
 * faults and ends the program), and the output sits between canary bytes
 * that must be unchanged afterwards.  run.sh runs the program on every
 * instruction-set path, so each path's vector loops and tails are covered.
 */
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS under -std=c99 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "cases.h"
#include "tests.h"

#define MAX_TAIL 70
#define CANARY 0xA5
#define CANARY_BYTES 64

/* A region of `pages` readable pages followed by one PROT_NONE page. */
typedef struct {
    unsigned char *base;
    size_t bytes;  /* readable bytes */
    size_t page;
} guarded;

static int guarded_open(guarded *g, size_t bytes) {
    g->page = (size_t)sysconf(_SC_PAGESIZE);
    g->bytes = (bytes + g->page - 1) / g->page * g->page;
    g->base = mmap(NULL, g->bytes + g->page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->base == MAP_FAILED) return -1;
    return mprotect(g->base + g->bytes, g->page, PROT_NONE);
}

static void guarded_close(guarded *g) { munmap(g->base, g->bytes + g->page); }

/* `count` elements of size `size` ending exactly at the guard page, filled
 * with values in [-6, 6] (finite, inside every function's domain). */
static void *place(guarded *g, size_t count, size_t size, unsigned salt) {
    unsigned char *at = g->base + g->bytes - count * size;
    size_t i;
    for (i = 0; i < count; i++) {
        double v = -6.0 + 12.0 * (double)((i * 37u + salt) % 101u) / 100.0;
        if (size == sizeof(float)) {
            float f = (float)v;
            memcpy(at + i * size, &f, size);
        } else {
            memcpy(at + i * size, &v, size);
        }
    }
    return at;
}

/* The shapes with last dimension t for c's kind (returns how many). */
static size_t shapes(const fn_case *c, size_t t, shape out[2]) {
    memset(out, 0, 2 * sizeof *out);
    switch (c->kind) {
    case KIND_ELEMENTWISE:
        out[0].n = t;
        return 1;
    case KIND_SOFTMAX:
    case KIND_GATED:
        out[0].rows = 1; out[0].cols = t;
        out[1].rows = 2; out[1].cols = t;
        return 2;
    case KIND_MAXOUT:
        out[0].rows = 1; out[0].units = t; out[0].pieces = 3;
        out[1].rows = 2; out[1].units = t; out[1].pieces = 1;
        return 2;
    case KIND_PRELU:
        out[0].rows = 1; out[0].cols = t; out[0].units = t;  /* one weight per channel */
        out[1].rows = t; out[1].cols = 1; out[1].units = 1;  /* one shared weight */
        return 2;
    }
    return 0;
}

void test_guard(void) {
    static const params GOOD = {0.5, 0.125, 0.375, 1, 7};
    size_t i, t, k, calls = 0, failures = 0;
    for (i = 0; i < NCASES; i++) {
        const fn_case *c = &CASES[i];
        for (t = 1; t <= MAX_TAIL; t++) {
            shape s[2];
            size_t nshapes = shapes(c, t, s);
            for (k = 0; k < nshapes; k++) {
                size_t count[3], j;
                guarded in0, in1;
                unsigned char *out;
                const void *a, *b = NULL;
                act_status status;
                int canaries = 1;
                case_counts(c, &s[k], count);
                if (guarded_open(&in0, count[0] * c->size) != 0 ||
                    guarded_open(&in1, (count[1] ? count[1] : 1) * c->size) != 0) {
                    check(0, "%s: mmap/mprotect failed", c->symbol);
                    return;
                }
                a = place(&in0, count[0], c->size, (unsigned)t);
                if (count[1]) b = place(&in1, count[1], c->size, (unsigned)t + 11u);
                out = malloc(count[2] * c->size + 2 * CANARY_BYTES);
                memset(out, CANARY, count[2] * c->size + 2 * CANARY_BYTES);
                status = c->call(a, b, out + CANARY_BYTES, &s[k], &GOOD);
                for (j = 0; j < CANARY_BYTES; j++) {
                    canaries &= out[j] == CANARY;
                    canaries &= out[CANARY_BYTES + count[2] * c->size + j] == CANARY;
                }
                calls++;
                if (status != ACT_OK || !canaries) {
                    failures++;
                    check(0, "%s, last dimension %zu (shape %zu): status %d, canaries %s", c->symbol, t, k,
                          (int)status, canaries ? "intact" : "overwritten");
                }
                free(out);
                guarded_close(&in0);
                guarded_close(&in1);
            }
        }
    }
    printf("  %zu calls (every function, last dimension 1..%d), %zu failed\n", calls, MAX_TAIL, failures);
    check(failures == 0, "guard pages: %zu of %zu calls failed", failures, calls);
}
