#!/usr/bin/env python3
"""Fits the polynomial of Sources/Activations/Elementary/NormalTail.swift.

The exact GELU and its derivative reduce to one smooth function of a = |x|,

    G(a) = Phi(-a) e^(a^2/2) = erfc(a / sqrt 2) e^(a^2/2) / 2,

(Phi the standard normal distribution function): G(0) = 1/2 and
G(a) ~ 1 / (a sqrt(2 pi)) as a -> inf. With the map

    w = c / (c + a)  in (0, 1],   u = 2w - 1  in (-1, 1],

K = G / w is smooth on the whole closed interval, K(u = -1) = 1 / (c sqrt(2 pi)),
and one polynomial in u covers every a >= 0:

    G(a) ~ w K(u),   K(u) ~ sum_j k_j u^j.

The script interpolates K at the Chebyshev nodes of [-1, 1] (within a small
factor of the minimax error for such smooth functions), in mpmath, and
prints the worst relative error of the polynomial against K over a dense
grid of u, then the coefficients as Swift hexadecimal literals: the first
`--tails` as two terms (hi, lo), the rest as doubles. It is not run by the build:

    python3 tools/fit-poly/fit_gelu.py                       # c = 5, degree 26, 8 tails
    python3 tools/fit-poly/fit_gelu.py --degree 12 --tails 0

Needs mpmath.
"""
import argparse

import mpmath as mp

mp.mp.dps = 50


def g_of_a(a):
    """G(a) = erfc(a / sqrt 2) e^(a^2/2) / 2."""
    return mp.erfc(a / mp.sqrt(2)) * mp.exp(a * a / 2) / 2


def k_of_u(u, c):
    """K(u) = G(a) / w with w = (u + 1) / 2 and a = c / w - c."""
    w = (u + 1) / 2
    if w == 0:
        return 1 / (c * mp.sqrt(2 * mp.pi))
    return g_of_a(c / w - c) / w


def fit(c, degree):
    n = degree + 1
    nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / n) for k in range(n)]
    vandermonde = mp.matrix([[u**j for j in range(n)] for u in nodes])
    values = mp.matrix([k_of_u(u, c) for u in nodes])
    solution = mp.lu_solve(vandermonde, values)
    return [solution[j] for j in range(n)]


def worst_error(coefficients, c, points=4001):
    worst, where = mp.mpf(0), None
    for i in range(points):
        u = -1 + mp.mpf(2) * i / (points - 1)
        approx = mp.polyval(coefficients[::-1], u)
        error = abs(approx / k_of_u(u, c) - 1)
        if error > worst:
            worst, where = error, u
    return worst, where


def split(value):
    hi = float(value)
    return hi, float(value - mp.mpf(hi))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=5.0)
    parser.add_argument("--degree", type=int, default=26)
    parser.add_argument("--tails", type=int, default=8, help="coefficients printed as two terms (hi, lo)")
    args = parser.parse_args()
    c = mp.mpf(args.c)
    coefficients = fit(c, args.degree)
    worst, where = worst_error(coefficients, c)
    print(f"c = {args.c}, degree {args.degree}: max relative error {mp.nstr(worst, 4)} at u = {mp.nstr(where, 6)}")
    for j, value in enumerate(coefficients):
        if j < args.tails:
            hi, lo = split(value)
            print(f"  k{j}: ({hi.hex()}, {lo.hex()})")
        else:
            print(f"  k{j}: {float(value).hex()}")


if __name__ == "__main__":
    main()
