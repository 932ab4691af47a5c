"""demo.py -- libactivations from Python (the `activations` package).

Prints every function of the document and its derivative on a few inputs:
the binding's result, and under it the document's numpy snippet.

Run from the repository root (`make examples` does this):
    PYTHONPATH=bindings/python python3 examples/demo.py
"""

import pathlib
import sys

import numpy as np

try:
    import activations
except ImportError:  # run from a checkout without PYTHONPATH: use bindings/python
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "bindings" / "python"))
    import activations

# The document's snippets (relu and leaky_relu corrected: the document's relu
# reads an undefined `z`, its leaky_relu hard-codes 0.1 instead of alpha).
def sigmoid(z):
    a = 1 / (1 + np.exp(-z))
    return a


def tanh(z):
    a = np.tanh(z)
    return a


def relu(z):
    a = np.maximum(0, z)
    return a


def leaky_relu(z, alpha):
    a = np.maximum(alpha * z, z)
    return a


# ELU from the document's table; rrelu (eval mode), softmax and maxout are
# headings only in the document: plain numpy.
def elu(z, alpha):
    return np.where(z > 0, z, alpha * (np.exp(z) - 1))


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def show(name, library, snippet):
    print(f"{name:<14} library {np.array2string(np.asarray(library), precision=5, suppress_small=True)}")
    print(f"{'':<14} snippet {np.array2string(np.asarray(snippet), precision=5, suppress_small=True)}")


z = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 3.0])
alpha, lower, upper = 0.01, 1 / 8, 1 / 3
print(f"libactivations {activations.version()}; z = {z}\n")

s = sigmoid(z)
show("sigmoid", activations.sigmoid(z), s)
show("sigmoid'", activations.sigmoid_derivative(z), s * (1 - s))
show("tanh", activations.tanh(z), tanh(z))
show("tanh'", activations.tanh_derivative(z), 1 - tanh(z) ** 2)
show("relu", activations.relu(z), relu(z))
show("relu'", activations.relu_derivative(z), np.where(z > 0, 1.0, 0.0))
show("leaky_relu", activations.leaky_relu(z, alpha), leaky_relu(z, alpha))
show("leaky_relu'", activations.leaky_relu_derivative(z, alpha), np.where(z > 0, 1.0, alpha))
show("elu", activations.elu(z, 1.0), elu(z, 1.0))
show("elu'", activations.elu_derivative(z, 1.0), np.where(z > 0, 1.0, np.exp(z)))
a = (lower + upper) / 2  # eval mode (training=False): the mean slope
show("rrelu", activations.rrelu(z, lower, upper), np.where(z >= 0, z, a * z))
show("rrelu'", activations.rrelu_derivative(z, lower, upper), np.where(z > 0, 1.0, a))
print(f"{'rrelu (train)':<14} library {np.array2string(activations.rrelu(z, lower, upper, training=True, seed=42), precision=5)}")
show("softmax", activations.softmax(z), softmax(z))
groups = z.reshape(3, 2)  # maxout with pieces=2: 3 units of 2
show("maxout", activations.maxout(z, pieces=2), groups.max(axis=-1))
show("maxout'", activations.maxout_derivative(z, pieces=2),
     np.eye(2)[groups.argmax(axis=-1)].ravel())

# float32 in, float32 out; a bad parameter raises an exception.
print("\nfloat32:", activations.sigmoid(z.astype(np.float32)).dtype)
try:
    activations.elu(z, alpha=float("nan"))
except activations.ParameterError as e:
    print("ParameterError:", e)
