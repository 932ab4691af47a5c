/// Parameter types of the elementwise functions beyond `NoParameters` and
/// `AlphaParameter`: one or two values of the element type and the rule
/// that says which values are allowed (checked once per call, before any
/// work; a violation is ACT_ERR_PARAMETER).

/// A domain rule for up to two parameters, in the element type.
protocol ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool
}

/// One or two parameter values with their rule. The C parameters come in
/// the table's order (bindings/python/activations/_spec.py); a single
/// parameter is `a`.
struct RuledParameters<Rule: ParameterRule>: ActivationParameters {
  let a: Double
  let b: Double

  init<T: ActivationScalar>(_ a: T) { (self.a, self.b) = (Double(a), 0) }
  init<T: ActivationScalar>(_ a: T, _ b: T) { (self.a, self.b) = (Double(a), Double(b)) }
  init(raw: (Double, Double, Int32, UInt64)) { (a, b) = (raw.0, raw.1) }
  var raw: (Double, Double, Int32, UInt64) { (a, b, 0, 0) }

  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {
    guard Rule.allows(T(a), T(b)) else { throw .parameter }
  }
}

/// Both values finite (threshold's threshold and value, swish's beta).
enum FiniteRule: ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool { a.isFinite && b.isFinite }
}

/// Finite lower <= upper (hardtanh's min_val, max_val).
enum OrderedRule: ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool { a.isFinite && b.isFinite && a <= b }
}

/// A finite value >= 0 (softshrink's and hardshrink's lambd).
enum NonNegativeRule: ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool { a.isFinite && a >= 0 }
}

/// softplus's beta (finite, non-zero) and threshold (finite or +inf).
enum SoftplusRule: ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool {
    a.isFinite && a != 0 && (b.isFinite || b == .infinity)
  }
}

/// A finite, non-zero value (celu's alpha).
enum NonZeroRule: ParameterRule {
  static func allows<T: ActivationScalar>(_ a: T, _ b: T) -> Bool { a.isFinite && a != 0 }
}
