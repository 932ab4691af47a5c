"""make bench-peers: libactivations beside the libraries users would pick
instead -- oneDNN, XNNPACK, SLEEF, PyTorch, ONNX Runtime, numpy, scipy --
speed and accuracy side by side, in one process, on the same buffers.

The compiled peers (tools/act-bench/peers/peer_*.so, built by peers/build.sh)
and the Python peers (peers_python.py) sit behind one interface; a peer that
is not installed is shown absent and never fails the run.  For every row
(function, direction, type, size, threads) each peer is prepared once, then
timed in interleaved repeats: elements per ns, the median, with the spread.
Each peer's accuracy is measured once per function, direction and type on a
fixed sample against the 50-digit references of Tests/python/reference.py.

    python3 tools/act-bench/bench_peers.py --peers .build/tools/peers
        [--quick] [--markdown docs/benchmarks-peers.md] [--png docs/benchmarks-peers.png]

--quick is the smoke run of `make test`: two rows and a small sample; it
fails (exit 1) if an installed peer gives no result on them, or a wrong one.
No timing is asserted anywhere.
"""

import argparse
import datetime
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
sys.path.insert(0, str(ROOT / "Tests" / "python"))

import activations  # noqa: E402
import reference as R  # noqa: E402  (mpmath references and ULP errors, shared with the tests)
from peers_python import BindingPeer, CPeer, NumpyPeer, OnnxRuntimePeer, ScipyPeer, TorchPeer  # noqa: E402

mp = R.mp

# ---- the rows ----------------------------------------------------------------------

SIZES = [16, 256, 4096, 262144, 16777216]
SOFTMAX_SHAPES = [(4096, 1000), (64, 32000), (1, 32000)]
DTYPES = {"f32": np.float32, "f64": np.float64}
DOCUMENT = ("sigmoid", "tanh", "relu", "leaky_relu", "elu")  # the seed document's: with a derivative row


def _dtype_parameter(value):
    """A parameter as a peer of that type sees it (0.01 becomes 0.01f in float)."""
    return lambda dtype: mp.mpf(float(dtype(value)))


def _ramp(low, high):
    """Exact clamps: f = min(max(x, low), high), f' = 1 strictly inside."""
    return (lambda x, d: min(max(x, mp.mpf(low)), mp.mpf(high)),
            lambda x, d: mp.mpf(1) if low < x < high else mp.mpf(0))


_SLOPE = _dtype_parameter(0.01)
# function -> (f(x, dtype), f'(x, dtype)): exact, at the parameters the rows use (PyTorch's defaults).
ELEMENTWISE = {
    "sigmoid": (lambda x, d: R.sigmoid(x), lambda x, d: R.sigmoid_derivative(x)),
    "tanh": (lambda x, d: R.tanh(x), lambda x, d: R.tanh_derivative(x)),
    "relu": (lambda x, d: max(x, mp.mpf(0)), lambda x, d: mp.mpf(1) if x > 0 else mp.mpf(0)),
    "leaky_relu": (lambda x, d: x if x > 0 else _SLOPE(d) * x, lambda x, d: mp.mpf(1) if x > 0 else _SLOPE(d)),
    "elu": (lambda x, d: R.elu(x, 1), lambda x, d: R.elu_derivative(x, 1)),
    "gelu": (lambda x, d: R.gelu(x), lambda x, d: R.gelu_derivative(x)),
    "gelu_tanh": (lambda x, d: R.gelu_tanh(x), lambda x, d: R.gelu_tanh_derivative(x)),
    "silu": (lambda x, d: R.silu(x), lambda x, d: R.silu_derivative(x)),
    "softplus": (lambda x, d: R.softplus(x, 1, 20), lambda x, d: R.softplus_derivative(x, 1, 20)),
    "mish": (lambda x, d: R.mish(x), lambda x, d: R.mish_derivative(x)),
    "hardswish": (lambda x, d: R.hardswish(x), lambda x, d: R.hardswish_derivative(x)),
    "hardsigmoid": (lambda x, d: R.hardsigmoid(x), lambda x, d: R.hardsigmoid_derivative(x)),
    "selu": (lambda x, d: R.selu(x), lambda x, d: R.selu_derivative(x)),
    "celu": (lambda x, d: R.celu(x, 1), lambda x, d: R.celu_derivative(x, 1)),
    "softsign": (lambda x, d: R.softsign(x), lambda x, d: R.softsign_derivative(x)),
    "relu6": _ramp(0, 6),
    "hardtanh": _ramp(-1, 1),
}
ROW_FUNCTIONS = ("softmax", "log_softmax")
# Where a derivative jumps: libraries pick different one-sided values there (all
# valid subgradients), so the derivative and backward samples leave these out.
KINKS = {"relu": (0,), "leaky_relu": (0,), "selu": (0,), "relu6": (0, 6), "hardtanh": (-1, 1),
         "hardswish": (-3, 3), "hardsigmoid": (-3, 3)}


@dataclass
class Case:
    function: str
    direction: str
    dtype: type
    rows: int
    cols: int
    threads: int
    x: np.ndarray = None
    dy: np.ndarray = None
    out: np.ndarray = None

    @property
    def bits(self):
        return np.dtype(self.dtype).itemsize * 8

    @property
    def n(self):
        return self.rows * self.cols

    @property
    def type_name(self):
        return "f32" if self.dtype == np.float32 else "f64"

    @property
    def shape_name(self):
        return str(self.cols) if self.function not in ROW_FUNCTIONS else "%d x %d" % (self.rows, self.cols)


def all_rows(all_threads):
    """Every row of the full run: float32 at 1 and all threads, float64 at 1."""
    rows = []
    for threads in sorted({1, all_threads}):
        for type_name, dtype in DTYPES.items():
            if threads > 1 and type_name == "f64":
                continue
            for function in ELEMENTWISE:
                directions = ("forward", "derivative", "backward") if function in DOCUMENT else ("forward", "backward")
                for direction in directions:
                    for n in SIZES:
                        rows.append(Case(function, direction, dtype, 1, n, threads))
            for function in ROW_FUNCTIONS:
                for direction in ("forward", "backward"):
                    for r, c in SOFTMAX_SHAPES:
                        rows.append(Case(function, direction, dtype, r, c, threads))
    return rows


def quick_rows():
    """The smoke rows: between them, every peer has a case."""
    return [Case("sigmoid", "forward", np.float32, 1, 4096, 1),
            Case("gelu", "backward", np.float32, 1, 4096, 1),
            Case("softmax", "forward", np.float32, 4, 1000, 1)]


# ---- buffers --------------------------------------------------------------------------

def aligned(shape, dtype):
    """An uninitialized array whose data is 64-byte aligned."""
    count = int(np.prod(shape))
    itemsize = np.dtype(dtype).itemsize
    raw = np.empty(count * itemsize + 64, dtype=np.uint8)
    start = (-raw.ctypes.data) % 64
    return raw[start:start + count * itemsize].view(dtype).reshape(shape)


class Buffers:
    """The shared inputs of the speed rows, made once per type and shape: x uniform
    on [-10, 10], dy on [-1, 1], and for softmax backward the forward output y."""

    def __init__(self):
        self.cache = {}

    def bind(self, case):
        from_output = case.function in ROW_FUNCTIONS and case.direction == "backward"
        key = (case.dtype, case.rows, case.cols, case.function if from_output else "")
        if key not in self.cache:
            rng = np.random.default_rng(20261207)
            shape = (case.rows, case.cols)
            x = aligned(shape, case.dtype)
            x[...] = rng.uniform(-10, 10, shape)
            if from_output:
                x[...] = _row_forward(case.function, x.astype(np.float64))  # backward starts from y
            dy = aligned(shape, case.dtype)
            dy[...] = rng.uniform(-1, 1, shape)
            self.cache.clear()  # one shape at a time: 16M doubles are 128 MB a buffer
            self.cache[key] = (x, dy, aligned(shape, case.dtype))
        case.x, case.dy, case.out = self.cache[key]
        if case.direction != "backward":
            case.dy = None
        return case


def _row_forward(function, x):
    shifted = x - x.max(axis=-1, keepdims=True)
    if function == "softmax":
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


# ---- timing --------------------------------------------------------------------------

# Between two samples of a threaded row: the worker threads of the peer just timed
# (OpenMP's, ONNX Runtime's) spin for a while after their last task; the pause lets
# them go to sleep before the next peer runs on the same two cores.
PAUSE = 0.02


def time_row(case, peers, repeats, target_ns):
    """{peer name: (median, min, max) el/ns} for the peers that offer the case,
    timed in `repeats` interleaved rounds (the order rotates every round)."""
    prepared = {}
    for peer in peers:
        handle = peer.prepare(case)
        if handle is not None:
            prepared[peer.name] = handle
    calls = {}
    for name, handle in prepared.items():
        handle.time(1)  # warm: pages touched, pools started
        once = max(handle.time(1), 1)
        calls[name] = int(min(max(1, target_ns // once), 10**6))
    rates = {name: [] for name in prepared}
    names = list(prepared)
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)] if names else []:
            ns = prepared[name].time(calls[name])
            rates[name].append(case.n * calls[name] / max(ns, 1))
            if case.threads > 1:
                time.sleep(PAUSE)
    for handle in prepared.values():
        handle.release()
    return {name: (statistics.median(v), min(v), max(v)) for name, v in rates.items()}


# ---- accuracy --------------------------------------------------------------------------

# "Wrong": on a finite input, |y - f(x)| > WRONG * max(1, |f(x)|), or a NaN or an
# infinity where f(x) is finite.  Loose on purpose: it catches broken results, not
# imprecise ones (those show in the ULP columns); flushing a tiny result to zero
# passes it.
WRONG = 2.0**-11


def elementwise_sample(dtype, quick):
    """Finite sample inputs: both signs of a log-uniform spread, the subnormal
    and normal edges, the tails and the largest finite; then +-inf and NaN.
    The quick (smoke) sample keeps to |x| <= 100, the range every peer covers:
    there, a wrong result means a broken harness, not a peer's edge case."""
    info = np.finfo(dtype)
    rng = np.random.default_rng(15)
    low, high = (-30, 7) if dtype == np.float32 else (-60, 10)
    count = 24 if quick else 400
    magnitudes = list(np.exp2(rng.uniform(low, high, count)))
    magnitudes += [float(info.smallest_subnormal), float(info.tiny), 1e-20, 0.5, 1, 2, 3.5, 10, 20, 50, 100,
                   1e3, 1e6, 1e30, float(info.max)]
    magnitudes += [1e-40, 88, 104] if dtype == np.float32 else [1e-310, 36, 700, 745, 1e300]
    if quick:
        magnitudes = [m for m in magnitudes if m <= 100]
    finite = np.array([0.0] + magnitudes + [-m for m in [0.0] + magnitudes], dtype=dtype)
    return finite, np.array([] if quick else [np.inf, -np.inf, np.nan], dtype=dtype)


def _dy_sample(n, dtype):
    pattern = [1.0, -0.75, 2.5, -3.25, 0.5, 1.5, -1.0, 0.125]
    return np.array([pattern[k % len(pattern)] for k in range(n)], dtype=dtype)


def _limit(reference, x, dtype):
    """f at an infinity, as the rounded value of f at a huge argument (NaN if it has none)."""
    try:
        value = reference(mp.mpf("1e10000") * (1 if x > 0 else -1), dtype)
        with np.errstate(over="ignore"):
            return float(dtype(float(value)))
    except (ValueError, ZeroDivisionError, OverflowError):
        return math.nan


class AccuracySample:
    """The fixed inputs of one (function, direction, type), their references,
    and the judgement of a peer's outputs."""

    def __init__(self, function, direction, dtype, quick):
        self.function, self.direction, self.dtype = function, direction, dtype
        if function in ROW_FUNCTIONS:
            self._rows(quick)
        else:
            self._elementwise(quick)

    def _elementwise(self, quick):
        f, derivative = ELEMENTWISE[self.function]
        finite, special = elementwise_sample(self.dtype, quick)
        if self.direction != "forward":
            finite = finite[~np.isin(finite, KINKS.get(self.function, ()))]
        x = np.concatenate([finite, special])
        dy = _dy_sample(len(x), self.dtype)
        dy[len(finite):] = 1
        exact_x, exact_dy = R.exact(finite), R.exact(dy)
        if self.direction == "forward":
            self.reference = [f(v, self.dtype) for v in exact_x]
            limits = [_limit(f, v, self.dtype) for v in special[:2]]
        elif self.direction == "derivative":
            self.reference = [derivative(v, self.dtype) for v in exact_x]
            limits = [_limit(derivative, v, self.dtype) for v in special[:2]]
        else:
            self.reference = [g * derivative(v, self.dtype) for v, g in zip(exact_x, exact_dy)]
            limits = [_limit(derivative, v, self.dtype) for v in special[:2]]
        self.expected_special = (limits + [math.nan])[:len(special)]
        self.x, self.dy = x.reshape(1, -1), dy.reshape(1, -1)
        self.finite, self.special = len(finite), special
        self.scale = None

    def _rows(self, quick):
        rng = np.random.default_rng(16)
        cols = 64 if quick else 256
        rows = [rng.uniform(-10, 10, cols), rng.uniform(-1000, 1000, cols), 1 + rng.uniform(-1e-4, 1e-4, cols),
                rng.choice([-1, 1], cols) * np.exp2(rng.uniform(-20, 6, cols))]
        x = np.array(rows, dtype=self.dtype)
        dy = _dy_sample(x.size, self.dtype).reshape(x.shape)
        forward = R.softmax_row if self.function == "softmax" else R.log_softmax_row
        reference, scale = [], []
        for r in range(x.shape[0]):
            exact = forward(R.exact(x[r]))
            if self.direction == "backward":  # from y, the forward output rounded once
                x[r] = [float(v) for v in exact]
                y, g = R.exact(x[r]), R.exact(dy[r])
                # Backward errors are judged on each element's natural scale (the
                # header's): y_j (|dy_j| + sum |dy_k y_k|), or |dy_j| + exp(y_j) sum |dy_k|.
                if self.function == "softmax":
                    dot = mp.fsum(a * b for a, b in zip(y, g))
                    exact = [a * (b - dot) for a, b in zip(y, g)]
                    size = mp.fsum(abs(a * b) for a, b in zip(y, g))
                    scale += [a * (abs(b) + size) for a, b in zip(y, g)]
                else:
                    total = mp.fsum(g)
                    exact = [b - mp.exp(a) * total for a, b in zip(y, g)]
                    size = mp.fsum(abs(b) for b in g)
                    scale += [abs(b) + mp.exp(a) * size for a, b in zip(y, g)]
            reference += exact
        self.reference = reference
        self.scale = scale or None
        self.x, self.dy = x, dy
        self.finite, self.special, self.expected_special = x.size, np.array([]), []

    def judge(self, output):
        """(max ULP over results of normal or zero magnitude, max ULP over
        subnormal results or None, wrong: bool, special mismatches: [str])."""
        got = np.ravel(output)[:self.finite]
        info = np.finfo(self.dtype)
        if self.scale is not None:
            errors = np.array([(float(abs(mp.mpf(float(v)) - ref) / R.ulp(s, np.dtype(self.dtype))) if s else
                                0.0 if v == 0 else math.inf) if np.isfinite(v) else math.inf
                               for v, ref, s in zip(got, self.reference, self.scale)])
        else:
            errors = R.ulp_errors(got, self.reference, self.dtype)
        subnormal = np.array([0 < abs(ref) < info.tiny for ref in self.reference])
        normal_max = float(errors[~subnormal].max()) if (~subnormal).any() else 0.0
        subnormal_max = float(errors[subnormal].max()) if subnormal.any() else None
        wrong = False
        for v, ref in zip(got, self.reference):
            exact = float(ref)
            if not math.isfinite(float(v)):
                with np.errstate(over="ignore"):
                    rounded = float(self.dtype(exact))
                if not (math.isinf(rounded) and float(v) == rounded):
                    wrong = True
            elif abs(float(v) - exact) > WRONG * max(1.0, abs(exact)):
                wrong = True
        mismatches = []
        for x, want, have in zip(self.special, self.expected_special, np.ravel(output)[self.finite:]):
            same = (math.isnan(want) and math.isnan(have)) or want == have
            if not same:
                name = {math.inf: "+inf", -math.inf: "-inf"}.get(float(x), "nan")
                mismatches.append("%s -> %s" % (name, _short(have)))
        return normal_max, subnormal_max, wrong, mismatches


def _short(v):
    v = float(v)
    return "nan" if math.isnan(v) else ("%g" % v)


def measure_accuracy(peers, keys, quick):
    """{(function, direction, type): {peer: judgement}} on the fixed samples (one thread)."""
    results = {}
    for function, direction, dtype in keys:
        sample = AccuracySample(function, direction, dtype, quick)
        case = Case(function, direction, dtype, sample.x.shape[0], sample.x.shape[1], 1)
        case.x = _aligned_copy(sample.x)
        case.dy = _aligned_copy(sample.dy) if direction == "backward" else None
        case.out = aligned(sample.x.shape, dtype)
        judged = {}
        for peer in peers:
            if peer.name in CEILINGS:
                continue
            handle = peer.prepare(case)
            if handle is None:
                continue
            case.out[...] = np.nan
            handle.fill()
            handle.release()
            judged[peer.name] = sample.judge(case.out)
        results[(function, direction, "f32" if dtype == np.float32 else "f64")] = judged
    return results


def _aligned_copy(array):
    copy = aligned(array.shape, array.dtype)
    copy[...] = array
    return copy


# ---- the peers ----------------------------------------------------------------------------

PEER_ORDER = ["oneDNN", "XNNPACK", "SLEEF", "torch", "onnxruntime", "numpy", "scipy"]
OURS = ["ours", "ours (python)"]
CEILINGS = ["memcpy", "ntcopy"]
# (peer, function, direction): the peer solves an easier problem there; shown, flagged, not "best".
EASIER = {("torch", "sigmoid", "backward"): "from the saved output y",
          ("torch", "tanh", "backward"): "from the saved output y"}


def load_peers(peer_dir):
    """(peers, absent: {name: reason}); peers in column order, ceilings last."""
    peers, absent = [], {}
    compiled = {"oneDNN": "onednn", "XNNPACK": "xnnpack", "SLEEF": "sleef"}
    python = {"torch": TorchPeer, "onnxruntime": OnnxRuntimePeer, "numpy": NumpyPeer, "scipy": ScipyPeer}
    for name in PEER_ORDER:
        try:
            if name in compiled:
                path = Path(peer_dir) / ("peer_%s.so" % compiled[name])
                if not path.exists():
                    raise ImportError("not built (its development package is missing: make peers-deps)")
                peers.append(CPeer(name, path))
            else:
                peers.append(python[name]())
        except (ImportError, OSError) as error:
            absent[name] = str(error).splitlines()[0]
    peers.append(CPeer("ours", Path(peer_dir) / "peer_ours.so"))
    peers.append(BindingPeer(activations))
    for name in CEILINGS:
        peers.append(CPeer(name, Path(peer_dir) / "peer_copy.so", function_name=name))
    return peers, absent


def package_version(name):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def describe(peers, absent):
    """[(library, what it reported)] for the page."""
    lines = []
    for peer in peers:
        if peer.name in CEILINGS:
            continue
        about = peer.about
        if peer.name == "XNNPACK":
            about = "Debian package %s; %s" % (package_version("libxnnpack0"), about)
        if peer.name == "numpy":
            about += "; SIMD " + _numpy_simd()
        lines.append((peer.name, about))
    lines += [(name, "absent: " + reason) for name, reason in absent.items()]
    return lines


def _numpy_simd():
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:
        return "?"
    found = [f for f in umath.__cpu_dispatch__ if umath.__cpu_features__.get(f)]
    return "baseline %s, dispatch %s" % ("/".join(umath.__cpu_baseline__), "/".join(found))


def machine():
    model, flags = "?", []
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name") and model == "?":
                model = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = line.split(":", 1)[1].split()
    except OSError:
        pass
    wanted = [f for f in flags if f.startswith("avx") or f in ("fma", "f16c")]
    return model, wanted


# ---- output ----------------------------------------------------------------------------------

def best_of(row_rates, accuracy_row, function, direction):
    """(name, rate) of the fastest peer that is neither flagged nor wrong."""
    best = None
    for name in PEER_ORDER:
        if name not in row_rates or (name, function, direction) in EASIER:
            continue
        if accuracy_row.get(name, (0, None, False, []))[2]:
            continue
        if best is None or row_rates[name][0] > best[1]:
            best = (name, row_rates[name][0])
    return best


def fastest_of(row_rates):
    """(name, rate) of the fastest peer, flagged and wrong ones included."""
    rates = [(name, row_rates[name][0]) for name in PEER_ORDER if name in row_rates]
    return max(rates, key=lambda item: item[1]) if rates else None


def cell(rates, n, per_call):
    median, low, high = rates
    spread = 100 * (high - low) / 2 / median if median > 0 else 0
    if per_call:
        return "%.0f ns ±%.0f%%" % (n / median, spread)
    return "%.3g ±%.0f%%" % (median, spread)


def markdown(results, accuracy, about, model, flags, args, elapsed):
    out = []
    w = out.append
    w("# libactivations beside its peers: speed and accuracy")
    w("")
    w("Written by `make bench-peers` (`tools/act-bench/bench_peers.py`) on %s, in %.0f minutes. "
      "Every figure comes from one process: each library ran on the same buffers, one after "
      "another, in interleaved rounds." % (datetime.date.today().isoformat(), elapsed / 60))
    w("")
    w("## Machine and libraries")
    w("")
    w("- CPU: %s, %d logical CPUs; flags: %s" % (model, os.cpu_count(), " ".join(flags)))
    w("- %s, Python %s" % (platform.platform(), platform.python_version()))
    w("")
    w("| library | version, ISA path and threads as reported |")
    w("|---|---|")
    for name, text in about:
        w("| %s | %s |" % (name, text))
    w("")
    w("## How to read it")
    w("")
    w("- Cells are elements per nanosecond (higher is faster), the median of %d interleaved repeats, each "
      "repeat at least %g ms of back-to-back calls, with the spread ±(max - min) / 2 in percent of the "
      "median. At 16 elements the cells are the time per call instead (lower is faster), which is mostly "
      "call overhead." % (args.repeats, args.min_ms))
    w("- **best** is the fastest peer that is neither flagged (†: it solves an easier problem) nor wrong "
      "(✗: see Accuracy). **ours / best** compares libactivations called from C with it; above 1 we are "
      "faster. **ours / fastest** compares with the fastest peer of all, flagged and wrong ones included.")
    w("- Parameters are PyTorch's defaults: leaky_relu slope 0.01, elu and celu alpha 1, softplus beta 1 "
      "and threshold 20 (where the peer has one), hardtanh [-1, 1]. Backward is dx = dy f'(x) from x; "
      "softmax and log_softmax backward start from the forward output y, as in every peer.")
    w("- Inputs: x uniform on [-10, 10], dy on [-1, 1] (fixed seed). Buffers are 64-byte aligned.")
    w("- memcpy and ntcopy are the ceilings for the same bytes (two streams forward, three backward), "
      "from `tools/act-bench/peers/peer_copy.c`; they are shown from 262144 elements up.")
    w("- numpy and scipy are single-threaded: they are absent from the all-threads tables. A blank cell: "
      "the library does not offer that case.")
    w("")
    groups = {}
    for case, rates in results:
        groups.setdefault((case.threads, case.type_name, case.function in ROW_FUNCTIONS), []).append((case, rates))
    columns = PEER_ORDER + OURS
    for (threads, type_name, rows_kind), items in groups.items():
        w("## %s, %s, %s" % ("softmax and log_softmax" if rows_kind else "elementwise", type_name,
                             "1 thread" if threads == 1 else "%d threads" % threads))
        w("")
        w("| function | direction | %s | %s | best | ours / best | ours / fastest | memcpy | ntcopy |" %
          ("rows x cols" if rows_kind else "n", " | ".join(columns)))
        w("|---|---|---:|" + "---:|" * (len(columns) + 5))
        for case, rates in items:
            per_call = case.n == 16
            acc = accuracy.get((case.function, case.direction, type_name), {})
            cells = []
            for name in columns:
                if name not in rates:
                    cells.append("")
                    continue
                text = cell(rates[name], case.n, per_call)
                if (name, case.function, case.direction) in EASIER:
                    text += " †"
                if acc.get(name, (0, None, False, []))[2]:
                    text += " ✗"
                cells.append(text)
            best = best_of(rates, acc, case.function, case.direction)
            ratio = "%.2f" % (rates["ours"][0] / best[1]) if best and "ours" in rates else ""
            best_text = "%s (%s)" % (cell(rates[best[0]], case.n, per_call), best[0]) if best else ""
            fastest = fastest_of(rates)
            ratio_fastest = "%.2f" % (rates["ours"][0] / fastest[1]) if fastest and "ours" in rates else ""
            ceilings = [cell(rates[c], case.n, False) if c in rates and case.n >= 262144 else "" for c in CEILINGS]
            w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                case.function, case.direction, case.shape_name, " | ".join(cells), best_text, ratio, ratio_fastest,
                " | ".join(ceilings)))
        w("")
    w("## Accuracy")
    w("")
    w("Each library's outputs on a fixed sample, one call per function, direction and type, against "
      "50-digit references (`Tests/python/reference.py`): the largest error in ULPs over the results "
      "whose exact value is normal or zero, then (after /) over the results whose exact value is "
      "subnormal, where the sample has them: a library that flushes them to zero shows a large figure "
      "there. The sample (`elementwise_sample`): 0 and both signs of %d log-uniform magnitudes, the "
      "subnormal and normal edges, the tails and the largest finite value. softmax and log_softmax: four "
      "rows of 256 with spreads 20, 2000, 2e-4 and a log-uniform one; their backward errors are measured "
      "in ULPs of each element's natural scale, the header's y_j (|dy_j| + sum |dy_k y_k|) and |dy_j| + "
      "exp(y_j) sum |dy_k|. Derivative and backward samples leave out the kinks of the piecewise functions "
      "(relu's 0, hardtanh's +-1, ...), where libraries pick different one-sided values." % 400)
    w("")
    w("✗ **wrong**: on some finite input |y - f(x)| > 2^-11 max(1, |f(x)|), or a NaN or an infinity where "
      "f(x) is finite. Special values: f(+inf), f(-inf) and f(NaN) (dy = 1) against the limits; mismatches "
      "are listed. torch's sigmoid and tanh backward are measured as called, from torch's own y.")
    w("")
    w("| function | direction | type | %s |" % " | ".join(columns))
    w("|---|---|---|" + "---|" * len(columns))
    for (function, direction, type_name), judged in accuracy.items():
        cells = []
        for name in columns:
            if name not in judged:
                cells.append("")
                continue
            normal, subnormal, wrong, mismatches = judged[name]
            text = _ulps(normal)
            if subnormal is not None:
                text += " / " + _ulps(subnormal)
            if wrong:
                text += " ✗"
            if mismatches:
                text += " (" + ", ".join(mismatches) + ")"
            cells.append(text)
        w("| %s | %s | %s | %s |" % (function, direction, type_name, " | ".join(cells)))
    w("")
    return "\n".join(out)


def _ulps(value):
    if math.isinf(value):
        return "inf"
    return "%.2f" % value if value < 100 else "%.2g" % value


def tsv(results):
    lines = ["function\tdirection\ttype\trows\tcols\tthreads\tpeer\tmedian_el_per_ns\tmin\tmax"]
    for case, rates in results:
        for name, (median, low, high) in rates.items():
            lines.append("\t".join(map(str, [case.function, case.direction, case.type_name, case.rows, case.cols,
                                             case.threads, name, "%.5g" % median, "%.5g" % low, "%.5g" % high])))
    return "\n".join(lines) + "\n"


def chart(results, accuracy, path):
    """ours / best as heat maps, one per table: rows = function and direction,
    columns = sizes (elementwise, top) or shapes (softmax and log_softmax, below)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import LogNorm

    panels = {}
    for case, rates in results:
        acc = accuracy.get((case.function, case.direction, case.type_name), {})
        best = best_of(rates, acc, case.function, case.direction)
        if best and "ours" in rates:
            key = (case.function in ROW_FUNCTIONS, case.threads, case.type_name)
            panels.setdefault(key, {})[("%s %s" % (case.function, case.direction), case.shape_name)] = \
                rates["ours"][0] / best[1]
    if not panels:
        return
    tables = sorted({key[1:] for key in panels})
    height = [max((len({k[0] for k in panels.get((kind,) + t, {})}) for t in tables), default=0) + 2
              for kind in (False, True)]
    fig, axes = plt.subplots(2, len(tables), figsize=(4.6 * len(tables), 0.26 * sum(height) + 2), squeeze=False,
                             gridspec_kw={"height_ratios": [max(h, 1) for h in height], "wspace": 0.9,
                                          "hspace": 0.25})
    norm = LogNorm(vmin=1 / 16, vmax=16)
    image = None
    for column, (threads, type_name) in enumerate(tables):
        for row, kind in enumerate((False, True)):
            ax = axes[row][column]
            values = panels.get((kind, threads, type_name))
            if not values:
                ax.axis("off")
                continue
            labels = list(dict.fromkeys(k[0] for k in values))
            shapes = list(dict.fromkeys(k[1] for k in values))
            grid = np.full((len(labels), len(shapes)), np.nan)
            for (label, shape), v in values.items():
                grid[labels.index(label), shapes.index(shape)] = v
            image = ax.imshow(grid, cmap="RdYlGn", norm=norm, aspect="auto")
            for i in range(len(labels)):
                for j in range(len(shapes)):
                    if not np.isnan(grid[i, j]):
                        ax.text(j, i, "%.2f" % grid[i, j], ha="center", va="center", fontsize=6)
            ax.set_xticks(range(len(shapes)), shapes, rotation=30, ha="right", fontsize=7)
            ax.set_yticks(range(len(labels)), labels, fontsize=7)
            if row == 0:
                ax.set_title("%s, %s" % (type_name, "1 thread" if threads == 1 else "%d threads" % threads),
                             fontsize=9)
    fig.colorbar(image, ax=axes.ravel().tolist(), shrink=0.4, label="ours / best peer (el/ns ratio)")
    fig.suptitle("libactivations / the fastest correct peer, same run (above 1: ours is faster)")
    fig.savefig(path, dpi=80)


# ---- main ------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", required=True, help="directory of the built peer_*.so")
    parser.add_argument("--quick", action="store_true", help="the smoke run (make test)")
    parser.add_argument("--markdown", default=str(ROOT / "docs" / "benchmarks-peers.md"))
    parser.add_argument("--tsv", default=None, help="raw figures (default: beside the markdown)")
    parser.add_argument("--png", default=str(ROOT / "docs" / "benchmarks-peers.png"))
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--min-ms", type=float, default=None)
    parser.add_argument("--only", default=None, help="comma-separated functions (a partial run)")
    args = parser.parse_args()
    args.repeats = args.repeats or (2 if args.quick else 5)
    args.min_ms = args.min_ms if args.min_ms is not None else (0.2 if args.quick else 10.0)
    np.seterr(all="ignore")  # the textbook formulas overflow in the tails: that is measured, not reported
    start = time.time()

    peers, absent = load_peers(args.peers)
    all_threads = os.cpu_count() or 1
    rows = quick_rows() if args.quick else all_rows(all_threads)
    if args.only:
        rows = [r for r in rows if r.function in args.only.split(",")]
    for name, reason in absent.items():
        print("bench-peers: %s absent: %s" % (name, reason), file=sys.stderr)

    keys = list(dict.fromkeys((r.function, r.direction, r.dtype) for r in rows))
    accuracy = measure_accuracy(peers, keys, args.quick)

    buffers = Buffers()
    results = []
    for k, case in enumerate(rows):
        buffers.bind(case)
        rates = time_row(case, peers, args.repeats, int(args.min_ms * 1e6))
        case.x = case.dy = case.out = None  # the row keeps its figures, not its buffers
        results.append((case, rates))
        best = best_of(rates, accuracy.get((case.function, case.direction, case.type_name), {}),
                       case.function, case.direction)
        ratio = rates["ours"][0] / best[1] if best and "ours" in rates else float("nan")
        print("[%d/%d] %s %s %s %s threads=%d: ours/best %.2f (%s)" % (
            k + 1, len(rows), case.function, case.direction, case.type_name, case.shape_name, case.threads,
            ratio, best[0] if best else "-"), file=sys.stderr, flush=True)
    elapsed = time.time() - start

    model, flags = machine()
    page = markdown(results, accuracy, describe(peers, absent), model, flags, args, elapsed)
    Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
    Path(args.markdown).write_text(page)
    Path(args.tsv or Path(args.markdown).with_suffix(".tsv")).write_text(tsv(results))
    try:
        chart(results, accuracy, args.png)
    except ImportError:
        print("bench-peers: no matplotlib, no chart", file=sys.stderr)
    print("bench-peers: wrote %s (%d rows, %.0f s)" % (args.markdown, len(rows), elapsed))

    if args.quick:
        return smoke_check(results, accuracy, peers)
    return 0


def smoke_check(results, accuracy, peers):
    """Every installed peer gave a result in the smoke rows, and none was wrong
    on the smoke sample (|x| <= 100)."""
    failures = []
    installed = {p.name for p in peers}
    seen = {name for _, rates in results for name in rates}
    for name in installed - seen:
        failures.append("%s gave no result in the smoke rows" % name)
    for key, judged in accuracy.items():
        for name, (_, _, wrong, _) in judged.items():
            if wrong:
                failures.append("%s is wrong on %s %s %s" % ((name,) + key))
    for f in failures:
        print("bench-peers smoke: FAILED: " + f, file=sys.stderr)
    print("bench-peers smoke: %d peers ran (%s)" % (len(seen), ", ".join(sorted(seen))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
