#if canImport(Glibc)
import Glibc
#endif
import Activations
import Testing

/// The C exports of one elementwise family for one element type, with the
/// parameters of a table case written in (Support/TableCases.swift,
/// generated from the table with the Swift API's cases).
struct ExportCalls<T: ActivationScalar>: Sendable {
  let forward: @Sendable (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32
  let derivative: @Sendable (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32
  let backward: @Sendable (UnsafePointer<T>?, UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32

  init(
    _ forward: @escaping @Sendable (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32,
    _ derivative: @escaping @Sendable (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32,
    _ backward: @escaping @Sendable (UnsafePointer<T>?, UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt) -> Int32
  ) {
    (self.forward, self.derivative, self.backward) = (forward, derivative, backward)
  }

  /// The C call in `direction` into `out` (dy is read by backward only).
  func run(_ direction: Direction, _ x: [T], _ dy: [T], into out: inout [T]) -> Int32 {
    x.withUnsafeBufferPointer { x in
      dy.withUnsafeBufferPointer { dy in
        out.withUnsafeMutableBufferPointer { out in
          switch direction {
          case .forward: forward(x.baseAddress, out.baseAddress, UInt(x.count))
          case .derivative: derivative(x.baseAddress, out.baseAddress, UInt(x.count))
          case .backward: backward(x.baseAddress, dy.baseAddress, out.baseAddress, UInt(x.count))
          }
        }
      }
    }
  }
}

/// One case of the Swift API beside the same function through the C ABI.
struct TableCase: Sendable, CustomTestStringConvertible {
  let activation: Activation
  let name: String
  let f32: ExportCalls<Float>
  let f64: ExportCalls<Double>

  init(_ activation: Activation, name: String, f32: ExportCalls<Float>, f64: ExportCalls<Double>) {
    (self.activation, self.name, self.f32, self.f64) = (activation, name, f32, f64)
  }

  var testDescription: String { "\(activation)" }
}

/// The same bits (NaN payloads included).
func sameBits<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
  a.sign == b.sign && a.exponentBitPattern == b.exponentBitPattern
    && a.significandBitPattern == b.significandBitPattern
}

/// Expects `a` and `b` to hold the same bits, reporting the first
/// difference only (not the arrays).
func expectSameBits<T: BinaryFloatingPoint>(
  _ a: [T], _ b: [T], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  var difference: String?
  if a.count != b.count {
    difference = "counts \(a.count) and \(b.count)"
  } else if let i = a.indices.first(where: { !sameBits(a[$0], b[$0]) }) {
    difference = "element \(i) of \(a.count): \(a[i]) and \(b[i])"
  }
  #expect(difference == nil, comment, sourceLocation: sourceLocation)
}

/// The unary family names of bindings/python/activations/_spec.py, read
/// from the source (so a table row without a generated case fails here,
/// even before `generate.py --check` runs).
func tableUnaryNames() throws -> Set<String> {
  var path = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).dropLast(4)
  path.append("bindings/python/activations/_spec.py")
  let file = try #require(fopen(path.joined(separator: "/"), "r"))
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while case let n = fread(&chunk, 1, chunk.count, file), n > 0 { bytes += chunk[0..<n] }
  let spec = String(decoding: bytes, as: UTF8.self)
  return Set(spec.matches(of: #/Family\(\s*"(\w+)",\s*"unary"/#).map { String($0.output.1) })
}

/// The Swift API of every elementwise family against the C exports, bit for
/// bit, in both element types and all three directions, through buffers and
/// arrays; then its errors.
@Suite struct SwiftAPITests {
  @Test func everyFamilyOfTheTableHasACase() throws {
    let names = try tableUnaryNames()
    #expect(names.count >= 24)
    #expect(Set(tableCases.map(\.name)) == names)
    for c in tableCases { #expect(c.activation.name == c.name) }
  }

  func compare<T: ActivationScalar>(_ c: TableCase, _ exports: ExportCalls<T>, _: T.Type) throws {
    var generator = SplitMix(seed: 17)
    // 4099 elements: several vectors, a tail, and values over every branch.
    let x = contractInputs(4099, T.self), dy = contractInputs(4099, T.self).shuffled(using: &generator)
    for direction in Direction.allCases {
      var viaC = [T](repeating: 7, count: x.count)
      #expect(exports.run(direction, x, dy, into: &viaC) == 0, "\(c.activation) \(direction) C status")
      var viaBuffers = [T](repeating: 7, count: x.count)
      try x.withUnsafeBufferPointer { x in
        try dy.withUnsafeBufferPointer { dy in
          try viaBuffers.withUnsafeMutableBufferPointer { try c.activation.run(direction, x, dy, into: $0) }
        }
      }
      let viaArrays: [T] =
        switch direction {
        case .forward: try c.activation.forward(x)
        case .derivative: try c.activation.derivative(x)
        case .backward: try c.activation.backward(x, dy)
        }
      expectSameBits(viaBuffers, viaC, "\(c.activation) \(direction) \(T.self): buffers vs C")
      expectSameBits(viaArrays, viaC, "\(c.activation) \(direction) \(T.self): arrays vs C")
    }
  }

  @Test(arguments: tableCases) func float32MatchesTheCExports(_ c: TableCase) throws {
    try compare(c, c.f32, Float.self)
  }

  @Test(arguments: tableCases) func float64MatchesTheCExports(_ c: TableCase) throws {
    try compare(c, c.f64, Double.self)
  }

  /// A NaN parameter is `.parameter` in every direction and type when there
  /// are elements, and no error when there are none (the header's order).
  @Test(arguments: badParameterCases) func badParameters(_ a: Activation) throws {
    #expect(throws: ActivationError.parameter) { try a.forward([Float(1)]) }
    #expect(throws: ActivationError.parameter) { try a.derivative([Double(-1)]) }
    #expect(throws: ActivationError.parameter) { try a.backward([Float(0.5)], [1]) }
    #expect(throws: ActivationError.parameter) {
      try [Double](repeating: -2, count: 100).withUnsafeBufferPointer { x in
        var y = [Double](repeating: 0, count: 100)
        try y.withUnsafeMutableBufferPointer { try a.forward(x, into: $0) }
      }
    }
    #expect(try a.forward([Float]()) == [])
    #expect(try a.backward([Double](), []) == [])
  }

  /// Parameters outside the domain other than NaN, as documented in the cases.
  @Test func parameterDomains() {
    let bad: [Activation] = [
      .hardtanh(minVal: 1, maxVal: -1), .softshrink(lambd: -0.5), .hardshrink(lambd: -1e-9),
      .softplus(beta: 0), .softplus(threshold: -.infinity), .celu(alpha: 0), .swish(beta: .infinity),
      .threshold(threshold: .infinity, value: 0), .leakyReLU(alpha: -.infinity),
      .rrelu(lower: 0.5, upper: 0.25),
    ]
    for a in bad {
      #expect(throws: ActivationError.parameter, "\(a)") { try a.forward([Float(1), 2]) }
      #expect(throws: ActivationError.parameter, "\(a)") { try a.backward([Double(1)], [1]) }
    }
    // Allowed edges: softplus's threshold +inf, negative and zero slopes.
    let allowed: [Activation] = [
      .softplus(beta: -2, threshold: .infinity), .leakyReLU(alpha: 0), .elu(alpha: -1), .softshrink(lambd: 0),
      .celu(alpha: -0.5),
    ]
    for a in allowed {
      #expect(throws: Never.self, "\(a)") { try a.forward([Float(-1), 1]) }
    }
  }

  /// Counts that differ are `.size` for every family, before any parameter check.
  @Test(arguments: tableCases) func sizeMismatch(_ c: TableCase) {
    let a = c.activation
    #expect(throws: ActivationError.size) { try a.backward([Float(1), 2], [1]) }
    #expect(throws: ActivationError.size) { try a.backward([Double](), [1]) }
    let x: [Float] = [1, 2, 3]
    var short = [Float](repeating: 0, count: 2)
    x.withUnsafeBufferPointer { x in
      short.withUnsafeMutableBufferPointer { out in
        #expect(throws: ActivationError.size) { try a.forward(x, into: out) }
        #expect(throws: ActivationError.size) { try a.derivative(x, into: out) }
        #expect(throws: ActivationError.size) { try a.backward(x, x, into: out) }
        #expect(throws: ActivationError.size) {
          try a.backward(UnsafeBufferPointer(rebasing: x[0..<2]), x, into: out)
        }
      }
    }
  }

  /// An output that partially overlaps its input is `.overlap`.
  @Test func partialOverlap() {
    var storage = [Double](repeating: 1, count: 10)
    storage.withUnsafeMutableBufferPointer { buffer in
      let x = UnsafeBufferPointer(rebasing: buffer[0..<8])
      let y = UnsafeMutableBufferPointer(rebasing: buffer[2..<10])
      #expect(throws: ActivationError.overlap) { try Activation.gelu.forward(x, into: y) }
      #expect(throws: ActivationError.overlap) { try Activation.softplus().backward(x, x, into: y) }
    }
  }
}
