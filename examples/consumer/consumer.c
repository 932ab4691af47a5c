/* examples/consumer/consumer.c -- a program built against an installed
 * libactivations (`make install`): through pkg-config (Makefile) or CMake's
 * find_package (CMakeLists.txt). It computes sigmoid and gelu of a few values
 * in double and float, checks every status, and shows an error's message. */
#include <math.h>
#include <stdio.h>
#include <activations.h>

#define N 5

static int check(const char *what, act_status status) {
    if (status != ACT_OK) {
        fprintf(stderr, "consumer: %s: %s\n", what, act_status_message(status));
        return 1;
    }
    return 0;
}

int main(void) {
    const double x[N] = {-2.0, -0.5, 0.0, 0.5, 2.0};
    float xf[N], sigmoid_f[N], gelu_f[N];
    double sigmoid[N], gelu[N];
    act_status status;
    int i;

    for (i = 0; i < N; i++)
        xf[i] = (float)x[i];
    if (check("act_sigmoid_f64", act_sigmoid_f64(x, sigmoid, N)) ||
        check("act_gelu_f64", act_gelu_f64(x, gelu, N)) ||
        check("act_sigmoid_f32", act_sigmoid_f32(xf, sigmoid_f, N)) ||
        check("act_gelu_f32", act_gelu_f32(xf, gelu_f, N)))
        return 1;

    printf("libactivations %s\n", act_version());
    for (i = 0; i < N; i++)
        printf("x = %4.1f  sigmoid = %.9f (float %.6f)  gelu = %.9f (float %.6f)\n",
               x[i], sigmoid[i], (double)sigmoid_f[i], gelu[i], (double)gelu_f[i]);

    /* Errors are status codes: a NaN alpha is outside elu's domain. */
    status = act_elu_f64(x, sigmoid, N, NAN);
    if (status != ACT_ERR_PARAMETER) {
        fprintf(stderr, "consumer: act_elu_f64 with alpha = NaN returned %d\n", (int)status);
        return 1;
    }
    printf("elu with alpha = NaN: %s\n", act_status_message(status));
    return 0;
}
