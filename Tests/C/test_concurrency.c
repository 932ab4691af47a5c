/*
 * test_concurrency.c -- many callers at once, while the thread setting moves.
 *
 * Every computing function in functions.def runs once with inputs large
 * enough for the library to split the work over its threads (1.1 million
 * elements, or a few hundred thousand for the row kinds), and a hash of its
 * output is kept.  Then 16 threads
 * take the same calls from a shared queue, each on its own buffers, while
 * another thread keeps changing act_set_num_threads (1..8 and automatic):
 * every output must hash to the sequential value, bit for bit.
 * (prelu's backward is left out of the concurrent pass: the test wrappers
 * collect its dweight in one shared array.)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activations.h"
#include "cases.h"
#include "harness.h"
#include "tests.h"

#define WORKERS 16

static const params GOOD = {0.5, 0.125, 0.375, 1, 7};

/* A shape of a few hundred thousand elements for c's kind. */
static shape big_shape(const fn_case *c) {
    shape s;
    memset(&s, 0, sizeof s);
    switch (c->kind) {
    case KIND_ELEMENTWISE: s.n = 1100001; break;  /* above every function's split point */
    case KIND_SOFTMAX:
        if (c->variant == VARIANT_DERIVATIVE) { s.rows = 32; s.cols = 97; }  /* 32 x 97 x 97 Jacobian */
        else { s.rows = 257; s.cols = 1001; }
        break;
    case KIND_MAXOUT: s.rows = 257; s.units = 255; s.pieces = 4; break;
    case KIND_GATED: s.rows = 257; s.cols = 511; break;
    case KIND_PRELU: s.rows = 4099; s.cols = 64; s.units = 64; break;
    }
    return s;
}

static void fill(void *buffer, size_t count, size_t size, unsigned salt) {
    size_t i;
    for (i = 0; i < count; i++) {
        double v = -8.0 + 16.0 * (double)((i * 7919u + salt) % 1009u) / 1008.0;
        if (size == sizeof(float)) {
            float f = (float)v;
            memcpy((char *)buffer + i * size, &f, size);
        } else {
            memcpy((char *)buffer + i * size, &v, size);
        }
    }
}

/* FNV-1a over the output bytes. */
static uint64_t hash_bytes(const unsigned char *p, size_t n) {
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    size_t i;
    for (i = 0; i < n; i++) h = (h ^ p[i]) * UINT64_C(0x100000001b3);
    return h;
}

/* Runs case i on fresh buffers; returns its status, the output's hash in *h. */
static act_status run_case(size_t i, uint64_t *h) {
    const fn_case *c = &CASES[i];
    shape s = big_shape(c);
    size_t count[3];
    void *in0, *in1, *out;
    act_status status;
    case_counts(c, &s, count);
    in0 = malloc(count[0] * c->size);
    in1 = malloc((count[1] ? count[1] : 1) * c->size);
    out = malloc(count[2] * c->size);
    if (!in0 || !in1 || !out) {
        free(in0), free(in1), free(out);
        return ACT_ERR_SIZE;
    }
    fill(in0, count[0], c->size, (unsigned)i);
    fill(in1, count[1], c->size, (unsigned)i + 101u);
    memset(out, 0, count[2] * c->size);
    status = c->call(in0, count[1] ? in1 : NULL, out, &s, &GOOD);
    *h = hash_bytes(out, count[2] * c->size);
    free(in0), free(in1), free(out);
    return status;
}

static uint64_t *expected;
static size_t next_job;
static int workers_done;
static size_t mismatches;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int concurrent(const fn_case *c) { return !(c->kind == KIND_PRELU && c->variant == VARIANT_BACKWARD); }

static void *worker(void *unused) {
    (void)unused;
    for (;;) {
        size_t i;
        uint64_t h = 0;
        pthread_mutex_lock(&lock);
        i = next_job++;
        pthread_mutex_unlock(&lock);
        if (i >= NCASES) return NULL;
        if (!concurrent(&CASES[i])) continue;
        if (run_case(i, &h) != ACT_OK || h != expected[i]) {
            pthread_mutex_lock(&lock);
            mismatches++;
            check(0, "%s from 16 threads: output differs from the sequential run", CASES[i].symbol);
            pthread_mutex_unlock(&lock);
        }
    }
}

static void *toggler(void *unused) {
    int k = 0, done = 0;
    (void)unused;
    while (!done) {
        act_set_num_threads((k++ % 9));  /* 0: automatic, then 1..8 */
        pthread_mutex_lock(&lock);
        done = workers_done;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

void test_concurrency(void) {
    pthread_t threads[WORKERS], switcher;
    size_t i, bad = 0, skipped = 0;
    int before = act_get_num_threads();
    expected = calloc(NCASES, sizeof *expected);
    for (i = 0; i < NCASES; i++) {
        act_status status = run_case(i, &expected[i]);
        if (status != ACT_OK) {
            bad++;
            check(0, "%s on the large inputs: status %d", CASES[i].symbol, (int)status);
        }
        skipped += !concurrent(&CASES[i]);
    }
    next_job = 0;
    workers_done = 0;
    mismatches = 0;
    pthread_create(&switcher, NULL, toggler, NULL);
    for (i = 0; i < WORKERS; i++) pthread_create(&threads[i], NULL, worker, NULL);
    for (i = 0; i < WORKERS; i++) pthread_join(threads[i], NULL);
    pthread_mutex_lock(&lock);
    workers_done = 1;
    pthread_mutex_unlock(&lock);
    pthread_join(switcher, NULL);
    act_set_num_threads(before);
    printf("  %zu calls from %d threads while the thread setting changed (%zu left out), %zu differed\n",
           NCASES - skipped, WORKERS, skipped, mismatches);
    check(bad == 0 && mismatches == 0, "concurrent calls give the sequential bits");
    free(expected);
}
