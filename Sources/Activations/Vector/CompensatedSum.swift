/// A running sum of vector lanes with the rounding error of every addition
/// kept (TwoSum, Knuth), so a row sum is accurate to about one rounding
/// whatever its length, and reduced across lanes in a fixed order, so its
/// bits never depend on threads or on the toolchain's `sum()`.
struct CompensatedSum<V: FloatVector> {
  private var sum = V()
  private var error = V()

  @inline(__always)
  mutating func add(_ v: V) {
    let t = sum + v
    let vPart = t - sum
    error = error + ((sum - (t - vPart)) + (v - vPart))
    sum = t
  }

  /// The total as hi + lo (|lo| <= ulp(hi) / 2), lanes added in index
  /// order with the same compensation.
  @inline(__always)
  func total() -> (hi: V.Scalar, lo: V.Scalar) {
    var s: V.Scalar = 0
    var e: V.Scalar = 0
    for lane in 0..<V.scalarCount {
      let v = sum[lane]
      let t = s + v
      let vPart = t - s
      e += (s - (t - vPart)) + (v - vPart) + error[lane]
      s = t
    }
    let hi = s + e
    return (hi, e - (hi - s))
  }
}
