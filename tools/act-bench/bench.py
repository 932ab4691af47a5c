"""make bench: libactivations' throughput beside numpy and the streaming ceilings.

Runs the compiled benchmark (act-bench: every entry point, and memcpy /
non-temporal copies of the same bytes, timed in C), then times in this same
session the document's numpy snippets and the Python binding on the same
sizes, and writes docs/benchmarks.md and a PNG chart next to it.

Every figure is elements per nanosecond, the median of interleaved repeats
(spread: min..max). Nothing here is asserted: timings are shown, not tested.

    python3 tools/act-bench/bench.py --bench .build/tools/act-bench [--quick]
"""

import argparse
import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))

import activations  # noqa: E402
from numpy_formulas import FORMULAS  # noqa: E402

DTYPES = {"f32": np.float32, "f64": np.float64}

# The numpy formula of each function and direction timed here: the document's
# five with their derivatives and backward passes, and the forward of the others.
SNIPPETS = {
    key: FORMULAS[key]
    for key in FORMULAS
    if key[0] in ("sigmoid", "tanh", "relu", "leaky_relu", "elu")
    or key in {(name, "forward") for name in ("silu", "gelu_tanh", "mish", "selu", "softsign", "softplus",
                                             "logsigmoid", "tanhshrink", "celu")}
}

# The same calls through the binding (parameters as in act-bench).
BINDING = {
    "sigmoid": {},
    "tanh": {},
    "relu": {},
    "leaky_relu": {"alpha": 0.01},
    "elu": {"alpha": 1.0},
    "silu": {},
    "gelu_tanh": {},
    "mish": {},
    "selu": {},
    "softsign": {},
    "softplus": {"beta": 1.0, "threshold": 20.0},
    "logsigmoid": {},
    "tanhshrink": {},
    "celu": {"alpha": 1.0},
}


def binding_call(name, direction, x, dy, out):
    suffix = "" if direction == "forward" else "_" + direction
    function = getattr(activations, name + suffix)
    if direction == "backward":
        return function(x, dy, out=out, **BINDING[name])
    return function(x, out=out, **BINDING[name])


def median_rate(fn, n, samples, min_seconds):
    """Elements per ns of fn() over `n` elements: calibrated repeats, median of samples."""
    fn()
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    reps = max(1, int(min_seconds / once))
    rates = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(reps):
            fn()
        rates.append(n * reps / ((time.perf_counter() - start) * 1e9))
    rates.sort()
    return rates[len(rates) // 2], rates[0], rates[-1]


def run_c_bench(path, quick, isa=None):
    """act-bench's header and rows; `isa` forces an instruction-set path (ACTIVATIONS_ISA)."""
    command = [path] + (["--quick"] if quick else [])
    env = dict(os.environ, ACTIVATIONS_ISA=isa) if isa else None
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    header = output.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO("\n".join(output.splitlines()[1:])), delimiter="\t"))
    return header, rows


def python_timings(sizes, samples, min_seconds):
    """{(name, direction, type, n): (numpy snippet rate, binding rate)}, one thread."""
    activations.set_num_threads(1)
    results = {}
    rng = np.random.default_rng(0)
    for type_name, dtype in DTYPES.items():
        for n in sizes:
            x = rng.uniform(-10, 10, n).astype(dtype)
            dy = rng.uniform(-1, 1, n).astype(dtype)
            out = np.empty_like(x)
            # Interleave: one sample of each case per round.
            cases = []
            for (name, direction), snippet in SNIPPETS.items():
                cases.append(((name, direction, type_name, n), "numpy", lambda s=snippet: s(x, dy)))
                cases.append(
                    ((name, direction, type_name, n), "binding",
                     lambda name=name, direction=direction: binding_call(name, direction, x, dy, out)))
            rates = {}
            for _ in range(samples):
                for key, kind, fn in cases:
                    rate = median_rate(fn, n, 1, min_seconds)[0]
                    rates.setdefault((key, kind), []).append(rate)
            for (key, kind), values in rates.items():
                values.sort()
                results.setdefault(key, {})[kind] = (values[len(values) // 2], values[0], values[-1])
    activations.set_num_threads(0)
    return results


def call_overhead():
    """Microseconds per binding call of sigmoid on one float32 element (median of 5 runs)."""
    x = np.zeros(1, np.float32)
    out = np.empty_like(x)
    activations.sigmoid(x, out=out)
    reps, runs = 20000, []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(reps):
            activations.sigmoid(x, out=out)
        runs.append((time.perf_counter() - start) / reps * 1e6)
    return sorted(runs)[2]


def half_section(rows):
    """The half-precision rows beside the float32 row of the same case in the same run: el/ns and the ratio."""
    rates = {}
    for r in rows:
        if r["direction"] != "ceiling":
            rates[(r["function"], r["direction"], r["type"], r["n"], r["cols"], r["threads"])] = (
                float(r["median_el_per_ns"]))
    keys = []
    for r in rows:
        key = (r["function"], r["direction"], r["n"], r["cols"], r["threads"])
        if r["type"] in ("f16", "bf16") and r["direction"] != "ceiling" and key not in keys:
            keys.append(key)
    if not keys:
        return []
    lines = [
        "## Half precision against float32",
        "",
        "The `_f16` and `_bf16` entry points beside the `_f32` one, same function, size and thread count, "
        "measured in the same run: elements per ns and the ratio half / float32 (the issue's targets: at "
        "least 0.8x at n = 4096; at least 1x at 16M elements, where the half versions move half the bytes). "
        "Not asserted.",
        "",
        "| function | direction | n | threads | f32 el/ns | f16 el/ns | f16 x f32 | bf16 el/ns | bf16 x f32 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for function, direction, n, cols, threads in keys:
        f32 = rates.get((function, direction, "f32", n, cols, threads))
        cells = []
        for half in ("f16", "bf16"):
            rate = rates.get((function, direction, half, n, cols, threads))
            cells.append(f"{rate:.3f}" if rate else "-")
            cells.append(f"{rate / f32:.2f}" if rate and f32 else "-")
        shape = f"{int(n) // int(cols)} x {cols}" if function == "softmax" else n
        lines.append(f"| {function} | {direction} | {shape} | {threads} | {f'{f32:.3f}' if f32 else '-'} | "
                     + " | ".join(cells) + " |")
    lines.append("")
    return lines


def row_key(r):
    return (r["function"], r["direction"], r["type"], r["n"], r["cols"], r["threads"])


def write_outputs(header, rows, timings, overhead_us, markdown, png, quick, avx2_rows=None):
    """avx2_rows: the same cases on the AVX2 path (a second run, when the default path is AVX-512)."""
    avx2 = {row_key(r): float(r["median_el_per_ns"]) for r in avx2_rows or [] if r["direction"] != "ceiling"}
    ceilings = {}
    for r in rows:
        if r["direction"] == "ceiling":
            ceilings[(r["function"], r["type"], r["n"], r["threads"])] = float(r["median_el_per_ns"])
    lines = [
        "# Benchmarks of libactivations",
        "",
        "Written by `make bench` (tools/act-bench). Elements per nanosecond, median of interleaved repeats "
        "(spread min..max), measured in one run on this machine:",
        "",
        f"- C: `{header.lstrip('# ')}`",
        "- numpy: the document's snippets (`Tests/python/snippets.py`; for the functions the document does not have, "
        "the usual numpy formula of the forward, in tools/act-bench/bench.py) and the Python binding, same session, "
        "one thread.",
        "- ceilings: `memcpy` and a non-temporal copy of the same bytes (`nt-copy`); backward is compared with a "
        "two-read, one-non-temporal-write stream (`nt-3-stream`).",
        f"- Python binding: {overhead_us:.2f} us per call of `sigmoid(x, out=y)` on one float32 element.",
        f"- instruction set: `{activations.isa()}`"
        + ("; the AVX2 path (`ACTIVATIONS_ISA=avx2`, a second run of act-bench right after the first) beside it."
           if avx2 else "."),
        "",
        "| function | direction | type | n | threads | el/ns (min..max) | x numpy snippet | binding el/ns | "
        "x nt ceiling |" + (" AVX2 path el/ns | x AVX2 path |" if avx2 else ""),
        "|---|---|---|---|---|---|---|---|---|" + ("---|---|" if avx2 else ""),
    ]
    chart = {}
    for r in rows:
        if r["direction"] == "ceiling":
            continue
        rate = float(r["median_el_per_ns"])
        key = (r["function"], r["direction"], r["type"], int(r["n"]))
        python = timings.get(key, {}) if r["threads"] == "1" else {}
        numpy_rate = python.get("numpy", (None,))[0]
        binding_rate = python.get("binding", (None,))[0]
        ceiling_name = "nt-3-stream" if r["direction"] == "backward" else "nt-copy"
        ceiling = ceilings.get((ceiling_name, r["type"], r["n"], r["threads"]))
        shape = f"{int(r['n']) // int(r['cols'])} x {r['cols']}" if r["function"] == "softmax" else r["n"]
        lines.append(
            f"| {r['function']} | {r['direction']} | {r['type']} | {shape} | {r['threads']} | "
            f"{rate:.3f} ({float(r['min']):.3f}..{float(r['max']):.3f}) | "
            f"{f'{rate / numpy_rate:.2f}' if numpy_rate else '-'} | "
            f"{f'{binding_rate:.3f}' if binding_rate else '-'} | "
            f"{f'{rate / ceiling:.2f}' if ceiling and r['function'] != 'softmax' else '-'} |"
            + (f" {avx2[row_key(r)]:.3f} | {rate / avx2[row_key(r)]:.2f} |" if row_key(r) in avx2 else
               " - | - |" if avx2 else ""))
        if r["direction"] == "forward" and r["type"] == "f32" and r["threads"] == "1" and numpy_rate:
            chart.setdefault(int(r["n"]), []).append((r["function"], rate, numpy_rate))
    lines.append("")
    lines.extend(half_section(rows))
    lines.append(f"![forward float32, one thread: library vs numpy snippet]({Path(png).name})")
    lines.append("")
    Path(markdown).write_text("\n".join(lines))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib is not installed; no chart written", file=sys.stderr)
        return
    n = min(chart)
    names = [c[0] for c in chart[n]]
    positions = np.arange(len(names))
    figure, axis = plt.subplots(figsize=(8, 4))
    axis.bar(positions - 0.2, [c[1] for c in chart[n]], 0.4, label="libactivations")
    axis.bar(positions + 0.2, [c[2] for c in chart[n]], 0.4, label="numpy snippet")
    axis.set_xticks(positions, names)
    axis.set_yscale("log")
    axis.set_ylabel("elements per ns (log)")
    axis.set_title(f"forward, float32, n = {n}, one thread" + (" (quick run)" if quick else ""))
    axis.legend()
    figure.tight_layout()
    figure.savefig(png, dpi=100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", required=True, help="path of the compiled act-bench")
    parser.add_argument("--markdown", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--png", default=str(ROOT / "docs" / "benchmarks.png"))
    parser.add_argument("--quick", action="store_true", help="small sizes, one sample (a smoke run)")
    arguments = parser.parse_args()
    sizes = [4096, 65536] if arguments.quick else [4096, 262144, 16777216]
    samples, min_seconds = (1, 0.001) if arguments.quick else (5, 0.02)
    overhead = call_overhead()  # first, in a fresh process
    header, rows = run_c_bench(arguments.bench, arguments.quick)
    avx2_rows = run_c_bench(arguments.bench, arguments.quick, "avx2")[1] if activations.isa() == "avx512" else None
    timings = python_timings(sizes, samples, min_seconds)
    write_outputs(header, rows, timings, overhead, arguments.markdown, arguments.png, arguments.quick, avx2_rows)
    sys.stdout.write(Path(arguments.markdown).read_text())


if __name__ == "__main__":
    main()
