#!/usr/bin/env python3
"""Fits the small-argument polynomial of Sources/Activations/Functions/Tanhshrink.swift.

Near 0, tanhshrink(x) = x - tanh(x) = x^3/3 - 2x^5/15 + ... cancels, so
for |x| < c the kernels evaluate

    x - tanh(x) ~ x^3 P(s),   s = x^2,   P of degree m,

with P(s) -> 1/3 as s -> 0. The script interpolates (x - tanh x) / x^3 at
the Chebyshev nodes of s in [0, c^2] (near-minimax for this smooth
function) in mpmath, prints the worst relative error against the exact
quotient over a dense grid, then the coefficients as Swift hexadecimal
literals, the constant term as two terms (hi, lo). It is not run by the
build:

    python3 tools/fit-poly/fit_tanhshrink.py               # c = 0.625, degree 12
    python3 tools/fit-poly/fit_tanhshrink.py --degree 9

Needs mpmath.
"""
import argparse

import mpmath as mp

mp.mp.dps = 50


def quotient(s):
    """(x - tanh x) / x^3 at x = sqrt(s), with its series near 0."""
    if s < mp.mpf("1e-30"):
        return mp.mpf(1) / 3 - 2 * s / 15
    x = mp.sqrt(s)
    return (x - mp.tanh(x)) / x**3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=0.625)
    parser.add_argument("--degree", type=int, default=12)
    args = parser.parse_args()
    top = mp.mpf(args.c) ** 2
    n = args.degree + 1
    nodes = [top / 2 * (1 + mp.cos(mp.pi * (k + mp.mpf(1) / 2) / n)) for k in range(n)]
    solution = mp.lu_solve(mp.matrix([[s**j for j in range(n)] for s in nodes]), mp.matrix([quotient(s) for s in nodes]))
    coefficients = [solution[j] for j in range(n)]
    worst = max(
        abs(mp.polyval(coefficients[::-1], s) / quotient(s) - 1)
        for s in (top * i / 4000 for i in range(4001))
    )
    print(f"c = {args.c}, degree {args.degree}: max relative error {mp.nstr(worst, 4)}")
    hi = float(coefficients[0])
    print(f"  p0: ({hi.hex()}, {float(coefficients[0] - mp.mpf(hi)).hex()})")
    for j in range(1, n):
        print(f"  p{j}: {float(coefficients[j]).hex()}")


if __name__ == "__main__":
    main()
