/*
 * oracle.h -- the reference values: the document's numpy snippets
 * (Tests/python/snippets.py, through the bridge Tests/C/oracle.py), run by an
 * embedded CPython interpreter.
 */
#ifndef TESTS_C_ORACLE_H
#define TESTS_C_ORACLE_H

#include "cases.h"

/* Starts Python and imports oracle.py from dir.  0 on success. */
int oracle_init(const char *dir);

/* Runs oracle.reference() on the inputs of one call of c with shape s and
 * parameters p.  ref receives the reference output (count[2] values of T),
 * scale the size of the terms that cancel in the formula (count[2] doubles,
 * see oracle.py).  0 on success; on failure prints the Python error. */
int oracle_reference(const fn_case *c, const shape *s, const params *p,
                     const void *in0, const void *in1, void *ref, double *scale);

void oracle_finish(void);

#endif
