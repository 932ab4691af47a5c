/*
 * load_check.c -- a plain C program that uses libactivations, run by
 * check_header.sh with LD_LIBRARY_PATH unset.
 *   load_check            linked with -lactivations (rpath to the .so only:
 *                         the library must find its own dependencies)
 *   load_check PATH       dlopen(PATH) and dlsym, no link-time dependency
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdio.h>

#include "activations.h"

typedef const char *(*version_fn)(void);
typedef act_status (*sigmoid_fn)(const double *, double *, size_t);

int main(int argc, char **argv) {
    double x[3] = {-1.0, 0.0, 1.0}, y[3] = {0, 0, 0};
    version_fn version = act_version;
    sigmoid_fn sigmoid = act_sigmoid_f64;
    act_status st;
    if (argc > 1) {
        void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
        if (h == NULL) {
            fprintf(stderr, "dlopen: %s\n", dlerror());
            return 1;
        }
        /* POSIX's idiom for dlsym's void * -> function pointer (ISO C has none) */
        *(void **)&version = dlsym(h, "act_version");
        *(void **)&sigmoid = dlsym(h, "act_sigmoid_f64");
        if (version == NULL || sigmoid == NULL) {
            fprintf(stderr, "dlsym: %s\n", dlerror());
            return 1;
        }
    }
    st = sigmoid(x, y, 3);
    printf("libactivations %s: sigmoid(-1, 0, 1) = %.6f %.6f %.6f (status %d)\n", version(),
           y[0], y[1], y[2], st);
    return st == ACT_OK && y[1] == 0.5 ? 0 : 1;
}
