import Activations
import Testing

/// rrelu's slopes, recomputed here from the recipe published in the header
/// (written independently of the library's code).
enum PublishedRecipe {
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static func slope(_ lower: Float, _ upper: Float, seed: UInt64, index: UInt64) -> Float {
    let u = Float(mix(seed ^ mix(index)) >> 40) * 0x1p-24
    return lower + (upper - lower) * u
  }

  static func slope(_ lower: Double, _ upper: Double, seed: UInt64, index: UInt64) -> Double {
    let u = Double(mix(seed ^ mix(index)) >> 11) * 0x1p-53
    return lower + (upper - lower) * u
  }
}

@Suite struct RReLUTests {
  @Test func trainingSlopesFollowThePublishedRecipe() throws {
    let n = 1000
    for seed: UInt64 in [0, 1, 0xDEAD_BEEF_0123_4567, .max] {
      let x32 = [Float](repeating: -1, count: n)
      let y32 = try Activation.rrelu(lower: 0.125, upper: 1.0 / 3, training: true, seed: seed).forward(x32)
      let d32 = try Activation.rrelu(lower: 0.125, upper: 1.0 / 3, training: true, seed: seed).derivative(x32)
      let x64 = [Double](repeating: -1, count: n)
      let y64 = try Activation.rrelu(lower: 0.125, upper: 1.0 / 3, training: true, seed: seed).forward(x64)
      for i in 0..<n {
        let s32 = PublishedRecipe.slope(Float(0.125), Float(1.0 / 3), seed: seed, index: UInt64(i))
        #expect(y32[i] == -s32 && d32[i] == s32)
        #expect(y64[i] == -PublishedRecipe.slope(0.125, 1.0 / 3, seed: seed, index: UInt64(i)))
      }
    }
  }

  @Test func evalSlopeIsTheRoundedMidpoint() throws {
    let x: [Float] = [-3, -1, 0, 2]
    let a = Activation.rrelu(lower: 0.1, upper: 0.4)
    let slope = (Float(0.1) + Float(0.4)) / 2
    #expect(try a.forward(x) == [-3 * slope, -slope, 0, 2])
    #expect(try a.derivative(x) == [slope, slope, slope, 1])
    // lower + upper overflows float: lower/2 + upper/2.
    let big = Activation.rrelu(lower: 3e38, upper: 3e38)
    #expect(try big.derivative([Float(-1)]) == [Float(3e38)])
  }

  @Test func slopesDoNotDependOnWhereTheCallStarts() throws {
    // Element i of a call at offset k uses index i (counted from the pointer
    // passed), so a sub-array gets the slopes of indices 0..., by design.
    let a = Activation.rrelu(lower: 0.1, upper: 0.9, training: true, seed: 99)
    let whole = try a.derivative([Double](repeating: -1, count: 40))
    let part = try a.derivative([Double](repeating: -1, count: 17))
    #expect(Array(whole.prefix(17)) == part)
  }

  @Test func parameterDomain() {
    for (lower, upper) in [(0.5, 0.25), (.nan, 0.5), (0, .infinity), (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude)] {
      #expect(throws: ActivationError.parameter) { try Activation.rrelu(lower: lower, upper: upper).forward([Double(-1)]) }
    }
    // upper - lower overflows float but not double.
    #expect(throws: ActivationError.parameter) { try Activation.rrelu(lower: -3e38, upper: 3e38).forward([Float(-1)]) }
    #expect(throws: Never.self) { try Activation.rrelu(lower: -3e38, upper: 3e38).forward([Double(-1)]) }
  }
}
