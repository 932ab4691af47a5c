#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_abi.c (Tests/fuzz/corpus): one input per
test case number (every function, type and direction of Tests/C/functions.def,
up to 256 rows) with valid parameters and a short run of input values, and a
few with hostile parameters and aliasing. The fuzzer mutates from there.

    python3 Tests/fuzz/make_seeds.py
"""
import pathlib
import struct

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


def seed(case, n, alpha, lower, upper, mode, values):
    header = bytes([case & 255, case >> 8, n & 255, n >> 8, 2, alpha, lower, upper, 1, 7, mode, 0])
    return header + b"".join(struct.pack("<d", v) for v in values)


def main():
    CORPUS.mkdir(exist_ok=True)
    values = [-6.5, -1.0, -0.0, 0.0, 1e-40, 0.75, 3.0, 40.0]
    for case in range(256):
        # alpha 0.5, lower 0.125, upper 0.375 (indices into fuzz_abi.c's VALUES)
        (CORPUS / f"case-{case:03d}").write_bytes(seed(case, 37, 2, 14, 15, 0, values))
    for case, mode, alpha, lower in ((0, 1, 12, 10), (7, 2, 10, 12), (30, 3, 0, 1), (101, 0, 12, 12)):
        (CORPUS / f"hostile-{case:03d}-{mode}").write_bytes(seed(case, 70, alpha, lower, 11, mode, values))


if __name__ == "__main__":
    main()
