/// The row functions of the Swift API, over row-major contiguous buffers.
/// They run the same kernels as the C functions `act_softmax_*`,
/// `act_log_softmax_*`, `act_softmin_*`, `act_softmax_safe_*` and
/// `act_maxout_*`; the buffers' counts must match the shapes (`.size`
/// otherwise), and the conventions are those of include/activations.h.

/// Softmax of each row of a rows x cols matrix: y = exp(x - max) / sum.
public func softmax<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmax)
}

/// Softmax backward from the softmax OUTPUT y: dx = y (dy - sum(dy y)) per row.
public func softmaxBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softmaxBackward)
}

/// The softmax Jacobian of each row: rows x cols x cols values,
/// jacobian[r][i][j] = d y[r,i] / d x[r,j].
public func softmaxJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softmaxJacobian)
}

/// log_softmax of each row: y = (x - max) - log(sum(exp(x - max))).
public func logSoftmax<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .logSoftmax)
}

/// log_softmax backward from the log_softmax OUTPUT y: dx = dy - exp(y) sum(dy) per row.
public func logSoftmaxBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .logSoftmaxBackward)
}

/// The log_softmax Jacobian of each row: jacobian[r][i][j] = delta_ij - softmax(x[r])_j.
public func logSoftmaxJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .logSoftmaxJacobian)
}

/// Softmin of each row: y = softmax(-x).
public func softmin<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmin)
}

/// Softmin backward from the softmin OUTPUT y: dx = -y (dy - sum(dy y)) per row.
public func softminBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softminBackward)
}

/// The softmin Jacobian of each row: jacobian[r][i][j] = -y[r,i] (delta_ij - y[r,j]).
public func softminJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softminJacobian)
}

/// The safe softmax of each row: softmax, except that a row of only -inf
/// gives zeros instead of NaN.
public func softmaxSafe<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmaxSafe)
}

/// The safe softmax's backward, softmax's from the output y: a row of
/// zeros (from a row of only -inf) gives dx = 0 for finite dy.
public func softmaxSafeBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softmaxBackward)
}

/// The safe softmax's Jacobian: softmax's, and zeros for a row of only -inf.
public func softmaxSafeJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softmaxSafeJacobian)
}

/// Maxout: y[r,u] = max of x[r, u*pieces ..< (u+1)*pieces]; x is
/// rows x (units*pieces), y is rows x units.
public func maxout<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, equal: rows, units, pieces)
  try requireCounts(y.count, equal: rows, units)
  try Maxout.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

/// Maxout derivative (shape of x): 1 at each group's winner, 0 elsewhere.
public func maxoutDerivative<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>, rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, d.count, equal: rows, units, pieces)
  try Maxout.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

/// Maxout backward: dx (shape of x) = dy[r,u] at each group's winner, times 0 elsewhere.
public func maxoutBackward<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, dx.count, equal: rows, units, pieces)
  try requireCounts(dy.count, equal: rows, units)
  try Maxout.backward(x.baseAddress, dy.baseAddress, dx.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

/// The checks and the call of the softmax family's forward functions.
private func softmaxFamilyForward<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>, _ rows: Int, _ cols: Int, _ kernel: RowKernel
) throws(ActivationError) {
  try requireCounts(x.count, y.count, equal: rows, cols)
  try Softmax.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols), kernel)
}

/// The checks and the call of the softmax family's backward functions.
private func softmaxFamilyBackward<T: ActivationScalar>(
  _ y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, _ dx: UnsafeMutableBufferPointer<T>,
  _ rows: Int, _ cols: Int, _ kernel: RowKernel
) throws(ActivationError) {
  try requireCounts(y.count, dx.count, equal: rows, cols)
  guard dy.count == dx.count else { throw .size }
  try Softmax.backward(y.baseAddress, dy.baseAddress, dx.baseAddress, UInt(rows), UInt(cols), kernel)
}

/// The checks and the call of the softmax family's Jacobians.
private func softmaxFamilyJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ jacobian: UnsafeMutableBufferPointer<T>, _ rows: Int, _ cols: Int, _ kernel: RowKernel
) throws(ActivationError) {
  try requireCounts(x.count, equal: rows, cols)
  try requireCounts(jacobian.count, equal: rows, cols, cols)
  try Softmax.jacobian(x.baseAddress, jacobian.baseAddress, UInt(rows), UInt(cols), kernel)
}

/// Throws `.size` unless every count equals the product of the dimensions
/// (negative dimensions and overflowing products included).
private func requireCounts(_ a: Int, _ b: Int? = nil, equal dimensions: Int...) throws(ActivationError) {
  var product = 1
  for d in dimensions {
    guard d >= 0 else { throw .size }
    let (p, overflow) = product.multipliedReportingOverflow(by: d)
    guard !overflow else { throw .size }
    product = p
  }
  guard a == product, b == nil || b == product else { throw .size }
}
