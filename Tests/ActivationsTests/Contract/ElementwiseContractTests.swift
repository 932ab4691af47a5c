#if canImport(Glibc)
import Glibc
#endif
import Activations
import Testing

/// Properties every elementwise function has, whatever its math: tails,
/// in-place calls, thread counts and the error statuses of the Swift API.
/// Every case of the table (Support/TableCases.swift: each family with its
/// defaults and with other parameters) and a few more.
let everyActivation: [Activation] = {
  var seen = Set<Activation>()
  let more: [Activation] = [.elu(alpha: 1.5), .rrelu(lower: 0.1, upper: 0.9, training: true, seed: 12345)]
  return (tableCases.map(\.activation) + more).filter { seen.insert($0).inserted }
}()

enum Direction: CaseIterable { case forward, derivative, backward }

extension Activation {
  /// out = direction(x[range]) through the buffer API (dy = gradient).
  func run<T: ActivationScalar>(
    _ direction: Direction, _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into out: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    switch direction {
    case .forward: try forward(x, into: out)
    case .derivative: try derivative(x, into: out)
    case .backward: try backward(x, dy, into: out)
    }
  }
}

/// Inputs covering every branch: both signs, zeros, tails, subnormals, NaN.
func contractInputs<T: ActivationScalar>(_ count: Int, _: T.Type) -> [T] {
  var generator = SplitMix(seed: 3)
  return (0..<count).map { i -> T in
    switch i % 9 {
    case 0: T(Double(generator.next() % 2001) / 50 - 20)
    case 1: -T(0)
    case 2: T.leastNonzeroMagnitude * T(Double(i))
    case 3: T.nan
    case 4: T(Double(Int64(bitPattern: generator.next()) >> 40)) / 65536
    case 5: -T.infinity
    default: T(Double(generator.next() % 1_000_000) / 1e5 - 5)
    }
  }
}

@Suite struct ElementwiseContractTests {
  /// Every length 0...70 (every tail of every vector width) gives the same
  /// bits as the matching prefix of one long call.
  func tails<T: ActivationScalar>(_ a: Activation, _: T.Type) throws {
    let x = contractInputs(200, T.self), dy = contractInputs(200, T.self).reversed().map { $0 }
    for direction in Direction.allCases {
      var whole = [T](repeating: 0, count: 200)
      try x.withUnsafeBufferPointer { x in
        try dy.withUnsafeBufferPointer { dy in
          try whole.withUnsafeMutableBufferPointer { try a.run(direction, x, dy, into: $0) }
        }
      }
      for n in 0...70 {
        var part = [T](repeating: 7, count: n + 3)  // 3 sentinels past the end
        try x.withUnsafeBufferPointer { x in
          try dy.withUnsafeBufferPointer { dy in
            try part.withUnsafeMutableBufferPointer { out in
              try a.run(direction, .init(rebasing: x[0..<n]), .init(rebasing: dy[0..<n]), into: .init(rebasing: out[0..<n]))
            }
          }
        }
        #expect(zip(part.prefix(n), whole.prefix(n)).allSatisfy { identical($0, $1) }, "\(a) \(direction) n=\(n)")
        #expect(part.suffix(3) == [7, 7, 7], "\(a) \(direction) n=\(n) wrote past the end")
      }
    }
  }

  @Test(arguments: everyActivation) func tailsFloat(_ a: Activation) throws { try tails(a, Float.self) }
  @Test(arguments: everyActivation) func tailsDouble(_ a: Activation) throws { try tails(a, Double.self) }

  /// In place (output == input) gives the bits of an out-of-place call.
  @Test(arguments: everyActivation) func inPlace(_ a: Activation) throws {
    var generator = SplitMix(seed: 11)
    let x = contractInputs(133, Float.self), dy = contractInputs(133, Float.self).shuffled(using: &generator)
    for direction in Direction.allCases {
      var expected = [Float](repeating: 0, count: 133)
      var inPlace = x
      var gradientInPlace = dy
      try x.withUnsafeBufferPointer { x in
        try dy.withUnsafeBufferPointer { dy in
          try expected.withUnsafeMutableBufferPointer { try a.run(direction, x, dy, into: $0) }
        }
      }
      try inPlace.withUnsafeMutableBufferPointer { buffer in
        try dy.withUnsafeBufferPointer { dy in try a.run(direction, UnsafeBufferPointer(buffer), dy, into: buffer) }
      }
      #expect(zip(inPlace, expected).allSatisfy { identical($0, $1) }, "\(a) \(direction) y == x")
      if direction == .backward {  // dx == dy
        try gradientInPlace.withUnsafeMutableBufferPointer { buffer in
          try x.withUnsafeBufferPointer { x in try a.backward(x, UnsafeBufferPointer(buffer), into: buffer) }
        }
        #expect(zip(gradientInPlace, expected).allSatisfy { identical($0, $1) }, "\(a) backward dx == dy")
      }
    }
  }

  /// The same bits for 1, 2, 3 and 8 threads on arrays large enough to be split.
  @Test(arguments: [Activation.sigmoid, .elu(alpha: 0.5), .rrelu(lower: 0.1, upper: 0.2, training: true, seed: 5)])
  func threadCountDoesNotChangeResults(_ a: Activation) throws {
    let x = contractInputs((1 << 20) + 13, Float.self)
    var results: [[Float]] = []
    for threads: Int32 in [1, 2, 3, 8] {
      act_set_num_threads(threads)
      #expect(act_get_num_threads() == threads)
      results.append(try a.derivative(x))
    }
    act_set_num_threads(0)
    #expect(act_get_num_threads() >= 1)
    for r in results.dropFirst() {
      #expect(zip(r, results[0]).allSatisfy { identical($0, $1) })
    }
  }

  @Test func swiftAPIErrors() throws {
    #expect(throws: ActivationError.size) { try Activation.sigmoid.backward([Float(1), 2], [1]) }
    #expect(throws: ActivationError.parameter) { try Activation.leakyReLU(alpha: .nan).forward([Float(1)]) }
    #expect(throws: ActivationError.parameter) { try Activation.elu(alpha: .infinity).derivative([Double(1)]) }
    // 1e300 is finite as a double but overflows float.
    #expect(throws: ActivationError.parameter) { try Activation.elu(alpha: 1e300).forward([Float(1)]) }
    #expect(try Activation.elu(alpha: 1e300).forward([Double(1)]) == [1])
    // Nothing to do: no error even with a bad parameter (the header's order).
    #expect(try Activation.leakyReLU(alpha: .nan).forward([Float]()) == [])
  }

  @Test func statusMessagesAndVersion() {
    var messages = Set<String>()
    for code: Int32 in [0, -1, -2, -3, -4, -5, -6] {
      let message = String(cString: act_status_message(code))
      #expect(!message.isEmpty && message != "unknown status")
      messages.insert(message)
    }
    #expect(messages.count == 7)
    for code: Int32 in [1, -7, .min, .max] {
      #expect(String(cString: act_status_message(code)) == "unknown status")
    }
    let version = String(cString: act_version()).split(separator: ".")
    #expect(version.count == 3 && version.allSatisfy { UInt($0) != nil })
  }
}
