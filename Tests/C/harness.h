/* harness.h -- counting checks and the closing "N passed, N failed" line. */
#ifndef TESTS_C_HARNESS_H
#define TESTS_C_HARNESS_H

/* Counts one check; when ok is false prints "FAIL: " and the message. */
void check(int ok, const char *fmt, ...);

/* Prints "<passed> passed, <failed> failed" on its own line; returns the
 * process exit code (0 only when nothing failed). */
int report(void);

#endif
