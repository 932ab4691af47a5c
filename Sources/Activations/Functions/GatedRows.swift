/// The row kernels of the gated linear units (the drivers, validation and
/// exports are in Rows/Gated.swift; these run in each instruction-set
/// build, see Drivers/GatedEntry.swift).
///
/// Each row of x holds 2 cols values: a = x[r, 0 ..< cols] and
/// b = x[r, cols ..< 2 cols], as PyTorch's glu splits its last dimension.
///
///     forward     y[r, j]        = a_j g(b_j)                (y is rows x cols)
///     derivative  d[r, j]        = g(b_j)                    (d has x's shape)
///                 d[r, cols + j] = a_j g'(b_j)
///     backward    dx             = dy[r, j] * d, both halves (dy is rows x cols)
///
/// Vectors of lanes j ..< j + width of a and b; a row's tail through
/// zero-padded vectors. Every value is read before its lane is written, so
/// the derivative and the backward may write over x itself.
enum GatedRows {
  /// y for rows `rows`.
  static func forward<G: GateFunction, T: ActivationScalar>(
    _: G.Type, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ rows: Range<Int>, _ cols: Int
  ) {
    let width = T.Vector.scalarCount
    for r in rows {
      let a = x + r &* 2 &* cols, b = a + cols, out = y + r &* cols
      var j = 0
      while cols - j >= width {
        store(G.product(load(a + j), load(b + j)), out + j)
        j &+= width
      }
      if j < cols {
        let rest = cols - j
        storePartial(G.product(loadPadded(a + j, rest), loadPadded(b + j, rest)), out + j, rest)
      }
    }
  }

  /// The derivative (dy nil) or the backward of rows `rows`: out has x's shape.
  static func partials<G: GateFunction, T: ActivationScalar>(
    _: G.Type, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>?, _ out: UnsafeMutablePointer<T>, _ rows: Range<Int>,
    _ cols: Int
  ) {
    let width = T.Vector.scalarCount
    for r in rows {
      let a = x + r &* 2 &* cols, b = a + cols
      let outA = out + r &* 2 &* cols, outB = outA + cols
      let gradient = dy.map { $0 + r &* cols }
      var j = 0
      while cols - j >= width {
        var (gate, slope) = G.partials(load(a + j), load(b + j))
        if let gradient {
          let scale = load(gradient + j)
          (gate, slope) = (scale * gate, scale * slope)
        }
        store(gate, outA + j)
        store(slope, outB + j)
        j &+= width
      }
      if j < cols {
        let rest = cols - j
        var (gate, slope) = G.partials(loadPadded(a + j, rest), loadPadded(b + j, rest))
        if let gradient {
          let scale = loadPadded(gradient + j, rest)
          (gate, slope) = (scale * gate, scale * slope)
        }
        storePartial(gate, outA + j, rest)
        storePartial(slope, outB + j, rest)
      }
    }
  }
}
