/*
 * demo.c -- libactivations from C.
 *
 * Prints every function of the document and its derivative on a few inputs:
 * the library's result, and under it the document's numpy snippet written
 * out in plain C with libm (e.g. sigmoid: 1 / (1 + exp(-z))).
 *
 * Build and run (from the repository root; `make examples` does this):
 *   cc -std=c99 -I include examples/demo.c -L .build/release -lactivations \
 *      -Wl,-rpath,$PWD/.build/release -lm -o demo && ./demo
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "activations.h"

#define N 6
static const double Z[N] = {-3.0, -1.0, -0.5, 0.0, 0.5, 3.0};

static const double ALPHA_LEAKY = 0.01, ALPHA_ELU = 1.0;
static const double LOWER = 1.0 / 8, UPPER = 1.0 / 3; /* rrelu's defaults */

/* Every call returns a status: stop with the library's message on an error. */
static void check(act_status status, const char *call) {
    if (status != ACT_OK) {
        fprintf(stderr, "%s failed: %s (%d)\n", call, act_status_message(status), status);
        exit(1);
    }
}

static void print_row(const char *name, const char *source, const double *v, int n) {
    int i;
    printf("%-14s %-8s", name, source);
    for (i = 0; i < n; i++) printf(" %9.5f", v[i]);
    printf("\n");
}

/* The document's snippets, one value at a time. */
static double sigmoid(double z) { return 1 / (1 + exp(-z)); }
static double sigmoid_d(double z) { return sigmoid(z) * (1 - sigmoid(z)); }
static double tanh_d(double z) { return 1 - tanh(z) * tanh(z); }
static double relu(double z) { return fmax(0, z); }              /* np.maximum(0, z) */
static double relu_d(double z) { return z > 0 ? 1 : 0; }
static double leaky(double z) { return fmax(ALPHA_LEAKY * z, z); } /* np.maximum(alpha*z, z) */
static double leaky_d(double z) { return z > 0 ? 1 : ALPHA_LEAKY; }
static double elu(double z) { return z > 0 ? z : ALPHA_ELU * (exp(z) - 1); }
static double elu_d(double z) { return z > 0 ? 1 : ALPHA_ELU * exp(z); }
static double rrelu_eval(double z) { return z >= 0 ? z : (LOWER + UPPER) / 2 * z; }
static double rrelu_eval_d(double z) { return z > 0 ? 1 : (LOWER + UPPER) / 2; }

/* Prints the library's values and the snippet's for the same inputs. */
static void compare(const char *name, const double *lib, double (*snippet)(double)) {
    double doc[N];
    int i;
    for (i = 0; i < N; i++) doc[i] = snippet(Z[i]);
    print_row(name, "library", lib, N);
    print_row("", "snippet", doc, N);
}

int main(void) {
    double y[N], d[N], doc[N], sum = 0, m = -INFINITY;
    int i;

    printf("libactivations %s (f64 functions)\n\n", act_version());
    print_row("", "z =", Z, N);

    check(act_sigmoid_f64(Z, y, N), "act_sigmoid_f64");
    check(act_sigmoid_derivative_f64(Z, d, N), "act_sigmoid_derivative_f64");
    compare("sigmoid", y, sigmoid);
    compare("sigmoid'", d, sigmoid_d);

    check(act_tanh_f64(Z, y, N), "act_tanh_f64");
    check(act_tanh_derivative_f64(Z, d, N), "act_tanh_derivative_f64");
    compare("tanh", y, tanh);
    compare("tanh'", d, tanh_d);

    check(act_relu_f64(Z, y, N), "act_relu_f64");
    check(act_relu_derivative_f64(Z, d, N), "act_relu_derivative_f64");
    compare("relu", y, relu);
    compare("relu'", d, relu_d);

    check(act_leaky_relu_f64(Z, y, N, ALPHA_LEAKY), "act_leaky_relu_f64");
    check(act_leaky_relu_derivative_f64(Z, d, N, ALPHA_LEAKY), "act_leaky_relu_derivative_f64");
    compare("leaky_relu", y, leaky);
    compare("leaky_relu'", d, leaky_d);

    check(act_elu_f64(Z, y, N, ALPHA_ELU), "act_elu_f64");
    check(act_elu_derivative_f64(Z, d, N, ALPHA_ELU), "act_elu_derivative_f64");
    compare("elu", y, elu);
    compare("elu'", d, elu_d);

    /* rrelu in eval mode (training = 0): slope (lower + upper) / 2 */
    check(act_rrelu_f64(Z, y, N, LOWER, UPPER, 0, 0), "act_rrelu_f64");
    check(act_rrelu_derivative_f64(Z, d, N, LOWER, UPPER, 0, 0), "act_rrelu_derivative_f64");
    compare("rrelu (eval)", y, rrelu_eval);
    compare("rrelu' (eval)", d, rrelu_eval_d);
    /* training mode: a random slope in [lower, upper) per element, from the seed */
    check(act_rrelu_f64(Z, y, N, LOWER, UPPER, 1, 42), "act_rrelu_f64");
    print_row("rrelu (train)", "library", y, N);

    /* softmax of z as one row: exp(z - max) / sum(exp(z - max)) */
    check(act_softmax_f64(Z, y, 1, N), "act_softmax_f64");
    for (i = 0; i < N; i++) m = fmax(m, Z[i]);
    for (i = 0; i < N; i++) sum += exp(Z[i] - m);
    for (i = 0; i < N; i++) doc[i] = exp(Z[i] - m) / sum;
    print_row("softmax", "library", y, N);
    print_row("", "snippet", doc, N);

    /* maxout with pieces = 2: z is 3 units x 2 pieces; y[u] = max(z[2u], z[2u+1]) */
    check(act_maxout_f64(Z, y, 1, N / 2, 2), "act_maxout_f64");
    check(act_maxout_derivative_f64(Z, d, 1, N / 2, 2), "act_maxout_derivative_f64");
    for (i = 0; i < N / 2; i++) doc[i] = fmax(Z[2 * i], Z[2 * i + 1]);
    print_row("maxout (2)", "library", y, N / 2);
    print_row("", "snippet", doc, N / 2);
    for (i = 0; i < N / 2; i++) { /* one-hot of the first maximum (np.argmax) */
        doc[2 * i] = Z[2 * i] >= Z[2 * i + 1];
        doc[2 * i + 1] = !(Z[2 * i] >= Z[2 * i + 1]);
    }
    print_row("maxout' (2)", "library", d, N);
    print_row("", "snippet", doc, N);

    /* Errors are status codes, never crashes: */
    printf("\nact_sigmoid_f64(NULL, y, 3) -> %s\n", act_status_message(act_sigmoid_f64(NULL, y, 3)));
    printf("act_elu_f64(z, y, 6, NAN)   -> %s\n", act_status_message(act_elu_f64(Z, y, N, NAN)));
    return 0;
}
