/*
 * test_misc.c -- act_status_message, act_version, the thread-count setting,
 * and "results are bitwise identical whatever the thread count".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "inputs.h"
#include "tests.h"

static int is_ascii_text(const char *s) {
    for (; *s; s++)
        if ((unsigned char)*s > 126 || !isprint((unsigned char)*s)) return 0;
    return 1;
}

/* "MAJOR.MINOR.PATCH": three runs of digits separated by dots, nothing else. */
static int is_version(const char *v) {
    int part;
    for (part = 0; part < 3; part++) {
        if (!isdigit((unsigned char)*v)) return 0;
        while (isdigit((unsigned char)*v)) v++;
        if (part < 2 && *v++ != '.') return 0;
    }
    return *v == '\0';
}

void test_strings_and_threads(void) {
    static const act_status CODES[] = {ACT_OK, ACT_ERR_NULL_POINTER, ACT_ERR_SIZE, ACT_ERR_PARAMETER,
                                       ACT_ERR_OVERLAP, ACT_ERR_ALIGNMENT, ACT_ERR_MEMORY};
    static const act_status UNKNOWN[] = {1, -7, 42, -100, INT32_MIN, INT32_MAX};
    const char *m[7], *v, *env;
    int i, j, automatic;

    for (i = 0; i < 7; i++) {
        m[i] = act_status_message(CODES[i]);
        check(m[i] != NULL && m[i][0] != '\0' && is_ascii_text(m[i]),
              "act_status_message(%d) is a non-empty ASCII string", CODES[i]);
        if (m[i] == NULL) return;
        check(strcmp(m[i], "unknown status") != 0, "act_status_message(%d) = \"%s\" is not \"unknown status\"",
              CODES[i], m[i]);
        for (j = 0; j < i; j++)
            check(strcmp(m[i], m[j]) != 0, "act_status_message(%d) and (%d) differ (\"%s\")",
                  CODES[i], CODES[j], m[i]);
    }
    for (i = 0; i < 6; i++) {
        const char *u = act_status_message(UNKNOWN[i]);
        check(u != NULL && strcmp(u, "unknown status") == 0,
              "act_status_message(%ld) = \"%s\", want \"unknown status\"", (long)UNKNOWN[i],
              u ? u : "(null)");
    }
    v = act_version();
    check(v != NULL && is_version(v), "act_version() = \"%s\" has the form MAJOR.MINOR.PATCH",
          v ? v : "(null)");

    /* threads: n <= 0 is automatic, others clamp to [1, 1024] */
    check(act_get_num_threads() >= 1, "act_get_num_threads() >= 1 at start");
    act_set_num_threads(0);
    automatic = act_get_num_threads();
    check(automatic >= 1 && automatic <= 1024, "automatic thread count %d in [1, 1024]", automatic);
    env = getenv("ACTIVATIONS_NUM_THREADS");
    if (env != NULL && atoi(env) > 0 && atoi(env) <= 1024)
        check(automatic == atoi(env), "automatic thread count %d follows ACTIVATIONS_NUM_THREADS=%s",
              automatic, env);
    act_set_num_threads(1);
    check(act_get_num_threads() == 1, "set 1 -> %d", act_get_num_threads());
    act_set_num_threads(3);
    check(act_get_num_threads() == 3, "set 3 -> %d", act_get_num_threads());
    act_set_num_threads(1024);
    check(act_get_num_threads() == 1024, "set 1024 -> %d", act_get_num_threads());
    act_set_num_threads(5000);
    check(act_get_num_threads() == 1024, "set 5000 -> %d (clamped to 1024)", act_get_num_threads());
    act_set_num_threads(INT32_MAX);
    check(act_get_num_threads() == 1024, "set INT32_MAX -> %d (clamped)", act_get_num_threads());
    act_set_num_threads(-7);
    check(act_get_num_threads() == automatic, "set -7 -> %d (automatic, %d)", act_get_num_threads(), automatic);
    act_set_num_threads(INT32_MIN);
    check(act_get_num_threads() == automatic, "set INT32_MIN -> %d (automatic)", act_get_num_threads());
    act_set_num_threads(0);
}

/* Large calls, run with 1, 2, 3 and 8 threads: the outputs must be the same bits. */
void test_threads(void) {
    static const int THREADS[] = {2, 3, 8};
    static double dweight[PRELU_MAX_WEIGHTS];
    size_t i, count[3];
    for (i = 0; i < NCASES; i++) {
        const fn_case *c = &CASES[i];
        shape s = {0, 0, 0, 0, 0};
        params p = {0.3, 0.125, 1.0 / 3, 1, 99};
        void *in0, *in1, *ref, *out;
        act_status st;
        size_t t;
        if (c->kind == KIND_ELEMENTWISE) s.n = ((size_t)1 << 20) + 3;
        else if (c->kind == KIND_SOFTMAX && c->variant == VARIANT_DERIVATIVE) { s.rows = 129; s.cols = 97; }
        else if (c->kind == KIND_SOFTMAX) { s.rows = 2049; s.cols = 513; }
        else if (c->kind == KIND_GATED) { s.rows = 2049; s.cols = 257; }
        /* prelu: column groups in double, a flat array of 3 channels (many blocks) in float */
        else if (c->kind == KIND_PRELU && c->size == sizeof(double)) { s.rows = 4099; s.cols = 70; s.units = 70; }
        else if (c->kind == KIND_PRELU) { s.rows = (size_t)1 << 18; s.cols = 3; s.units = 3; }
        else { s.rows = 1025; s.units = 341; s.pieces = 3; }
        case_counts(c, &s, count);
        in0 = xmalloc(count[0] * c->size);
        in1 = xmalloc(count[1] * c->size);
        ref = xmalloc(count[2] * c->size);
        out = xmalloc(count[2] * c->size);
        random_inputs(c, &s, in0, in1, 77 + i);
        act_set_num_threads(1);
        st = c->call(in0, in1, ref, &s, &p);
        check(st == ACT_OK, "%s large call: status %d", c->symbol, st);
        memcpy(dweight, prelu_dweight, sizeof dweight);
        for (t = 0; t < sizeof THREADS / sizeof *THREADS; t++) {
            act_set_num_threads(THREADS[t]);
            memset(out, 0, count[2] * c->size);
            st = c->call(in0, in1, out, &s, &p);
            check(st == ACT_OK && memcmp(out, ref, count[2] * c->size) == 0,
                  "%s: %d threads give the same bits as 1 thread (%zu elements)", c->symbol,
                  THREADS[t], count[2]);
            if (c->kind == KIND_PRELU && c->variant == VARIANT_BACKWARD)
                check(memcmp(dweight, prelu_dweight, s.units * c->size) == 0,
                      "%s: %d threads give the same weight gradients as 1 thread", c->symbol, THREADS[t]);
        }
        free(in0);
        free(in1);
        free(ref);
        free(out);
    }
    act_set_num_threads(0);
}
