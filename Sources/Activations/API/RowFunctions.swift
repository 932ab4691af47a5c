/// The row functions of the Swift API: softmax, log_softmax, softmin, the
/// safe softmax and maxout, over row-major contiguous matrices given as
/// buffers or arrays of `Float` or `Double`. They run the same kernels as
/// the C functions `act_softmax_*`, `act_log_softmax_*`, `act_softmin_*`,
/// `act_softmax_safe_*` and `act_maxout_*`; the conventions (special rows,
/// accuracy, threads) are those of include/activations.h.
///
/// Errors, the C status codes as `ActivationError`:
/// - `.size`: a count differs from the shape's (rows * cols, rows * cols *
///   cols for a Jacobian, rows * units * pieces for maxout's x), a
///   dimension is negative, a product overflows, or cols == 0 while
///   rows > 0 (the softmax family);
/// - `.parameter`: maxout's pieces == 0 with work to do;
/// - `.overlap`: an output partially overlaps an input. The forward and
///   backward outputs may be their input itself (in place); a Jacobian may
///   be x only when cols == 1.
/// A call with nothing to compute (rows == 0) returns without an error.

// MARK: - softmax

/// Softmax of each row of the rows x cols matrix x:
/// `y[r,j] = exp(x[r,j] - m) / sum_k exp(x[r,k] - m)`, `m = max_k x[r,k]`.
/// A row containing NaN is all NaN; a row containing +inf gives its +inf
/// entries equal shares of 1; a row of only -inf is all NaN (see
/// `softmaxSafe`). `y` may be `x` itself.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols (or
///   cols == 0 < rows), `.overlap` when `y` partially overlaps `x`.
public func softmax<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmax)
}

/// Softmax's backward from the softmax OUTPUT y (rows x cols), per row:
/// `dx[r,j] = y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])`. `dx` may be
/// `y` or `dy` itself.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols,
///   `.overlap` when `dx` partially overlaps `y` or `dy`.
public func softmaxBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softmaxBackward)
}

/// Softmax's derivative (C: `act_softmax_derivative_*`): one cols x cols
/// Jacobian per row, rows * cols * cols values,
/// `jacobian[r][i][j] = d y[r,i] / d x[r,j] = y[r,i] * (delta_ij - y[r,j])`.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols or
///   jacobian's not rows * cols * cols, `.overlap` when `jacobian`
///   overlaps `x` (allowed only as the same memory with cols == 1).
public func softmaxJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softmaxJacobian)
}

// MARK: - log_softmax

/// log_softmax of each row of the rows x cols matrix x:
/// `y[r,j] = (x[r,j] - m) - log(sum_k exp(x[r,k] - m)) = log(softmax(x)[r,j])`.
/// A row containing NaN or of only -inf is all NaN; a row containing k
/// +inf entries gives them -log(k) and the others -inf. `y` may be `x`.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols (or
///   cols == 0 < rows), `.overlap` when `y` partially overlaps `x`.
public func logSoftmax<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .logSoftmax)
}

/// log_softmax's backward from the log_softmax OUTPUT y (rows x cols), per
/// row: `dx[r,j] = dy[r,j] - exp(y[r,j]) * sum_k dy[r,k]`.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols,
///   `.overlap` when `dx` partially overlaps `y` or `dy`.
public func logSoftmaxBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .logSoftmaxBackward)
}

/// log_softmax's derivative (C: `act_log_softmax_derivative_*`): one
/// cols x cols Jacobian per row,
/// `jacobian[r][i][j] = d y[r,i] / d x[r,j] = delta_ij - softmax(x[r])_j`.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols or
///   jacobian's not rows * cols * cols, `.overlap` when `jacobian`
///   overlaps `x` (allowed only as the same memory with cols == 1).
public func logSoftmaxJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .logSoftmaxJacobian)
}

// MARK: - softmin

/// Softmin of each row: `y = softmax(-x)`, bit for bit
/// (`y[r,j] = exp(m - x[r,j]) / sum_k exp(m - x[r,k])`, `m = min_k x[r,k]`).
/// `y` may be `x` itself.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols (or
///   cols == 0 < rows), `.overlap` when `y` partially overlaps `x`.
public func softmin<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmin)
}

/// Softmin's backward from the softmin OUTPUT y, per row:
/// `dx[r,j] = -y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])`.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols,
///   `.overlap` when `dx` partially overlaps `y` or `dy`.
public func softminBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softminBackward)
}

/// Softmin's derivative (C: `act_softmin_derivative_*`): one cols x cols
/// Jacobian per row, `jacobian[r][i][j] = -y[r,i] * (delta_ij - y[r,j])`.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols or
///   jacobian's not rows * cols * cols, `.overlap` when `jacobian`
///   overlaps `x` (allowed only as the same memory with cols == 1).
public func softminJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softminJacobian)
}

// MARK: - softmax_safe

/// The safe softmax of each row: softmax in every respect (formula, bits,
/// errors), except that a row of only -inf (a fully masked row) gives
/// zeros instead of NaN.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols (or
///   cols == 0 < rows), `.overlap` when `y` partially overlaps `x`.
public func softmaxSafe<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyForward(x, y, rows, cols, .softmaxSafe)
}

/// The safe softmax's backward, softmax's from the output y bit for bit:
/// `dx[r,j] = y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])`, so a row of
/// zeros (from a row of only -inf) gives dx = 0 for finite dy.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols,
///   `.overlap` when `dx` partially overlaps `y` or `dy`.
public func softmaxSafeBackward<T: ActivationScalar>(
  output y: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyBackward(y, dy, dx, rows, cols, .softmaxBackward)
}

/// The safe softmax's derivative (C: `act_softmax_safe_derivative_*`):
/// softmax's Jacobian, `y[r,i] * (delta_ij - y[r,j])`, and zeros for a row
/// of only -inf.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols or
///   jacobian's not rows * cols * cols, `.overlap` when `jacobian`
///   overlaps `x` (allowed only as the same memory with cols == 1).
public func softmaxSafeJacobian<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into jacobian: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
) throws(ActivationError) {
  try softmaxFamilyJacobian(x, jacobian, rows, cols, .softmaxSafeJacobian)
}

// MARK: - maxout

/// Maxout: x is rows x (units * pieces), y is rows x units,
/// `y[r,u] = max_k x[r, u*pieces + k]`, k = 0 ..< pieces. The first maximum
/// wins ties (-0 against +0 too); a group containing NaN gives NaN.
///
/// - Throws: `ActivationError.size` when x's count is not
///   rows * units * pieces or y's not rows * units, `.parameter` when
///   pieces == 0 with work to do, `.overlap` when `y` overlaps `x` (also
///   when it is x itself with pieces > 1).
public func maxout<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, equal: rows, units, pieces)
  try requireCounts(y.count, equal: rows, units)
  try Maxout.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

/// Maxout's derivative, in x's shape: 1 at the winning element of each
/// group, 0 elsewhere.
///
/// - Throws: `ActivationError.size` when a count is not
///   rows * units * pieces, `.parameter` when pieces == 0 with work to do,
///   `.overlap` when `d` partially overlaps `x`.
public func maxoutDerivative<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>, rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, d.count, equal: rows, units, pieces)
  try Maxout.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

/// Maxout's backward: dy is rows x units, dx has x's shape,
/// `dx[r, u*pieces + k] = dy[r,u] * derivative[r, u*pieces + k]` (the IEEE
/// product: dy at each group's winner, times 0 elsewhere).
///
/// - Throws: `ActivationError.size` when x's or dx's count is not
///   rows * units * pieces or dy's not rows * units, `.parameter` when
///   pieces == 0 with work to do, `.overlap` when `dx` partially overlaps
///   `x` or overlaps `dy`.
public func maxoutBackward<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
  rows: Int, units: Int, pieces: Int
) throws(ActivationError) {
  try requireCounts(x.count, dx.count, equal: rows, units, pieces)
  try requireCounts(dy.count, equal: rows, units)
  try Maxout.backward(x.baseAddress, dy.baseAddress, dx.baseAddress, UInt(rows), UInt(units), UInt(pieces))
}

// MARK: - Arrays

/// `softmax(_:into:rows:cols:)` into a new array of x's count.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   cols == 0 < rows).
public func softmax<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try rowsMapping(x, rows, cols) { x, y throws(ActivationError) in try softmax(x, into: y, rows: rows, cols: cols) }
}

/// `softmaxBackward(output:_:into:rows:cols:)` into a new array: dx from
/// the softmax output y and the gradient dy, both rows x cols.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols.
public func softmaxBackward<T: ActivationScalar>(
  output y: [T], _ dy: [T], rows: Int, cols: Int
) throws(ActivationError) -> [T] {
  try rowsBackward(y, dy, rows, cols) { y, dy, dx throws(ActivationError) in
    try softmaxBackward(output: y, dy, into: dx, rows: rows, cols: cols)
  }
}

/// `softmaxJacobian(_:into:rows:cols:)` into a new array of
/// rows * cols * cols values.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   the Jacobian's count overflows).
public func softmaxJacobian<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try jacobianMapping(x, rows, cols) { x, j throws(ActivationError) in
    try softmaxJacobian(x, into: j, rows: rows, cols: cols)
  }
}

/// `logSoftmax(_:into:rows:cols:)` into a new array of x's count.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   cols == 0 < rows).
public func logSoftmax<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try rowsMapping(x, rows, cols) { x, y throws(ActivationError) in try logSoftmax(x, into: y, rows: rows, cols: cols) }
}

/// `logSoftmaxBackward(output:_:into:rows:cols:)` into a new array: dx
/// from the log_softmax output y and the gradient dy, both rows x cols.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols.
public func logSoftmaxBackward<T: ActivationScalar>(
  output y: [T], _ dy: [T], rows: Int, cols: Int
) throws(ActivationError) -> [T] {
  try rowsBackward(y, dy, rows, cols) { y, dy, dx throws(ActivationError) in
    try logSoftmaxBackward(output: y, dy, into: dx, rows: rows, cols: cols)
  }
}

/// `logSoftmaxJacobian(_:into:rows:cols:)` into a new array of
/// rows * cols * cols values.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   the Jacobian's count overflows).
public func logSoftmaxJacobian<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try jacobianMapping(x, rows, cols) { x, j throws(ActivationError) in
    try logSoftmaxJacobian(x, into: j, rows: rows, cols: cols)
  }
}

/// `softmin(_:into:rows:cols:)` into a new array of x's count.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   cols == 0 < rows).
public func softmin<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try rowsMapping(x, rows, cols) { x, y throws(ActivationError) in try softmin(x, into: y, rows: rows, cols: cols) }
}

/// `softminBackward(output:_:into:rows:cols:)` into a new array: dx from
/// the softmin output y and the gradient dy, both rows x cols.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols.
public func softminBackward<T: ActivationScalar>(
  output y: [T], _ dy: [T], rows: Int, cols: Int
) throws(ActivationError) -> [T] {
  try rowsBackward(y, dy, rows, cols) { y, dy, dx throws(ActivationError) in
    try softminBackward(output: y, dy, into: dx, rows: rows, cols: cols)
  }
}

/// `softminJacobian(_:into:rows:cols:)` into a new array of
/// rows * cols * cols values.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   the Jacobian's count overflows).
public func softminJacobian<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try jacobianMapping(x, rows, cols) { x, j throws(ActivationError) in
    try softminJacobian(x, into: j, rows: rows, cols: cols)
  }
}

/// `softmaxSafe(_:into:rows:cols:)` into a new array of x's count.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   cols == 0 < rows).
public func softmaxSafe<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try rowsMapping(x, rows, cols) { x, y throws(ActivationError) in try softmaxSafe(x, into: y, rows: rows, cols: cols) }
}

/// `softmaxSafeBackward(output:_:into:rows:cols:)` into a new array: dx
/// from the safe softmax's output y and the gradient dy, both rows x cols.
///
/// - Throws: `ActivationError.size` when a count is not rows * cols.
public func softmaxSafeBackward<T: ActivationScalar>(
  output y: [T], _ dy: [T], rows: Int, cols: Int
) throws(ActivationError) -> [T] {
  try rowsBackward(y, dy, rows, cols) { y, dy, dx throws(ActivationError) in
    try softmaxSafeBackward(output: y, dy, into: dx, rows: rows, cols: cols)
  }
}

/// `softmaxSafeJacobian(_:into:rows:cols:)` into a new array of
/// rows * cols * cols values.
///
/// - Throws: `ActivationError.size` when x's count is not rows * cols (or
///   the Jacobian's count overflows).
public func softmaxSafeJacobian<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
  try jacobianMapping(x, rows, cols) { x, j throws(ActivationError) in
    try softmaxSafeJacobian(x, into: j, rows: rows, cols: cols)
  }
}

/// `maxout(_:into:rows:units:pieces:)` into a new array of rows * units
/// values.
///
/// - Throws: `ActivationError.size` when x's count is not
///   rows * units * pieces, `.parameter` when pieces == 0 with work to do.
public func maxout<T: ActivationScalar>(
  _ x: [T], rows: Int, units: Int, pieces: Int
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, units, pieces)
  return try mapping(x, count: try checkedCount(rows, units)) { x, y throws(ActivationError) in
    try maxout(x, into: y, rows: rows, units: units, pieces: pieces)
  }
}

/// `maxoutDerivative(_:into:rows:units:pieces:)` into a new array of x's
/// count.
///
/// - Throws: `ActivationError.size` when x's count is not
///   rows * units * pieces, `.parameter` when pieces == 0 with work to do.
public func maxoutDerivative<T: ActivationScalar>(
  _ x: [T], rows: Int, units: Int, pieces: Int
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, units, pieces)
  return try mapping(x) { x, d throws(ActivationError) in
    try maxoutDerivative(x, into: d, rows: rows, units: units, pieces: pieces)
  }
}

/// `maxoutBackward(_:_:into:rows:units:pieces:)` into a new array of x's
/// count.
///
/// - Throws: `ActivationError.size` when x's count is not
///   rows * units * pieces or dy's not rows * units, `.parameter` when
///   pieces == 0 with work to do.
public func maxoutBackward<T: ActivationScalar>(
  _ x: [T], _ dy: [T], rows: Int, units: Int, pieces: Int
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, units, pieces)
  return try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
    try mapping(x) { x, dx throws(ActivationError) in
      try maxoutBackward(x, dy, into: dx, rows: rows, units: units, pieces: pieces)
    }
  }
}

// MARK: - Checks and helpers

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

/// A row function's output of x's shape (rows x cols) as a new array, the
/// shape checked before anything is allocated.
private func rowsMapping<T: ActivationScalar>(
  _ x: [T], _ rows: Int, _ cols: Int,
  _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws(ActivationError) -> Void
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, cols)
  return try mapping(x, body)
}

/// A backward of the softmax family (y, dy and dx rows x cols) as a new array.
private func rowsBackward<T: ActivationScalar>(
  _ y: [T], _ dy: [T], _ rows: Int, _ cols: Int,
  _ body: (UnsafeBufferPointer<T>, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws(ActivationError)
    -> Void
) throws(ActivationError) -> [T] {
  try requireCounts(y.count, dy.count, equal: rows, cols)
  return try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
    try mapping(y) { y, dx throws(ActivationError) in try body(y, dy, dx) }
  }
}

/// A Jacobian of the softmax family (rows * cols * cols values) as a new
/// array, x's shape checked before the Jacobian is allocated.
private func jacobianMapping<T: ActivationScalar>(
  _ x: [T], _ rows: Int, _ cols: Int,
  _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws(ActivationError) -> Void
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, cols)
  return try mapping(x, count: try checkedCount(rows, cols, cols), body)
}

/// The product of the dimensions; `.size` for a negative dimension or an
/// overflowing product.
func checkedCount(_ dimensions: Int...) throws(ActivationError) -> Int {
  try checkedProduct(dimensions)
}

/// Throws `.size` unless every count equals the product of the dimensions
/// (negative dimensions and overflowing products included).
func requireCounts(_ a: Int, _ b: Int? = nil, equal dimensions: Int...) throws(ActivationError) {
  let product = try checkedProduct(dimensions)
  guard a == product, b == nil || b == product else { throw .size }
}

private func checkedProduct(_ dimensions: [Int]) throws(ActivationError) -> Int {
  var product = 1
  for d in dimensions {
    guard d >= 0 else { throw .size }
    let (p, overflow) = product.multipliedReportingOverflow(by: d)
    guard !overflow else { throw .size }
    product = p
  }
  return product
}
