/*
 * act-hash -- one hash of every output bit of libactivations over a fixed
 * sweep of inputs, to check that a build computes what the release computes,
 * and that the thread count and the instruction-set path change nothing.
 *
 * Every computing function (Tests/C/functions.def: f32 and f64, then f16 and
 * bf16 -- Tests/C/half_cases.c --, forward, derivative, backward) is called
 * once on inputs made here from a fixed
 * generator: half of them moderate values in [-16, 16], half arbitrary bit
 * patterns (NaN with payloads, infinities, subnormals, huge values), and
 * sizes past the crossover at which the library splits work among threads.
 * Each output array (and prelu's weight gradient) is hashed with 64-bit
 * FNV-1a twice: once with every NaN read as the type's positive quiet NaN
 * (0x7e00 in f16, 0x7fc0 in bf16)
 * (the reproducible hash: the instruction-set paths may give a NaN result
 * another sign or payload, see include/activations.h), once raw (every
 * bit: the same for any thread count on one path).  The line "all" hashes
 * the per-function hashes (8 bytes each, little-endian) in table order.
 *
 * Usage: act-hash [--threads N] [--dump SYMBOL FILE]
 *   --threads N          act_set_num_threads(N) first (default: automatic)
 *   --dump SYMBOL FILE   also write SYMBOL's inputs and outputs to FILE, raw
 *                        (in0, in1, out, prelu's dweight), to find the
 *                        elements where two builds differ
 * Prints "<symbol> <hash> <raw hash>" per function (16 hex digits each),
 * then "all <hash> <raw hash>".
 * make test-reproducibility runs it for 1..8 threads on each instruction
 * set and compares with docs/reproducibility.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activations.h"
#include "cases.h"
#include "half_cases.h"

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

static uint64_t fnv1a(uint64_t h, const void *data, size_t bytes) {
    const unsigned char *p = data;
    size_t i;
    for (i = 0; i < bytes; i++) h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

/* FNV-1a of `count` elements of size `size` (format: of 2-byte elements)
 * with every NaN replaced by the type's positive quiet NaN (0x7fc00000,
 * 0x7ff8000000000000, 0x7e00, 0x7fc0). */
static uint64_t fnv1a_nan_canonical(uint64_t h, const void *data, size_t count, size_t size, half_format format) {
    static const uint32_t QNAN32 = UINT32_C(0x7fc00000);
    static const uint64_t QNAN64 = UINT64_C(0x7ff8000000000000);
    const unsigned char *p = data;
    size_t i;
    for (i = 0; i < count; i++, p += size) {
        if (size == sizeof(uint16_t)) {
            uint16_t b, q = half_canonical_nan(format);
            memcpy(&b, p, sizeof b);
            h = fnv1a(h, half_is_nan(format, b) ? &q : &b, sizeof b);
        } else if (size == sizeof(float)) {
            uint32_t b;
            memcpy(&b, p, sizeof b);
            h = fnv1a(h, (b & 0x7fffffffu) > 0x7f800000u ? &QNAN32 : &b, sizeof b);
        } else {
            uint64_t b;
            memcpy(&b, p, sizeof b);
            h = fnv1a(h, (b & ~(UINT64_C(1) << 63)) > UINT64_C(0x7ff0000000000000) ? &QNAN64 : &b, sizeof b);
        }
    }
    return h;
}

/* xorshift64*: the sweep's only source of values. */
static uint64_t next(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(0x2545F4914F6CDD1D);
}

static void put(const fn_case *c, half_format format, void *buf, size_t i, double v) {
    if (c->size == sizeof(uint16_t)) ((uint16_t *)buf)[i] = half_from_float(format, (float)v);
    else if (c->size == sizeof(float)) ((float *)buf)[i] = (float)v;
    else ((double *)buf)[i] = v;
}

/* x: even elements moderate, odd elements any bit pattern.  maxout gets
 * small integers (ties) and softmax_backward probability-like rows, each
 * with some arbitrary patterns mixed in; dy is moderate with a few specials. */
static void sweep_inputs(const fn_case *c, half_format format, size_t n0, void *in0, size_t n1, void *in1) {
    uint64_t s = UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)c->size;
    size_t i;
    for (i = 0; i < n0; i++) {
        uint64_t r = next(&s);
        double moderate = -16.0 + 32.0 * (double)(r >> 11) * 0x1p-53;
        if (c->kind == KIND_MAXOUT) moderate = (double)(int)(moderate / 4);
        if (c->kind == KIND_SOFTMAX && c->variant == VARIANT_BACKWARD)
            moderate = (moderate + 16) / 32;
        if (i % 2 == 0 || (c->kind == KIND_MAXOUT && i % 64 != 1) ||
            (c->kind == KIND_SOFTMAX && c->variant == VARIANT_BACKWARD && i % 64 != 1)) {
            put(c, format, in0, i, moderate);
        } else if (c->size == sizeof(uint16_t)) {
            uint16_t b = (uint16_t)(r >> 48);
            memcpy((char *)in0 + i * sizeof b, &b, sizeof b);
        } else if (c->size == sizeof(float)) {
            uint32_t b = (uint32_t)(r >> 32);
            memcpy((char *)in0 + i * sizeof b, &b, sizeof b);
        } else {
            memcpy((char *)in0 + i * sizeof r, &r, sizeof r);
        }
    }
    for (i = 0; i < n1; i++) {
        uint64_t r = next(&s);
        put(c, format, in1, i, -2.0 + 4.0 * (double)(r >> 11) * 0x1p-53);
        if (i % 101 == 7) put(c, format, in1, i, i % 202 == 7 ? 1e300 : -0.0);
    }
}

/* Sizes past every threading crossover (2^18 and 2^20 elements). */
static shape sweep_shape(const fn_case *c) {
    shape s = {0, 0, 0, 0, 0};
    switch (c->kind) {
    case KIND_ELEMENTWISE: s.n = ((size_t)1 << 20) + 333; break;
    case KIND_SOFTMAX:
        if (c->variant == VARIANT_DERIVATIVE) { s.rows = 301; s.cols = 67; }
        else { s.rows = 2053; s.cols = 515; }
        break;
    case KIND_MAXOUT: s.rows = 1031; s.units = 343; s.pieces = 3; break;
    case KIND_GATED: s.rows = 2053; s.cols = 259; break;
    case KIND_PRELU: s.rows = 4099; s.cols = 259; s.units = 259; break;
    }
    return s;
}

int main(int argc, char **argv) {
    static const params P = {0.5, 0.125, 0.375, 1, 7};
    uint64_t all = FNV_OFFSET, all_raw = FNV_OFFSET;
    const char *dump_symbol = NULL, *dump_path = NULL;
    size_t i, failed = 0;
    int a;
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--threads") == 0 && a + 1 < argc) {
            act_set_num_threads((int32_t)atoi(argv[++a]));
        } else if (strcmp(argv[a], "--dump") == 0 && a + 2 < argc) {
            dump_symbol = argv[++a];
            dump_path = argv[++a];
        } else {
            fprintf(stderr, "usage: act-hash [--threads N] [--dump SYMBOL FILE]\n");
            return 2;
        }
    }
    /* the f32 and f64 functions in table order, then the f16 and bf16 ones */
    for (i = 0; i < NCASES + NHALF_CASES; i++) {
        const fn_case *c = i < NCASES ? &CASES[i] : &HALF_CASES[i - NCASES].c;
        half_format format = i < NCASES ? FORMAT_F16 : HALF_CASES[i - NCASES].format; /* 2-byte types only */
        shape s = sweep_shape(c);
        size_t count[3];
        void *in0, *in1, *out;
        uint64_t h = FNV_OFFSET, raw = FNV_OFFSET;
        unsigned char byte[8];
        act_status st;
        int k;
        case_counts(c, &s, count);
        in0 = malloc(count[0] * c->size);
        in1 = malloc((count[1] ? count[1] : 1) * c->size);
        out = malloc(count[2] * c->size);
        if (!in0 || !in1 || !out) {
            fprintf(stderr, "act-hash: out of memory\n");
            return 2;
        }
        sweep_inputs(c, format, count[0], in0, count[1], in1);
        memset(out, 0, count[2] * c->size);
        st = c->call(in0, count[1] ? in1 : NULL, out, &s, &P);
        if (st != ACT_OK) {
            fprintf(stderr, "act-hash: %s returned %d (%s)\n", c->symbol, (int)st, act_status_message(st));
            failed++;
        }
        h = fnv1a_nan_canonical(h, out, count[2], c->size, format);
        raw = fnv1a(raw, out, count[2] * c->size);
        if (c->kind == KIND_PRELU && c->variant == VARIANT_BACKWARD) {
            h = fnv1a_nan_canonical(h, prelu_dweight, s.units, c->size, format);
            raw = fnv1a(raw, prelu_dweight, s.units * c->size);
        }
        if (dump_symbol && strcmp(dump_symbol, c->symbol) == 0) {
            FILE *f = fopen(dump_path, "wb");
            if (!f) {
                perror(dump_path);
                return 2;
            }
            fwrite(in0, c->size, count[0], f);
            fwrite(in1, c->size, count[1], f);
            fwrite(out, c->size, count[2], f);
            if (c->kind == KIND_PRELU && c->variant == VARIANT_BACKWARD) fwrite(prelu_dweight, c->size, s.units, f);
            fclose(f);
        }
        printf("%s %016llx %016llx\n", c->symbol, (unsigned long long)h, (unsigned long long)raw);
        for (k = 0; k < 8; k++) byte[k] = (unsigned char)(h >> (8 * k)); /* little-endian */
        all = fnv1a(all, byte, sizeof byte);
        for (k = 0; k < 8; k++) byte[k] = (unsigned char)(raw >> (8 * k));
        all_raw = fnv1a(all_raw, byte, sizeof byte);
        free(in0);
        free(in1);
        free(out);
    }
    printf("all %016llx %016llx\n", (unsigned long long)all, (unsigned long long)all_raw);
    return failed ? 1 : 0;
}
