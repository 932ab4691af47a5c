/// A running sum of double lanes with the rounding error of every addition
/// kept (TwoSum, Knuth), so a row sum is accurate to about one rounding
/// whatever its length, and reduced across lanes in a fixed order, so its
/// bits never depend on threads or on the toolchain's `sum()`.
struct CompensatedSum {
  private var sum = F64x8()
  private var error = F64x8()

  @inline(__always)
  mutating func add(_ v: F64x8) {
    let t = sum + v
    let vPart = t - sum
    error = error + ((sum - (t - vPart)) + (v - vPart))
    sum = t
  }

  /// The total as hi + lo (|lo| <= ulp(hi) / 2), lanes added in index
  /// order with the same compensation.
  @inline(__always)
  func total() -> (hi: Double, lo: Double) {
    var s = 0.0
    var e = 0.0
    for lane in 0..<8 {
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
