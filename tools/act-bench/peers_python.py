"""The peers of the peer benchmark that run in Python, and the compiled ones
(tools/act-bench/peers/peer_*.so, loaded with ctypes), behind one interface:

    peer.name, peer.about            column name; version and ISA as reported
    peer.prepare(case) -> Prepared   or None when the peer does not offer it
    prepared.time(calls) -> ns       `calls` back-to-back calls, timed
    prepared.release()

A case (bench_peers.Case) carries the function, direction, dtype, shape and
thread count, and the buffers x, dy and out (numpy, 64-byte aligned, shaped
rows x cols) that every peer reads and writes.  A peer is prepared once per
case (operator, session or bound arguments), and its one checking call must
succeed.  Parameters are PyTorch's defaults (peers/peer.h).
"""

import ctypes
import time

import numpy as np

from numpy_formulas import FORMULAS


class _Prepared:
    """A Python callable, timed in Python.  `fill` writes the result into the
    case's out buffer for the accuracy check: the call itself, or, for a call
    that returns a new array (no out= in that API), the call and a copy (the
    copy is never timed)."""

    def __init__(self, call, before=None, fill=None):
        self.call, self.before, self.fill_call = call, before, fill or call

    def time(self, calls):
        if self.before:
            self.before()
        call = self.call
        start = time.perf_counter_ns()
        for _ in range(calls):
            call()
        return time.perf_counter_ns() - start

    def fill(self):
        if self.before:
            self.before()
        self.fill_call()

    def release(self):
        self.call = self.fill_call = None


def _checked(call, before=None, fill=None):
    """A _Prepared after one successful call (and fill), else None."""
    try:
        if before:
            before()
        call()
        if fill:
            fill()
    except Exception:  # the peer does not offer this case (or rejects its shape or type)
        return None
    return _Prepared(call, before, fill)


def _returning(call, out):
    """_checked for a call that returns its result: the copy into out is the fill."""
    return _checked(call, fill=lambda: out.__setitem__(..., call()))


# ---- compiled peers (peers/peer.h) ------------------------------------------------

class _CCase(ctypes.Structure):
    _fields_ = [("function", ctypes.c_char_p), ("direction", ctypes.c_char_p), ("bits", ctypes.c_int32),
                ("rows", ctypes.c_size_t), ("cols", ctypes.c_size_t), ("threads", ctypes.c_int32),
                ("x", ctypes.c_void_p), ("dy", ctypes.c_void_p), ("out", ctypes.c_void_p)]


class _CPrepared:
    def __init__(self, library, handle):
        self.library, self.handle = library, handle

    def time(self, calls):
        elapsed = self.library.peer_run(self.handle, calls)
        if elapsed < 0:
            raise RuntimeError("a call failed")
        return elapsed

    def fill(self):
        self.time(1)

    def release(self):
        if self.handle:
            self.library.peer_release(self.handle)
            self.handle = None


class CPeer:
    """A compiled peer: peer_<name>.so."""

    def __init__(self, name, path, function_name=None):
        self.name = name
        self.function_name = function_name  # the copy ceilings run under their own name
        self.library = lib = ctypes.CDLL(str(path))
        lib.peer_about.restype = ctypes.c_char_p
        lib.peer_prepare.argtypes = [ctypes.POINTER(_CCase)]
        lib.peer_prepare.restype = ctypes.c_void_p
        lib.peer_run.argtypes = [ctypes.c_void_p, ctypes.c_int64]
        lib.peer_run.restype = ctypes.c_int64
        lib.peer_release.argtypes = [ctypes.c_void_p]
        self.about = lib.peer_about().decode()

    def prepare(self, case):
        function = self.function_name or case.function
        c = _CCase(function.encode(), case.direction.encode(), case.bits, case.rows, case.cols, case.threads,
                   case.x.ctypes.data, case.dy.ctypes.data if case.dy is not None else None,
                   case.out.ctypes.data)
        handle = self.library.peer_prepare(ctypes.byref(c))
        return _CPrepared(self.library, handle) if handle else None


# ---- numpy and scipy -------------------------------------------------------------

class NumpyPeer:
    """The document's snippets and the usual numpy formulas (numpy_formulas.py); one thread."""

    name = "numpy"
    threads = 1

    def __init__(self):
        self.about = np.__version__

    def prepare(self, case):
        formula = FORMULAS.get((case.function, case.direction))
        if formula is None or case.threads != 1:
            return None
        x, dy = case.x, case.dy
        return _returning(lambda: formula(x, dy), case.out)


class ScipyPeer:
    """scipy.special's expit (sigmoid, with out=), softmax and log_softmax; one thread."""

    name = "scipy"

    def __init__(self):
        import scipy
        import scipy.special
        self.special = scipy.special
        self.about = scipy.__version__

    def prepare(self, case):
        if case.direction != "forward" or case.threads != 1:
            return None
        s, x, out = self.special, case.x, case.out
        if case.function == "sigmoid":
            return _checked(lambda: s.expit(x, out=out))
        if case.function == "softmax":
            return _returning(lambda: s.softmax(x, axis=-1), out)
        if case.function == "log_softmax":
            return _returning(lambda: s.log_softmax(x, axis=-1), out)
        return None


# ---- PyTorch -----------------------------------------------------------------------

class TorchPeer:
    """torch's CPU ops on tensors sharing the buffers, with out= where the op
    has it; backward through the aten *_backward ops.  sigmoid and tanh
    backward start from the saved output y (torch's own forward of x, computed
    once at preparation): an easier problem, flagged."""

    name = "torch"
    FROM_OUTPUT = {("sigmoid", "backward"), ("tanh", "backward")}
    # The ops called without out= (they have none).
    NO_OUT = {("relu", "forward"), ("selu", "forward"), ("celu", "forward"), ("softsign", "forward"),
              ("mish", "backward"), ("hardswish", "backward")}

    def __init__(self):
        import torch
        self.torch = torch
        torch.set_grad_enabled(False)
        self.about = "%s; ISA %s" % (torch.__version__, torch.backends.cpu.get_cpu_capability())
        self.current_threads = None

    def _threads(self, threads):
        def set_threads():
            if self.current_threads != threads:
                self.torch.set_num_threads(threads)
                self.current_threads = threads
        return set_threads

    def prepare(self, case):
        torch, F, aten = self.torch, self.torch.nn.functional, self.torch.ops.aten
        nn = torch._C._nn
        x = torch.from_numpy(case.x)
        out = torch.from_numpy(case.out)
        dy = torch.from_numpy(case.dy) if case.dy is not None else None
        alpha, scale = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946
        forward = {
            "sigmoid": lambda: torch.sigmoid(x, out=out),
            "tanh": lambda: torch.tanh(x, out=out),
            "relu": lambda: torch.relu(x),
            "leaky_relu": lambda: nn.leaky_relu(x, 0.01, out=out),
            "elu": lambda: nn.elu(x, 1.0, 1.0, 1.0, out=out),
            "gelu": lambda: nn.gelu(x, approximate="none", out=out),
            "gelu_tanh": lambda: nn.gelu(x, approximate="tanh", out=out),
            "silu": lambda: nn.silu(x, out=out),
            "softplus": lambda: nn.softplus(x, 1.0, 20.0, out=out),
            "mish": lambda: nn.mish(x, out=out),
            "hardswish": lambda: nn.hardswish(x, out=out),
            "hardsigmoid": lambda: nn.hardsigmoid(x, out=out),
            "selu": lambda: torch.selu(x),
            "celu": lambda: torch.celu(x, 1.0),
            "softsign": lambda: F.softsign(x),
            "relu6": lambda: nn.hardtanh(x, 0.0, 6.0, out=out),
            "hardtanh": lambda: nn.hardtanh(x, -1.0, 1.0, out=out),
            "softmax": lambda: aten._softmax.out(x, -1, False, out=out),
            "log_softmax": lambda: aten._log_softmax.out(x, -1, False, out=out),
        }
        if case.direction == "forward":
            call = forward.get(case.function)
            if call is None:
                return None
            fill = (lambda: out.copy_(call())) if (case.function, case.direction) in self.NO_OUT else None
            return _checked(call, self._threads(case.threads), fill)
        if case.direction != "backward":
            return None
        y = None
        if (case.function, case.direction) in self.FROM_OUTPUT:
            y = getattr(torch, case.function)(x)
        backward = {
            "sigmoid": lambda: aten.sigmoid_backward.grad_input(dy, y, grad_input=out),
            "tanh": lambda: aten.tanh_backward.grad_input(dy, y, grad_input=out),
            "relu": lambda: aten.threshold_backward.grad_input(dy, x, 0, grad_input=out),
            "leaky_relu": lambda: aten.leaky_relu_backward.grad_input(dy, x, 0.01, False, grad_input=out),
            "elu": lambda: aten.elu_backward.grad_input(dy, 1.0, 1.0, 1.0, False, x, grad_input=out),
            "celu": lambda: aten.elu_backward.grad_input(dy, 1.0, 1.0, 1.0, False, x, grad_input=out),
            "selu": lambda: aten.elu_backward.grad_input(dy, alpha, scale, 1.0, False, x, grad_input=out),
            "gelu": lambda: aten.gelu_backward.grad_input(dy, x, approximate="none", grad_input=out),
            "gelu_tanh": lambda: aten.gelu_backward.grad_input(dy, x, approximate="tanh", grad_input=out),
            "silu": lambda: aten.silu_backward.grad_input(dy, x, grad_input=out),
            "softplus": lambda: aten.softplus_backward.grad_input(dy, x, 1.0, 20.0, grad_input=out),
            "mish": lambda: aten.mish_backward(dy, x),
            "hardswish": lambda: aten.hardswish_backward(dy, x),
            "hardsigmoid": lambda: aten.hardsigmoid_backward.grad_input(dy, x, grad_input=out),
            "relu6": lambda: aten.hardtanh_backward.grad_input(dy, x, 0.0, 6.0, grad_input=out),
            "hardtanh": lambda: aten.hardtanh_backward.grad_input(dy, x, -1.0, 1.0, grad_input=out),
            "softmax": lambda: aten._softmax_backward_data.out(dy, x, -1, x.dtype, grad_input=out),
            "log_softmax": lambda: aten._log_softmax_backward_data.out(dy, x, -1, x.dtype, out=out),
        }
        call = backward.get(case.function)
        if call is None:
            return None
        fill = (lambda: out.copy_(call())) if (case.function, case.direction) in self.NO_OUT else None
        return _checked(call, self._threads(case.threads), fill)


# ---- ONNX Runtime --------------------------------------------------------------------

class OnnxRuntimePeer:
    """One-node ONNX models (opset 20) run through IO binding on the shared
    buffers; intra-op threads = the case's threads.  No backward (inference)."""

    name = "onnxruntime"
    OPS = {
        "sigmoid": ("Sigmoid", {}), "tanh": ("Tanh", {}), "relu": ("Relu", {}),
        "leaky_relu": ("LeakyRelu", {"alpha": 0.01}), "elu": ("Elu", {"alpha": 1.0}),
        "gelu": ("Gelu", {"approximate": "none"}), "gelu_tanh": ("Gelu", {"approximate": "tanh"}),
        "softplus": ("Softplus", {}), "mish": ("Mish", {}), "hardswish": ("HardSwish", {}),
        "hardsigmoid": ("HardSigmoid", {"alpha": 1 / 6, "beta": 0.5}), "selu": ("Selu", {}),
        "celu": ("Celu", {"alpha": 1.0}), "softsign": ("Softsign", {}),
        "relu6": ("Clip", {"bounds": (0.0, 6.0)}), "hardtanh": ("Clip", {"bounds": (-1.0, 1.0)}),
        "softmax": ("Softmax", {"axis": -1}), "log_softmax": ("LogSoftmax", {"axis": -1}),
    }

    def __init__(self):
        import onnx
        import onnxruntime
        self.onnx, self.ort = onnx, onnxruntime
        self.about = "%s (onnx %s); CPU execution provider" % (onnxruntime.__version__, onnx.__version__)

    def _model(self, function, dtype, shape):
        from onnx import TensorProto, helper, numpy_helper
        op, attributes = self.OPS[function]
        attributes = dict(attributes)
        element = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
        inputs, initializers = ["x"], []
        bounds = attributes.pop("bounds", None)
        if bounds:
            for name, value in zip(("low", "high"), bounds):
                initializers.append(numpy_helper.from_array(np.array(value, dtype=dtype), name))
                inputs.append(name)
        node = helper.make_node(op, inputs, ["y"], **attributes)
        graph = helper.make_graph([node], function, [helper.make_tensor_value_info("x", element, shape)],
                                  [helper.make_tensor_value_info("y", element, shape)], initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)])
        model.ir_version = 9
        return model.SerializeToString()

    def prepare(self, case):
        if case.direction != "forward" or case.function not in self.OPS:
            return None
        ort = self.ort
        try:
            options = ort.SessionOptions()
            options.intra_op_num_threads = case.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(self._model(case.function, case.x.dtype.type, list(case.x.shape)),
                                           options, providers=["CPUExecutionProvider"])
            binding = session.io_binding()
            for name, array in (("x", case.x), ("y", case.out)):
                bind = binding.bind_input if name == "x" else binding.bind_output
                bind(name, "cpu", 0, case.x.dtype.type, list(array.shape), array.ctypes.data)
        except Exception:
            return None
        return _checked(lambda: session.run_with_iobinding(binding))


# ---- libactivations through the Python binding ------------------------------------------

class BindingPeer:
    """libactivations through its Python binding (out= on the shared buffers)."""

    name = "ours (python)"
    PARAMETERS = {"leaky_relu": {"alpha": 0.01}, "elu": {"alpha": 1.0}, "celu": {"alpha": 1.0},
                  "softplus": {"beta": 1.0, "threshold": 20.0}, "hardtanh": {"min_val": -1.0, "max_val": 1.0}}

    def __init__(self, activations):
        self.activations = activations
        self.about = "%s; ISA %s" % (activations.__version__, activations.isa())

    def prepare(self, case):
        a = self.activations
        suffix = "" if case.direction == "forward" else "_" + case.direction
        function = getattr(a, case.function + suffix, None)
        if function is None:
            return None
        x, dy, out = case.x, case.dy, case.out
        kwargs = dict(self.PARAMETERS.get(case.function, {}), out=out)
        if case.direction == "backward":
            call = (lambda: function(x, dy, **kwargs))
        else:
            call = (lambda: function(x, **kwargs))
        return _checked(call, lambda: a.set_num_threads(case.threads))
