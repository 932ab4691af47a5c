/*
 * test_special.c -- the header's special values: NaN propagation, limits at
 * the infinities, signs of zero, derivative conventions at the kinks,
 * subnormal results, softmax's special rows and maxout's ties.  Every
 * expected value here is one the header states.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "inputs.h"
#include "tests.h"

/* Same value, same sign of zero; any NaN matches any NaN. */
static int same(double got, double want) {
    if (isnan(want)) return isnan(got);
    return got == want && !signbit(got) == !signbit(want);
}

static const fn_case *lookup(const char *name, int f64) {
    char sym[96];
    const fn_case *c;
    sprintf(sym, "act_%s_%s", name, f64 ? "f64" : "f32");
    c = find_case(sym);
    if (c == NULL) check(0, "no entry point %s in the table", sym);
    return c;
}

/* name(x) (or name(x, dy) for backward) on one element of T. */
static double one(const fn_case *c, double x, double dy, const params *p) {
    double xs[1], dys[1], out[1] = {12345.0};
    shape s = {1, 0, 0, 0, 0};
    act_status st;
    put(c, xs, 0, x);
    put(c, dys, 0, dy);
    put(c, out, 0, 12345.0);
    st = c->call(xs, dys, out, &s, p);
    check(st == ACT_OK, "%s(%g): status %d", c->symbol, x, st);
    return get(c, out, 0);
}

/* Checks name(x[, dy]) == want in both types (want converted to T). */
static void expect1(const char *name, double x, double dy, const params *p, double want,
                    const char *rule) {
    int f64;
    for (f64 = 0; f64 <= 1; f64++) {
        const fn_case *c = lookup(name, f64);
        double got, w = f64 ? want : (double)(float)want;
        if (c == NULL) continue;
        got = one(c, x, dy, p);
        check(same(got, w), "%s(x=%g, dy=%g) = %g, header: %s", c->symbol, x, dy, got, rule);
    }
}

static const params NO = {0, 0, 0, 0, 0};
static const params A_POS = {0.5, 0, 0, 0, 0};
static const params A_NEG = {-0.5, 0, 0, 0, 0};
static const params EVAL = {0, 0.125, 0.375, 0, 0};  /* slope (0.125 + 0.375) / 2 = 0.25 */
static const params TRAIN = {0, 0.125, 0.375, 1, 5};

static void nan_everywhere(void) {
    size_t i;
    for (i = 0; i < NCASES; i++) {
        const fn_case *c = &CASES[i];
        const params *p = c->params == PARAMS_RRELU ? &TRAIN : c->params == PARAMS_SOFTPLUS ? &EVAL : &A_POS;
        double got;
        if (c->kind != KIND_ELEMENTWISE) continue;
        got = one(c, NAN, 1.0, p);
        check(isnan(got), "%s(NaN) = %g, header: NaN in x gives NaN", c->symbol, got);
        if (c->variant == VARIANT_BACKWARD) {
            got = one(c, 0.5, NAN, p);
            check(isnan(got), "%s(x=0.5, dy=NaN) = %g, header: NaN in dy gives NaN", c->symbol, got);
        }
    }
}

static void limits_and_zeros(void) {
    expect1("sigmoid", -INFINITY, 0, &NO, 0.0, "f(-inf) = 0");
    expect1("sigmoid", INFINITY, 0, &NO, 1.0, "f(+inf) = 1");
    expect1("sigmoid_derivative", INFINITY, 0, &NO, 0.0, "f'(+inf) = 0");
    expect1("sigmoid_derivative", -INFINITY, 0, &NO, 0.0, "f'(-inf) = 0");
    expect1("sigmoid_backward", INFINITY, INFINITY, &NO, NAN, "inf * f'(inf) = inf * 0 = NaN");

    expect1("tanh", INFINITY, 0, &NO, 1.0, "f(+inf) = 1");
    expect1("tanh", -INFINITY, 0, &NO, -1.0, "f(-inf) = -1");
    expect1("tanh", -0.0, 0, &NO, -0.0, "f(-0) = -0");
    expect1("tanh", 0.0, 0, &NO, 0.0, "f(+0) = +0");
    expect1("tanh_derivative", INFINITY, 0, &NO, 0.0, "f'(+inf) = 0");
    expect1("tanh_derivative", -INFINITY, 0, &NO, 0.0, "f'(-inf) = 0");
    expect1("tanh_backward", -INFINITY, INFINITY, &NO, NAN, "inf * 0 = NaN");

    expect1("relu", -0.0, 0, &NO, 0.0, "relu(-0) = +0");
    expect1("relu", -INFINITY, 0, &NO, 0.0, "max(0, -inf) = 0");
    expect1("relu", INFINITY, 0, &NO, INFINITY, "max(0, inf) = inf");
    expect1("relu_derivative", 0.0, 0, &NO, 0.0, "relu'(0) = 0");
    expect1("relu_derivative", -0.0, 0, &NO, 0.0, "relu'(-0) = 0");
    expect1("relu_derivative", 1e-30, 0, &NO, 1.0, "relu'(x > 0) = 1");
    expect1("relu_backward", -1.0, INFINITY, &NO, NAN, "inf * relu'(-1) = inf * 0 = NaN");

    expect1("leaky_relu", -0.0, 0, &A_POS, -0.0, "f(-0) = -0");
    expect1("leaky_relu", 0.0, 0, &A_POS, 0.0, "f(+0) = +0");
    expect1("leaky_relu", -INFINITY, 0, &A_POS, -INFINITY, "alpha * -inf");
    expect1("leaky_relu_derivative", 0.0, 0, &A_POS, 0.5, "f'(0) = alpha");
    expect1("leaky_relu_derivative", -0.0, 0, &A_NEG, -0.5, "f'(-0) = alpha");
    expect1("leaky_relu_derivative", 2.0, 0, &A_NEG, 1.0, "f'(x > 0) = 1");
    expect1("leaky_relu_backward", 0.0, 4.0, &A_POS, 2.0, "dy * f'(0) = dy * alpha");

    expect1("elu", -0.0, 0, &A_POS, -0.0, "f(-0) = -0");
    expect1("elu", -INFINITY, 0, &A_POS, -0.5, "f(-inf) = -alpha");
    expect1("elu", -INFINITY, 0, &A_NEG, 0.5, "f(-inf) = -alpha");
    expect1("elu", INFINITY, 0, &A_POS, INFINITY, "f(inf) = inf");
    expect1("elu_derivative", 0.0, 0, &A_POS, 0.5, "f'(0) = alpha");
    expect1("elu_derivative", -0.0, 0, &A_NEG, -0.5, "f'(-0) = alpha");
    expect1("elu_derivative", -INFINITY, 0, &A_POS, 0.0, "f'(-inf) = 0 signed like alpha");
    expect1("elu_derivative", -INFINITY, 0, &A_NEG, -0.0, "f'(-inf) = 0 signed like alpha");
    expect1("elu_backward", -INFINITY, INFINITY, &A_POS, NAN, "inf * 0 = NaN");

    expect1("rrelu", -0.0, 0, &EVAL, -0.0, "f(-0) = -0");
    expect1("rrelu", -0.0, 0, &TRAIN, -0.0, "f(-0) = -0");
    expect1("rrelu", -2.0, 0, &EVAL, -0.5, "eval slope (lower + upper) / 2");
    expect1("rrelu_derivative", 0.0, 0, &EVAL, 0.25, "f'(0) = the slope");
    expect1("rrelu_derivative", 3.0, 0, &TRAIN, 1.0, "f'(x > 0) = 1");
}

/* Subnormal results are returned, never flushed to zero. */
static void subnormals(void) {
    int f64;
    for (f64 = 0; f64 <= 1; f64++) {
        const fn_case *c;
        double tiny = f64 ? 4.9406564584124654e-324 : 1.4012984643248171e-45; /* denorm min */
        double normal_min = f64 ? DBL_MIN : FLT_MIN;
        double deep = f64 ? -740.0 : -100.0;  /* e^deep is subnormal in T */
        const char *names[] = {"sigmoid", "sigmoid_derivative", "elu_derivative"};
        params one_alpha = {1.0, 0, 0, 0, 0};
        size_t i;
        double got;
        for (i = 0; i < 3; i++) {
            if ((c = lookup(names[i], f64)) == NULL) continue;
            got = one(c, deep, 1.0, &one_alpha);
            check(got > 0 && got < normal_min, "%s(%g) = %g, header: subnormal results are not flushed",
                  c->symbol, deep, got);
        }
        if ((c = lookup("tanh", f64)) != NULL) {
            got = one(c, 4 * tiny, 0, &NO);
            check(got > 0 && got < normal_min, "%s(4 * denorm_min) = %g: not flushed", c->symbol, got);
        }
        if ((c = lookup("elu", f64)) != NULL) {
            got = one(c, -4 * tiny, 0, &one_alpha);
            check(got < 0 && got > -normal_min, "%s(-4 * denorm_min) = %g: not flushed", c->symbol, got);
        }
        if ((c = lookup("relu", f64)) != NULL)
            check(same(one(c, tiny, 0, &NO), tiny), "%s(denorm_min) = denorm_min", c->symbol);
        if ((c = lookup("leaky_relu", f64)) != NULL)
            check(same(one(c, -4 * tiny, 0, &A_POS), -2 * tiny), "%s(-4 denorm_min, 0.5) = -2 denorm_min (exact)", c->symbol);
        if ((c = lookup("rrelu", f64)) != NULL)
            check(same(one(c, -8 * tiny, 0, &EVAL), -2 * tiny), "%s(-8 denorm_min) = -2 denorm_min (slope 0.25, exact)", c->symbol);
        if ((c = lookup("softmax", f64)) != NULL) {
            double x[2], y[2];
            shape s = {0, 1, 2, 0, 0};
            put(c, x, 0, 0.0);
            put(c, x, 1, deep);
            check(c->call(x, NULL, y, &s, &NO) == ACT_OK, "%s: status", c->symbol);
            check(get(c, y, 1) > 0 && get(c, y, 1) < normal_min, "%s([0, %g])[1] = %g: not flushed",
                  c->symbol, deep, get(c, y, 1));
        }
    }
}

/* A softmax row containing NaN is all NaN; +inf entries share 1; only -inf is NaN. */
static void softmax_rows(void) {
    static const double X[5][4] = {
        {1, INFINITY, 2, INFINITY},   /* -> 0, 1/2, 0, 1/2 */
        {NAN, 1, 2, 3},               /* -> NaN row */
        {-INFINITY, -INFINITY, -INFINITY, -INFINITY}, /* -> NaN row */
        {-INFINITY, 3, -INFINITY, -INFINITY},         /* -> 0, 1, 0, 0 */
        {INFINITY, 1, NAN, 2},        /* NaN wins over +inf -> NaN row */
    };
    static const double Y[5][4] = {
        {0, 0.5, 0, 0.5}, {NAN, NAN, NAN, NAN}, {NAN, NAN, NAN, NAN}, {0, 1, 0, 0},
        {NAN, NAN, NAN, NAN}};
    static const char *RULE[5] = {"+inf entries share 1, the rest 0", "a row with NaN is all NaN",
                                  "a row of only -inf is NaN", "exp(-inf - max) = 0",
                                  "a row with NaN is all NaN"};
    int f64;
    for (f64 = 0; f64 <= 1; f64++) {
        const fn_case *c = lookup("softmax", f64);
        double x[20], y[20];
        shape s = {0, 5, 4, 0, 0};
        size_t r, j;
        if (c == NULL) continue;
        for (r = 0; r < 5; r++)
            for (j = 0; j < 4; j++) put(c, x, r * 4 + j, X[r][j]);
        check(c->call(x, NULL, y, &s, &NO) == ACT_OK, "%s special rows: status", c->symbol);
        for (r = 0; r < 5; r++)
            for (j = 0; j < 4; j++)
                check(same(get(c, y, r * 4 + j), Y[r][j]), "%s row %zu = [%g %g %g %g], col %zu: got %g, want %g (%s)",
                      c->symbol, r, X[r][0], X[r][1], X[r][2], X[r][3], j, get(c, y, r * 4 + j), Y[r][j], RULE[r]);
    }
}

/* The special rows of log_softmax (the logarithms of softmax's), softmin
 * (softmax's rules on -x) and the safe softmax (a row of only -inf gives +0s),
 * four rows of four per function, and the safe softmax's zero gradients. */
static void softmax_variant_rows(void) {
    static const char *NAME[3] = {"log_softmax", "softmin", "softmax_safe"};
    static const double X[3][4][4] = {
        {{1, INFINITY, 2, INFINITY}, {NAN, 1, 2, 3}, {-INFINITY, -INFINITY, -INFINITY, -INFINITY},
         {-INFINITY, 3, -INFINITY, -INFINITY}},
        {{1, -INFINITY, 2, -INFINITY}, {NAN, 1, 2, 3}, {INFINITY, INFINITY, INFINITY, INFINITY},
         {INFINITY, 3, INFINITY, INFINITY}},
        {{-INFINITY, -INFINITY, -INFINITY, -INFINITY}, {NAN, -INFINITY, -INFINITY, -INFINITY},
         {1, INFINITY, 2, INFINITY}, {-INFINITY, 3, -INFINITY, -INFINITY}},
    };
    static const char *RULE[3][4] = {
        {"+inf entries get -log(count), the rest -inf", "a row with NaN is all NaN",
         "a row of only -inf is NaN", "-inf entries give -inf, the maximum log(1) = +0"},
        {"-inf entries share 1, the rest 0", "a row with NaN is all NaN", "a row of only +inf is NaN",
         "exp(min - inf) = 0"},
        {"a row of only -inf is all +0", "a row with NaN is all NaN (also with -inf)",
         "+inf entries share 1, the rest 0", "exp(-inf - max) = 0"},
    };
    int f64, k;
    for (f64 = 0; f64 <= 1; f64++) {
        double half_log = -log(2.0); /* -log(count) for two +inf entries, rounded to T */
        double Y[3][4][4] = {
            {{-INFINITY, 0, -INFINITY, 0}, {NAN, NAN, NAN, NAN}, {NAN, NAN, NAN, NAN},
             {-INFINITY, 0, -INFINITY, -INFINITY}},
            {{0, 0.5, 0, 0.5}, {NAN, NAN, NAN, NAN}, {NAN, NAN, NAN, NAN}, {0, 1, 0, 0}},
            {{0, 0, 0, 0}, {NAN, NAN, NAN, NAN}, {0, 0.5, 0, 0.5}, {0, 1, 0, 0}},
        };
        Y[0][0][1] = Y[0][0][3] = f64 ? half_log : (double)(float)half_log;
        for (k = 0; k < 3; k++) {
            const fn_case *c = lookup(NAME[k], f64);
            double x[16], y[16];
            shape s = {0, 4, 4, 0, 0};
            size_t r, j;
            if (c == NULL) continue;
            for (r = 0; r < 4; r++)
                for (j = 0; j < 4; j++) put(c, x, r * 4 + j, X[k][r][j]);
            check(c->call(x, NULL, y, &s, &NO) == ACT_OK, "%s special rows: status", c->symbol);
            for (r = 0; r < 4; r++)
                for (j = 0; j < 4; j++)
                    check(same(get(c, y, r * 4 + j), Y[k][r][j]),
                          "%s row %zu = [%g %g %g %g], col %zu: got %g, want %g (%s)", c->symbol, r,
                          X[k][r][0], X[k][r][1], X[k][r][2], X[k][r][3], j, get(c, y, r * 4 + j),
                          Y[k][r][j], RULE[k][r]);
        }
        {   /* the safe softmax of a row of only -inf: zero Jacobian, zero backward */
            const fn_case *der = lookup("softmax_safe_derivative", f64), *bwd = lookup("softmax_safe_backward", f64);
            double x[3], jac[9], y[3] = {0, 0, 0}, dy[3], dx[3];
            shape s = {0, 1, 3, 0, 0};
            size_t i;
            if (der == NULL || bwd == NULL) continue;
            for (i = 0; i < 3; i++) {
                put(der, x, i, -INFINITY);
                put(bwd, y, i, 0.0);
                put(bwd, dy, i, i == 1 ? -2.5 : 4.0);
            }
            check(der->call(x, NULL, jac, &s, &NO) == ACT_OK, "%s: status", der->symbol);
            for (i = 0; i < 9; i++)
                check(get(der, jac, i) == 0, "%s(row of only -inf)[%zu] = %g, header: all zeros", der->symbol, i,
                      get(der, jac, i));
            check(bwd->call(y, dy, dx, &s, &NO) == ACT_OK, "%s: status", bwd->symbol);
            for (i = 0; i < 3; i++)
                check(get(bwd, dx, i) == 0, "%s(y = 0, finite dy)[%zu] = %g, header: dx = 0", bwd->symbol, i,
                      get(bwd, dx, i));
        }
    }
}

/* Maxout ties go to the first maximum (also -0 against +0), whose value is
 * returned; the first NaN of a group wins; backward is the IEEE product. */
static void maxout_ties(void) {
    static const double X[9] = {-0.0, 0.0, -0.0, /**/ 1, NAN, NAN, /**/ 5, 5, 4};
    static const double X2[3] = {0.0, -0.0, -0.0};
    static const double Y[3] = {-0.0, NAN, 5};
    static const double D[9] = {1, 0, 0, 0, 1, 0, 1, 0, 0};
    static const double DY[3] = {2, 3, -1};
    static const double DX[9] = {2, 0, 0, 0, 3, 0, -1, -0.0, -0.0};
    int f64;
    for (f64 = 0; f64 <= 1; f64++) {
        const fn_case *fwd = lookup("maxout", f64), *der = lookup("maxout_derivative", f64),
                      *bwd = lookup("maxout_backward", f64);
        double x[9], y[9], d[9], dy[3], dx[9];
        shape s = {0, 1, 0, 3, 3};
        size_t i;
        if (!fwd || !der || !bwd) continue;
        for (i = 0; i < 9; i++) put(fwd, x, i, X[i]);
        for (i = 0; i < 3; i++) put(fwd, dy, i, DY[i]);
        check(fwd->call(x, NULL, y, &s, &NO) == ACT_OK, "%s: status", fwd->symbol);
        check(der->call(x, NULL, d, &s, &NO) == ACT_OK, "%s: status", der->symbol);
        check(bwd->call(x, dy, dx, &s, &NO) == ACT_OK, "%s: status", bwd->symbol);
        for (i = 0; i < 3; i++)
            check(same(get(fwd, y, i), Y[i]), "%s group %zu: got %g, want %g (first maximum's value; NaN wins)",
                  fwd->symbol, i, get(fwd, y, i), Y[i]);
        for (i = 0; i < 9; i++) {
            check(same(get(der, d, i), D[i]), "%s [%zu]: got %g, want %g (one-hot of the first maximum / first NaN)",
                  der->symbol, i, get(der, d, i), D[i]);
            check(same(get(bwd, dx, i), DX[i]), "%s [%zu]: got %g, want %g (dy * one-hot, IEEE product: -1 * 0 = -0)",
                  bwd->symbol, i, get(bwd, dx, i), DX[i]);
        }
        s.units = 1;
        for (i = 0; i < 3; i++) put(fwd, x, i, X2[i]);
        check(fwd->call(x, NULL, y, &s, &NO) == ACT_OK, "%s: status", fwd->symbol);
        check(same(get(fwd, y, 0), 0.0), "%s([+0, -0, -0]) = %g, want +0 (first maximum's value)",
              fwd->symbol, get(fwd, y, 0));
    }
}

/* prelu's kinks and signed zeros; the gated units' infinities (IEEE
 * products of a with the exact gate values and limits). */
static void prelu_and_gated(void) {
    int f64;
    for (f64 = 0; f64 <= 1; f64++) {
        const fn_case *fwd = lookup("prelu", f64), *der = lookup("prelu_derivative", f64),
                      *glu = lookup("glu", f64), *swiglu = lookup("swiglu", f64),
                      *glu_d = lookup("glu_derivative", f64);
        double x[8], y[8], d[8];
        double deep = f64 ? -800.0 : -200.0; /* sigma(deep) is 0 in T, but positive */
        shape s = {0, 1, 2, 1, 0};            /* prelu: 1 row, 2 channels, one weight (0.25) */
        size_t i;
        if (!fwd || !der || !glu || !swiglu || !glu_d) continue;
        put(fwd, x, 0, -0.0);
        put(fwd, x, 1, 0.0);
        check(fwd->call(x, NULL, y, &s, &NO) == ACT_OK && der->call(x, NULL, d, &s, &NO) == ACT_OK,
              "%s: status", fwd->symbol);
        check(same(get(fwd, y, 0), -0.0), "%s(-0) = %g, header: f(-0) = -0", fwd->symbol, get(fwd, y, 0));
        for (i = 0; i < 2; i++)
            check(same(get(der, d, i), 0.25), "%s(%s0) = %g, header: f'(0) = w", der->symbol,
                  i ? "+" : "-", get(der, d, i));
        {
            static const double A[4] = {INFINITY, INFINITY, 2.0, -2.0};
            double b[4];
            static const double GLU[4] = {INFINITY, NAN, 0.0, -0.0};
            static const double SWIGLU[4] = {-INFINITY, NAN, -0.0, 0.0};
            static const double SLOPE[4] = {INFINITY, NAN, 0.0, -0.0}; /* a * sigma'(b) */
            shape g = {0, 4, 1, 0, 0}; /* 4 rows of [a | b] */
            b[0] = deep; b[1] = -INFINITY; b[2] = -INFINITY; b[3] = -INFINITY;
            for (i = 0; i < 4; i++) { put(glu, x, 2 * i, A[i]); put(glu, x, 2 * i + 1, b[i]); }
            check(glu->call(x, NULL, y, &g, &NO) == ACT_OK, "%s: status", glu->symbol);
            for (i = 0; i < 4; i++)
                check(same(get(glu, y, i), GLU[i]), "%s(a=%g, b=%g) = %g, header: %g (a * sigma(b), IEEE)",
                      glu->symbol, A[i], b[i], get(glu, y, i), GLU[i]);
            check(swiglu->call(x, NULL, y, &g, &NO) == ACT_OK, "%s: status", swiglu->symbol);
            for (i = 0; i < 4; i++)
                check(same(get(swiglu, y, i), SWIGLU[i]), "%s(a=%g, b=%g) = %g, header: %g (a * silu(b), IEEE)",
                      swiglu->symbol, A[i], b[i], get(swiglu, y, i), SWIGLU[i]);
            {
                double dd[8];
                check(glu_d->call(x, NULL, dd, &g, &NO) == ACT_OK, "%s: status", glu_d->symbol);
                for (i = 0; i < 4; i++)
                    check(same(get(glu_d, dd, 2 * i + 1), SLOPE[i]),
                          "%s(a=%g, b=%g): dy/db = %g, header: %g", glu_d->symbol, A[i], b[i],
                          get(glu_d, dd, 2 * i + 1), SLOPE[i]);
            }
        }
    }
}

void test_special(void) {
    prelu_and_gated();
    nan_everywhere();
    limits_and_zeros();
    subnormals();
    softmax_rows();
    softmax_variant_rows();
    maxout_ties();
}
