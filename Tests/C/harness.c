#include <stdarg.h>
#include <stdio.h>

#include "harness.h"

static long passed, failed;

void check(int ok, const char *fmt, ...) {
    va_list ap;
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fputs("FAIL: ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    fflush(stdout);
}

int report(void) {
    printf("%ld passed, %ld failed\n", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}
