"""The thread-count setting, and results bitwise identical for any thread count.

Python threads: calls from many threads at once (8 threads calling every
function of the table while a 9th changes the thread count) give the
sequential results, and the GIL is released during a call.
"""

import ctypes
import hashlib
import itertools
import sys
import threading
import time

import numpy as np
import pytest

import activations
from activations import _library
from activations._spec import DIRECTIONS, FAMILIES, KINDS, REQUIRED

LARGE = 2**20


@pytest.fixture
def restore_threads():
    """Put the automatic setting back after the test."""
    yield
    activations.set_num_threads(0)


def test_set_get_round_trip(restore_threads):
    for n in (1, 2, 3, 8, 1024):
        activations.set_num_threads(n)
        assert activations.get_num_threads() == n
    activations.set_num_threads(5000)
    assert activations.get_num_threads() == 1024
    activations.set_num_threads(2**40)  # beyond int32: still clamped, never wrapped
    assert activations.get_num_threads() == 1024
    for automatic in (0, -1, -(2**40)):
        activations.set_num_threads(automatic)
        assert 1 <= activations.get_num_threads() <= 1024


CALLS = [
    ("sigmoid", lambda x, dy: activations.sigmoid(x)),
    ("tanh_derivative", lambda x, dy: activations.tanh_derivative(x)),
    ("elu_backward", lambda x, dy: activations.elu_backward(x, dy, 0.7)),
    ("rrelu_backward", lambda x, dy: activations.rrelu_backward(x, dy, training=True, seed=3)),
    ("softmax", lambda x, dy: activations.softmax(x.reshape(-1, 1024))),
    ("softmax_backward", lambda x, dy: activations.softmax_backward(x.reshape(-1, 512), dy.reshape(-1, 512))),
    ("log_softmax", lambda x, dy: activations.log_softmax(x.reshape(-1, 1024))),
    ("log_softmax_backward",
     lambda x, dy: activations.log_softmax_backward(-abs(x).reshape(-1, 512), dy.reshape(-1, 512))),
    ("softmin_derivative", lambda x, dy: activations.softmin_derivative(x[: 64 * 96].reshape(-1, 96))),
    ("maxout_backward", lambda x, dy: activations.maxout_backward(x, dy[: LARGE // 4], 4)),
]


@pytest.mark.parametrize("name, call", CALLS, ids=[name for name, _ in CALLS])
def test_results_do_not_depend_on_the_thread_count(name, call, dtype, rng, restore_threads):
    x = rng.uniform(-20, 20, LARGE).astype(dtype)
    dy = rng.uniform(-1, 1, LARGE).astype(dtype)
    results = []
    for n in (1, 2, 3, 8):
        activations.set_num_threads(n)
        results.append(call(x, dy))
    for other in results[1:]:
        assert np.array_equal(results[0].view(np.uint8), other.view(np.uint8))


def test_calls_from_many_python_threads_at_once(dtype, rng):
    """The GIL is released during calls; concurrent calls give the serial results."""
    inputs = [rng.uniform(-5, 5, 200_000).astype(dtype) for _ in range(8)]
    want = [activations.tanh(x) for x in inputs]
    got = [None] * len(inputs)

    def work(k):
        got[k] = activations.tanh(inputs[k])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(inputs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(np.array_equal(a, b) for a, b in zip(got, want))


def test_calls_release_the_gil():
    """ctypes.CDLL functions drop the GIL during the call (PyDLL ones would not)."""
    for functions in _library.FUNCTIONS.values():
        for function in functions.values():
            assert not function._flags_ & ctypes._FUNCFLAG_PYTHONAPI


# --- 8 Python threads calling every function of the table ---------------------------

PYTHON_THREADS = 8
ROUNDS = 2
#: Shapes (rows, cols): large ones (2^18 elements) use the library's worker
#: threads for the transcendental functions; the Jacobians' output is that large.
LARGE_SHAPE, JACOBIAN_SHAPE, SMALL_SHAPE = (4096, 64), (256, 32), (3, 40)
#: Values for the parameters without a default, and rrelu's training slopes.
PARAMETERS = {"threshold": 0.25, "value": -1.0, "pieces": 4, "training": True}


def table_calls(rng, dtype, large, seed):
    """[(name, args, kwargs)]: one valid call of every public function of the table,
    on arrays of its own (shared by the calls of this list)."""

    def make(shape):
        rows, cols = shape
        return {
            "x": rng.uniform(-6, 6, shape).astype(dtype),
            "y": rng.uniform(0, 1, shape).astype(dtype),
            "weight": rng.uniform(-1, 1, cols).astype(dtype),
            "dy": {width: rng.uniform(-1, 1, (rows, width)).astype(dtype)
                   for width in {cols, cols // PARAMETERS["pieces"], cols // 2}},
        }

    jacobian_arrays, main = make(JACOBIAN_SHAPE), make(LARGE_SHAPE if large else SMALL_SHAPE)
    calls = []
    for family in FAMILIES:
        kind = KINDS[family.kind]
        for index, direction in enumerate(DIRECTIONS):
            jacobian = family.kind == "softmax" and direction == "_derivative"
            given = jacobian_arrays if jacobian else main
            cols = given["x"].shape[1]
            narrow = {"maxout": cols // PARAMETERS["pieces"], "gated": cols // 2}.get(family.kind, cols)
            arrays = {**given, "dy": given["dy"][narrow]}
            kwargs = {p.name: PARAMETERS[p.name] for p in family.params
                      if p.default is REQUIRED or p.name in PARAMETERS}
            if "seed" in {p.name for p in family.params}:
                kwargs["seed"] = seed
            calls.append((family.name + direction, [arrays[name] for name in kind.inputs[index]], kwargs))
    return calls


def digest(result):
    """A hash of every bit, the dtype and the shape of a result (or of a pair)."""
    h = hashlib.blake2b(digest_size=16)
    for array in result if isinstance(result, tuple) else (result,):
        array = np.ascontiguousarray(array)
        h.update(f"{array.dtype.str}{array.shape}".encode())
        h.update(array.reshape(-1).view(np.uint8))
    return h.hexdigest()


def test_eight_python_threads_call_every_function_while_the_thread_count_changes(restore_threads, tally):
    """Each thread calls every function of the table (large and small arrays of its
    own, float32 or float64), ROUNDS times in an order of its own, while a 9th
    thread cycles act_set_num_threads through 0 (automatic), 1, ..., 8: every
    result is bitwise the sequential one."""
    rng = np.random.default_rng(20240908)
    work = []
    for k in range(PYTHON_THREADS):
        dtype = (np.float32, np.float64)[k % 2]
        calls = table_calls(rng, dtype, large=k % 4 < 2, seed=1000 + k)
        calls += table_calls(rng, dtype, large=k % 4 >= 2, seed=2000 + k)[k::PYTHON_THREADS]
        work.append(calls)
    activations.set_num_threads(0)
    want = [[digest(getattr(activations, name)(*args, **kwargs)) for name, args, kwargs in calls] for calls in work]

    done = threading.Event()
    mismatches, errors, counts = [], [], {"calls": 0, "changes": 0}
    lock = threading.Lock()

    def caller(k):
        try:
            calls = work[k]
            for round_ in range(ROUNDS):
                start = (k * 13 + round_ * 7) % len(calls)
                for j in itertools.chain(range(start, len(calls)), range(start)):
                    name, args, kwargs = calls[j]
                    got = digest(getattr(activations, name)(*args, **kwargs))
                    with lock:
                        counts["calls"] += 1
                        if got != want[k][j]:
                            mismatches.append((k, name))
        except BaseException as error:  # noqa: BLE001 -- reported below
            errors.append(error)

    def changer():
        for n in itertools.cycle(range(9)):
            if done.is_set():
                return
            activations.set_num_threads(n)
            counts["changes"] += 1
            time.sleep(0.0005)

    callers = [threading.Thread(target=caller, args=(k,)) for k in range(PYTHON_THREADS)]
    changing = threading.Thread(target=changer)
    started = time.perf_counter()
    changing.start()
    for thread in callers:
        thread.start()
    for thread in callers:
        thread.join()
    done.set()
    changing.join()
    seconds = time.perf_counter() - started
    total = sum(len(calls) for calls in work) * ROUNDS
    large = sum(args[0].size >= 2**18 for calls in work for _, args, _ in calls) * ROUNDS
    print(f"\n  {PYTHON_THREADS} threads: {counts['calls']} calls ({large} on >= 2^18 elements) in "
          f"{seconds:.2f} s while the thread count changed {counts['changes']} times")
    tally("threads: concurrent calls from 8 Python threads", counts["calls"])
    tally("threads: act_set_num_threads changes meanwhile", counts["changes"])
    assert not errors, errors[:3]
    assert not mismatches, f"{len(mismatches)} results differ from the sequential run, e.g. {mismatches[:5]}"
    assert counts["calls"] == total
    assert counts["changes"] >= 9  # at least one full cycle ran during the calls


# --- the GIL is released during a call --------------------------------------------------


def test_the_gil_is_released_during_a_call(restore_threads):
    """Thread A sets an event and makes one long call (about 0.2 s, one library
    thread); thread B, woken by the event, records whether the call has returned.
    With the switch interval at 10 s no thread is made to drop the GIL, so B can
    run before A's call returns only if the call released the GIL (ctypes.CDLL
    does, ctypes.PyDLL would not: B would then run after the call, and see it
    returned).  The call takes the fast path with `out` given: nothing between
    the event and the C call releases the GIL."""
    activations.set_num_threads(1)
    x = np.linspace(-5, 5, 2**18)
    activations.gelu(x[:100], out=x[:100])  # warm-up: the first call's dispatch
    begin = time.perf_counter()
    activations.gelu(x, out=x)
    per_element = (time.perf_counter() - begin) / x.size
    n = int(min(2**23, max(2**18, 0.2 / per_element)))  # about 0.2 s
    x = out = np.linspace(-5, 5, n)  # in place: one array

    event = threading.Event()
    times = {}
    returned = [False]
    seen = []

    def a():
        event.set()
        times["call"] = time.perf_counter()
        activations.gelu(x, out=out)
        times["returned"] = time.perf_counter()
        returned[0] = True

    def b():
        event.wait()
        seen.append(returned[0])
        times["b"] = time.perf_counter()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(10.0)
    try:
        thread_b = threading.Thread(target=b)
        thread_a = threading.Thread(target=a)
        thread_b.start()
        thread_a.start()
        thread_a.join()
        thread_b.join()
    finally:
        sys.setswitchinterval(interval)
    call = times["returned"] - times["call"]
    print(f"\n  call of {n} elements: {call:.3f} s; thread B ran {times['b'] - times['call']:.4f} s after it began")
    assert seen == [False], "thread B could not run during the call: the GIL was held"
    assert times["b"] < times["returned"]
