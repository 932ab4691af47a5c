#!/usr/bin/env python3
"""Fits the expm1 core polynomials of Sources/Activations/Elementary/ExpPolynomial+*.swift.

The kernels reduce x = n ln2 + r with |r| <= ln2/2 and approximate

    expm1(r) ~ r + r^2 P(r),   P of degree m,

evaluated in Horner form with fused multiply-adds. This script finds P by
the Remez exchange algorithm, minimizing the *relative* error of expm1
on [-a, a] (a = ln2/2 plus a margin for the rounding of n), so the same
polynomial serves expm1(r) (relative accuracy near 0) and
exp(r) = 1 + expm1(r) (absolute accuracy near 1).

It prints, for each requested degree, the minimax error before and after
rounding the coefficients to the target type, and the coefficients as
Swift hexadecimal literals. It is not run by the build:

    python3 tools/fit-poly/fit_expm1.py            # both types
    python3 tools/fit-poly/fit_expm1.py --type f32 --degrees 3 4 5

Needs mpmath and numpy.
"""
import argparse

import mpmath as mp
import numpy as np

mp.mp.dps = 60
HALF_LN2 = mp.log(2) / 2


def target(r):
    """g(r) = (expm1(r) - r) / r^2, with its limit 1/2 at 0."""
    if abs(r) < mp.mpf("1e-20"):
        return mp.mpf(1) / 2 + r / 6
    return (mp.expm1(r) - r) / r**2


def weight(r):
    """Relative error of expm1: w(r) (g(r) - P(r)) = (expm1 - approx) / expm1."""
    if abs(r) < mp.mpf("1e-20"):
        return mp.mpf(0) + abs(r)
    return r**2 / abs(mp.expm1(r))


def horner(coefficients, r):
    acc = mp.mpf(0)
    for c in reversed(coefficients):
        acc = acc * r + c
    return acc


def error(coefficients, r):
    """Signed relative error of r + r^2 P(r) against expm1(r)."""
    if r == 0:
        return mp.mpf(0)
    approx = r + r * r * horner(coefficients, r)
    return (approx - mp.expm1(r)) / mp.expm1(r)


def remez(degree, a, iterations=30, grid=4000):
    """Weighted minimax P of `degree` for g on [-a, a]."""
    count = degree + 2
    # Chebyshev extrema, nudged off 0: the weight vanishes there (the
    # relative error of r + r^2 P is 0 at r = 0), so no extremum sits at 0.
    nodes = [a * mp.cos(mp.pi * (count - 1 - i) / (count - 1)) + a / 97 for i in range(count)]
    nodes = [min(max(x, -a), a) for x in nodes]
    xs = [-a + 2 * a * mp.mpf(k) / grid for k in range(grid + 1)]
    coefficients = None
    for _ in range(iterations):
        matrix = mp.matrix(count, count)
        rhs = mp.matrix(count, 1)
        for i, x in enumerate(nodes):
            for j in range(degree + 1):
                matrix[i, j] = x**j
            w = weight(x)
            matrix[i, degree + 1] = (-1) ** i / w if w != 0 else 0
            rhs[i] = target(x)
        solution = mp.lu_solve(matrix, rhs)
        coefficients = [solution[j] for j in range(degree + 1)]
        errors = [weight(x) * (target(x) - horner(coefficients, x)) for x in xs]
        # Local extrema of the error curve, then the largest alternating set.
        extrema = [0]
        for k in range(1, grid):
            if (errors[k] - errors[k - 1]) * (errors[k + 1] - errors[k]) <= 0:
                extrema.append(k)
        extrema.append(grid)
        chosen = []
        for k in extrema:
            if chosen and mp.sign(errors[k]) == mp.sign(errors[chosen[-1]]):
                if abs(errors[k]) > abs(errors[chosen[-1]]):
                    chosen[-1] = k
            else:
                chosen.append(k)
        while len(chosen) > count:
            # Drop the smaller end.
            if abs(errors[chosen[0]]) < abs(errors[chosen[-1]]):
                chosen.pop(0)
            else:
                chosen.pop()
        if len(chosen) < count:
            break
        nodes = [xs[k] for k in chosen]
    return coefficients


def max_error(coefficients, a, samples=20001):
    worst = mp.mpf(0)
    for k in range(samples):
        r = -a + 2 * a * mp.mpf(k) / (samples - 1)
        worst = max(worst, abs(error(coefficients, r)))
    return worst


def rounded(coefficients, kind):
    dtype = np.float32 if kind == "f32" else np.float64
    return [mp.mpf(float(dtype(float(c)))) for c in coefficients]


def hexliteral(value, kind):
    if kind == "f32":
        return float(np.float32(float(value))).hex()
    return float(value).hex()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--type", choices=["f32", "f64", "both"], default="both")
    parser.add_argument("--degrees", type=int, nargs="*", help="degrees m of P (default: the ones in use)")
    args = parser.parse_args()
    chosen = {"f32": [5], "f64": [10]}
    kinds = ["f32", "f64"] if args.type == "both" else [args.type]
    # n = round(x log2e) is computed from a rounded product, so |r| may
    # exceed ln2/2 by up to half an ulp of x log2e times ln 2: for float
    # arguments down to -106 (n >= -153) that is 2^-17 ln 2, about 2^-16
    # relative to ln2/2. The margin 2^-14 covers it in both types.
    a = HALF_LN2 * (1 + mp.mpf(2) ** -14)
    for kind in kinds:
        unit = mp.mpf(2) ** (-24 if kind == "f32" else -53)
        for degree in args.degrees or chosen[kind]:
            exact = remez(degree, a)
            stored = rounded(exact, kind)
            e_exact = max_error(exact, a)
            e_stored = max_error(stored, a)
            print(f"{kind}: expm1(r) ~ r + r^2 P(r), P of degree {degree} (expm1 degree {degree + 2}), |r| <= {mp.nstr(a, 8)}")
            print(f"  minimax relative error {mp.nstr(e_exact, 4)} = 2^{mp.nstr(mp.log(e_exact, 2), 4)}"
                  f" = {mp.nstr(e_exact / unit, 4)} half-ulp units")
            print(f"  with {kind} coefficients {mp.nstr(e_stored, 4)} = 2^{mp.nstr(mp.log(e_stored, 2), 4)}")
            for j, c in enumerate(stored):
                print(f"    c{j + 2} = {hexliteral(c, kind)}   // {mp.nstr(c, 17)}")


if __name__ == "__main__":
    main()
