/*
 * wrappers.h -- wrappers with the signature fn_call around the C entry
 * points of the functions.def rows, shared by cases.c (_f32, _f64) and
 * half_cases.c (_f16, _bf16): T is the array element type, P the type of
 * the scalar parameters (T itself for float and double, float for the
 * 16-bit formats).  ROWS_WRAPPERS serves softmax's family and the gated
 * units (both (x, y, rows, cols) with backward (a, dy, dx, rows, cols)).
 * prelu's wrappers differ per file (their weights).
 */
#ifndef ACTIVATIONS_TEST_WRAPPERS_H
#define ACTIVATIONS_TEST_WRAPPERS_H

#define ARGS_NONE(P, p)
#define ARGS_ALPHA(P, p)  , (P)(p)->alpha
#define ARGS_LAMBD(P, p)  , (P)(p)->alpha
#define ARGS_BOUNDS(P, p) , (P)(p)->lower, (P)(p)->upper
#define ARGS_PAIR(P, p)   , (P)(p)->lower, (P)(p)->upper
#define ARGS_SOFTPLUS(P, p) , (P)(p)->lower, (P)(p)->upper
#define ARGS_NONZERO(P, p) , (P)(p)->alpha
#define ARGS_RRELU(P, p)  , (P)(p)->lower, (P)(p)->upper, (p)->training, (p)->seed

#define ELEMENTWISE_WRAPPERS(name, PARAMS, T, P, t)                                \
    static act_status w_##name##_##t(const void *a, const void *b, void *o,        \
                                     const shape *s, const params *p) {            \
        (void)b; (void)p;                                                          \
        return act_##name##_##t((const T *)a, (T *)o, s->n ARGS_##PARAMS(P, p));   \
    }                                                                              \
    static act_status w_##name##_derivative_##t(const void *a, const void *b,      \
                                                void *o, const shape *s,           \
                                                const params *p) {                 \
        (void)b; (void)p;                                                          \
        return act_##name##_derivative_##t((const T *)a, (T *)o,                   \
                                           s->n ARGS_##PARAMS(P, p));              \
    }                                                                              \
    static act_status w_##name##_backward_##t(const void *a, const void *b,        \
                                              void *o, const shape *s,             \
                                              const params *p) {                   \
        (void)p;                                                                   \
        return act_##name##_backward_##t((const T *)a, (const T *)b, (T *)o,       \
                                         s->n ARGS_##PARAMS(P, p));                \
    }

#define ROWS_WRAPPERS(name, T, t)                                                  \
    static act_status w_##name##_##t(const void *a, const void *b, void *o,        \
                                     const shape *s, const params *p) {            \
        (void)b; (void)p;                                                          \
        return act_##name##_##t((const T *)a, (T *)o, s->rows, s->cols);           \
    }                                                                              \
    static act_status w_##name##_derivative_##t(const void *a, const void *b,      \
                                                void *o, const shape *s,           \
                                                const params *p) {                 \
        (void)b; (void)p;                                                          \
        return act_##name##_derivative_##t((const T *)a, (T *)o, s->rows, s->cols);\
    }                                                                              \
    static act_status w_##name##_backward_##t(const void *a, const void *b,        \
                                              void *o, const shape *s,             \
                                              const params *p) {                   \
        (void)p;                                                                   \
        return act_##name##_backward_##t((const T *)a, (const T *)b, (T *)o,       \
                                         s->rows, s->cols);                        \
    }

#define MAXOUT_WRAPPERS(name, T, t)                                                \
    static act_status w_##name##_##t(const void *a, const void *b, void *o,        \
                                     const shape *s, const params *p) {            \
        (void)b; (void)p;                                                          \
        return act_##name##_##t((const T *)a, (T *)o, s->rows, s->units, s->pieces);\
    }                                                                              \
    static act_status w_##name##_derivative_##t(const void *a, const void *b,      \
                                                void *o, const shape *s,           \
                                                const params *p) {                 \
        (void)b; (void)p;                                                          \
        return act_##name##_derivative_##t((const T *)a, (T *)o, s->rows,          \
                                           s->units, s->pieces);                   \
    }                                                                              \
    static act_status w_##name##_backward_##t(const void *a, const void *b,        \
                                              void *o, const shape *s,             \
                                              const params *p) {                   \
        (void)p;                                                                   \
        return act_##name##_backward_##t((const T *)a, (const T *)b, (T *)o,       \
                                         s->rows, s->units, s->pieces);            \
    }

#endif
