/// The group kernels of maxout (the drivers, validation and exports are in
/// Maxout.swift; these run in each instruction-set build, see RowEntry).
///
/// Groups are processed a vector at a time: lane l holds group g + l, and
/// piece k of all the lanes is gathered with a stride of `pieces`. The
/// winner is kept per lane: a piece replaces the best so far when it is
/// greater, or when it is NaN, unless the best is already NaN — so the
/// first maximum wins ties (also -0 against +0) and the first NaN wins
/// outright, as in the scalar definition.
enum MaxoutGroups {
  /// Above this many pieces, indices are not exact in float lanes: the
  /// groups are then scanned one at a time.
  static let vectorPieceLimit = 1 << 20

  /// The best value and the index of the winning piece (as a lane value)
  /// of groups first ..< first + count (count <= the vector width; other
  /// lanes hold garbage).
  @inline(__always)
  static func winners<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ first: Int, _ count: Int, _ pieces: Int
  ) -> (best: T.Vector, index: T.Vector) {
    var best = gather(x, first, count, pieces, 0)
    var index = T.Vector.zero
    for k in 1..<pieces {
      let v = gather(x, first, count, pieces, k)
      let take = (v .> best) .| (v .!= v)
      let replace = take .& (best .== best)
      best = best.replacing(with: v, where: replace)
      index = index.replacing(with: T.Vector(repeating: T(k)), where: replace)
    }
    return (best, index)
  }

  /// Piece k of groups first ..< first + count, one per lane. A full
  /// vector is gathered with a constant trip count (unrolled into lane
  /// inserts); a partial one lane by lane.
  @inline(__always)
  static func gather<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ first: Int, _ count: Int, _ pieces: Int, _ k: Int
  ) -> T.Vector {
    var v = T.Vector.zero
    let p = x + (first &* pieces &+ k)
    if count == T.Vector.scalarCount {
      for lane in 0..<T.Vector.scalarCount { v[lane] = p[lane &* pieces] }
    } else {
      for lane in 0..<count { v[lane] = p[lane &* pieces] }
    }
    return v
  }

  /// Stores lane l of v to p[l * stride] for the first `count` lanes.
  @inline(__always)
  static func scatter<T: ActivationScalar>(_ v: T.Vector, _ p: UnsafeMutablePointer<T>, _ count: Int, _ stride: Int) {
    if count == T.Vector.scalarCount {
      for lane in 0..<T.Vector.scalarCount { p[lane &* stride] = v[lane] }
    } else {
      for lane in 0..<count { p[lane &* stride] = v[lane] }
    }
  }

  /// The index of the winning element of one group (scalar form).
  @inline(__always)
  static func winner<T: ActivationScalar>(_ group: UnsafePointer<T>, _ pieces: Int) -> Int {
    var best = group[0]
    if best.isNaN { return 0 }
    var index = 0
    for k in 1..<pieces {
      let v = group[k]
      if v.isNaN { return k }
      if v > best {
        best = v
        index = k
      }
    }
    return index
  }

  /// y[g] = the winning value of group g, for g in `groups`.
  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ groups: Range<Int>, _ pieces: Int
  ) {
    guard pieces <= vectorPieceLimit else {
      for g in groups { y[g] = x[g * pieces + winner(x + g * pieces, pieces)] }
      return
    }
    let width = T.Vector.scalarCount
    var g = groups.lowerBound
    while g < groups.upperBound {
      let count = Swift.min(width, groups.upperBound - g)
      let (best, _) = winners(x, g, count, pieces)
      count == width ? store(best, y + g) : storePartial(best, y + g, count)
      g &+= width
    }
  }

  /// out[g*p + k] = gradient_g * (1 at group g's winner, else 0), the IEEE
  /// product, with gradient_g = dy[g] (backward) or 1 (dy nil: the
  /// derivative).
  static func mark<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>?, _ out: UnsafeMutablePointer<T>, _ groups: Range<Int>,
    _ pieces: Int
  ) {
    guard pieces <= vectorPieceLimit else {
      for g in groups {
        let w = winner(x + g * pieces, pieces)
        let scale = dy.map { $0[g] } ?? 1
        for k in 0..<pieces { out[g * pieces + k] = scale * (k == w ? 1 : 0) }
      }
      return
    }
    let width = T.Vector.scalarCount
    var g = groups.lowerBound
    while g < groups.upperBound {
      let count = Swift.min(width, groups.upperBound - g)
      let (_, index) = winners(x, g, count, pieces)
      var scale = T.Vector.one
      if let dy { scale = count == width ? load(dy + g) : loadPadded(dy + g, count) }
      for k in 0..<pieces {
        let v = scale * T.Vector.zero.replacing(with: T.Vector.one, where: index .== T.Vector(repeating: T(k)))
        scatter(v, out + (g &* pieces &+ k), count, pieces)
      }
      g &+= width
    }
  }
}
