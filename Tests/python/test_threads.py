"""The thread-count setting, and results bitwise identical for any thread count."""

import ctypes
import threading

import numpy as np
import pytest

import activations
from activations import _library

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
