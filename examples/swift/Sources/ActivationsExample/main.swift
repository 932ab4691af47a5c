// libactivations from Swift: elementwise functions on arrays and buffers,
// a row function, a gradient, and an error. `swift run` in examples/swift.
import Activations

// Arrays: a new array per call; parameters are Doubles with the Python
// binding's defaults, rounded to the element type.
let x: [Float] = [-3, -1, -0.5, 0, 0.5, 1, 3]
print("x              ", x)
print("gelu           ", try Activation.gelu.forward(x))
print("softplus(b=2)  ", try Activation.softplus(beta: 2).forward(x))
print("hardtanh'      ", try Activation.hardtanh().derivative(x))
print("leaky_relu dx  ", try Activation.leakyReLU(alpha: 0.1).backward(x, [Float](repeating: 1, count: x.count)))

// Every elementwise family by name, in double precision.
for activation: Activation in [.sigmoid, .mish, .selu, .celu(alpha: 0.5), .threshold(threshold: 0.1, value: -1)] {
  let y = try activation.forward([-1.0, 0.25, 2.0])
  print(activation.name.padding(14), y)
}

// Buffers: write into memory you own, here in place (y may be x itself).
var z: [Double] = [-2, -1, 0, 1, 2]
try z.withUnsafeMutableBufferPointer { buffer in
  try Activation.tanh.forward(UnsafeBufferPointer(buffer), into: buffer)
}
print("tanh in place  ", z)

// Row functions: softmax over each row of a 2 x 3 matrix, and its backward.
let logits: [Double] = [1, 2, 3, 0, 0, -Double.infinity]
let p = try softmax(logits, rows: 2, cols: 3)
print("softmax        ", p)
print("softmax dx     ", try softmaxBackward(output: p, [1, 0, 0, 0, 1, 0], rows: 2, cols: 3))
print("swiglu         ", try GatedUnit.swiglu.forward([1, 2, -1, 0.5] as [Float], rows: 1, cols: 2))

// Errors are ActivationError values (the C status codes).
do {
  _ = try Activation.softplus(beta: 0).forward(x)
} catch {
  print("softplus(beta: 0):", error, "(status \(error.rawValue))")
}
do {
  _ = try softmax(logits, rows: 4, cols: 3)
} catch {
  print("softmax of 6 values as 4 x 3:", error)
}

extension String {
  func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
