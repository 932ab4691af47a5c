#if canImport(Glibc)
import Glibc
#endif
import Activations

/// Error of `got` against an exact value, in ulps of the exact value in
/// type T (the spacing of T's numbers at |exact|, subnormal spacing below
/// the normal range). Infinities and NaN must match exactly (else +inf).
func ulpError<T: BinaryFloatingPoint>(_ got: T, _ exact: Float80) -> Double {
  if exact.isNaN { return got.isNaN ? 0 : .infinity }
  if got.isNaN { return .infinity }
  let largest = Float80(T.greatestFiniteMagnitude)
  if exact.isInfinite || abs(exact) > largest * (1 + 0x1p-30) {
    // The exact value overflows T: only the infinity of the right sign is right.
    return (got.isInfinite && (got < 0) == (exact < 0)) ? 0 : .infinity
  }
  if got.isInfinite { return .infinity }
  let minimumExponent = Int(T.leastNormalMagnitude.exponent)
  let exponent = exact == 0 ? minimumExponent : max(Int(exact.exponent), minimumExponent)
  let ulp = Float80(sign: .plus, exponent: exponent - T.significandBitCount, significand: 1)
  return Double(abs(Float80(got) - exact) / ulp)
}

/// The largest error over a sweep, with the input where it occurs.
struct WorstCase: CustomStringConvertible {
  var ulps = 0.0
  var input = 0.0
  var count = 0

  mutating func record(_ error: Double, at x: Double) {
    count += 1
    if error > ulps || error.isNaN {
      ulps = error
      input = x
    }
  }

  var description: String { "max \(ulps) ulp at x = \(input) over \(count) inputs" }
}

/// Every `stride`-th float32 bit pattern (all signs, exponents, subnormals,
/// infinities and NaNs visited), plus the special values.
func float32Sweep(stride: UInt32) -> [Float] {
  var values: [Float] = [0, -0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                         .leastNormalMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
  var bits: UInt32 = 0
  while true {
    values.append(Float(bitPattern: bits))
    let (next, overflow) = bits.addingReportingOverflow(stride)
    if overflow { break }
    bits = next
  }
  return values.filter { !$0.isNaN }
}

/// Doubles spread over the whole finite range: log-uniform magnitudes from
/// the smallest subnormal to the largest finite, both signs, plus dense
/// samples around 0, +-1, the overflow/underflow thresholds of exp, and
/// the special values.
func float64Sample(count: Int, seed: UInt64) -> [Double] {
  var generator = SplitMix(seed: seed)
  var values: [Double] = [0, -0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                          .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
  for i in 0..<count {
    let u = Double(generator.next() >> 11) * 0x1p-53
    let sign: Double = generator.next() & 1 == 0 ? 1 : -1
    switch i % 4 {
    case 0: values.append(sign * Double.exp2(-1074 + u * 2098))  // log-uniform over the whole range
    case 1: values.append(sign * u * 40)  // where the functions curve
    case 2: values.append(sign * (700 + u * 50))  // exp's underflow / overflow thresholds
    default: values.append(sign * u * 0x1p-20)  // near 0
    }
  }
  return values
}

extension Double {
  static func exp2(_ x: Double) -> Double { Glibc.exp2(x) }
}

/// SplitMix64, for reproducible test inputs.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Equal including the sign of zero (and NaN equals NaN).
func identical<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
  (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
}
