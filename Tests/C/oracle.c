/*
 * oracle.c -- embeds CPython and calls oracle.reference() (Tests/C/oracle.py,
 * which runs the snippets of Tests/python/snippets.py); the arrays cross
 * the boundary as bytes (numpy reads them with np.frombuffer), so the C side
 * needs nothing but Python.h.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdio.h>
#include <string.h>

#include "oracle.h"

static PyObject *reference_fn; /* oracle.reference */

int oracle_init(const char *dir) {
    PyObject *sys_path, *d, *module;
    Py_Initialize();
    sys_path = PySys_GetObject("path"); /* borrowed */
    d = PyUnicode_FromString(dir);
    if (sys_path == NULL || d == NULL || PyList_Insert(sys_path, 0, d) != 0) {
        PyErr_Print();
        Py_XDECREF(d);
        return -1;
    }
    Py_DECREF(d);
    module = PyImport_ImportModule("oracle");
    if (module == NULL) {
        PyErr_Print();
        fprintf(stderr, "oracle: cannot import oracle.py from %s (is numpy installed?)\n", dir);
        return -1;
    }
    reference_fn = PyObject_GetAttrString(module, "reference");
    Py_DECREF(module);
    if (reference_fn == NULL) {
        PyErr_Print();
        return -1;
    }
    return 0;
}

/* A parameter as the library sees it: converted to T. */
static double as_T(const fn_case *c, double v) {
    return c->size == sizeof(float) ? (double)(float)v : v;
}

int oracle_reference(const fn_case *c, const shape *s, const params *p,
                     const void *in0, const void *in1, void *ref, double *scale) {
    size_t count[3];
    PyObject *shp, *prm, *res;
    const char *ref_bytes, *scale_bytes;
    Py_ssize_t ref_len, scale_len;
    int ok;

    case_counts(c, s, count);
    if (c->kind == KIND_ELEMENTWISE)
        shp = Py_BuildValue("(n)", (Py_ssize_t)s->n);
    else if (c->kind == KIND_SOFTMAX || c->kind == KIND_GATED)
        shp = Py_BuildValue("(nn)", (Py_ssize_t)s->rows, (Py_ssize_t)s->cols);
    else if (c->kind == KIND_PRELU)
        shp = Py_BuildValue("(nnn)", (Py_ssize_t)s->rows, (Py_ssize_t)s->cols, (Py_ssize_t)s->units);
    else
        shp = Py_BuildValue("(nnn)", (Py_ssize_t)s->rows, (Py_ssize_t)s->units,
                            (Py_ssize_t)s->pieces);
    prm = Py_BuildValue("{s:d,s:d,s:d,s:i,s:K}", "alpha", as_T(c, p->alpha),
                        "lower", as_T(c, p->lower), "upper", as_T(c, p->upper),
                        "training", (int)p->training, "seed",
                        (unsigned long long)p->seed);
    if (shp == NULL || prm == NULL) {
        PyErr_Print();
        Py_XDECREF(shp);
        Py_XDECREF(prm);
        return -1;
    }
    if (count[1] > 0)
        res = PyObject_CallFunction(reference_fn, "ssOOy#y#", c->snippet,
                                    c->size == sizeof(float) ? "f" : "d", shp, prm,
                                    (const char *)in0, (Py_ssize_t)(count[0] * c->size),
                                    (const char *)in1, (Py_ssize_t)(count[1] * c->size));
    else
        res = PyObject_CallFunction(reference_fn, "ssOOy#", c->snippet,
                                    c->size == sizeof(float) ? "f" : "d", shp, prm,
                                    (const char *)in0, (Py_ssize_t)(count[0] * c->size));
    Py_DECREF(shp);
    Py_DECREF(prm);
    if (res == NULL) {
        PyErr_Print();
        return -1;
    }
    ok = PyArg_ParseTuple(res, "y#y#", &ref_bytes, &ref_len, &scale_bytes, &scale_len) &&
         (size_t)ref_len == count[2] * c->size &&
         (size_t)scale_len == count[2] * sizeof(double);
    if (ok) {
        memcpy(ref, ref_bytes, (size_t)ref_len);
        memcpy(scale, scale_bytes, (size_t)scale_len);
    } else {
        if (PyErr_Occurred()) PyErr_Print();
        fprintf(stderr, "oracle: %s returned a result of the wrong size\n", c->snippet);
    }
    Py_DECREF(res);
    return ok ? 0 : -1;
}

void oracle_finish(void) {
    Py_XDECREF(reference_fn);
    reference_fn = NULL;
    Py_FinalizeEx();
}
