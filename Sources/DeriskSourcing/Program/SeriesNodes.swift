/// The nodes where, for a material, the network is a plain series: exactly one way in (a leg that can
/// carry the material, or one offer of it at the node) and exactly one leg out that can carry it, and
/// the node is not the destination.
///
/// At such a node the balance row reads f_out = f_in, so the program builds neither the row nor a
/// variable for the leg out: the leg out reuses the variable of the way in (followed back along a
/// chain to a leg that has its own, or to the delivery of the offer). The program is the same LP with
/// fewer rows and columns — on the generated benchmark network 25 of 88 rows and 25 of 71 columns per
/// scenario — and every leg's flow, capacity row, cost and shadow price keeps its meaning; only the
/// dual of a balance row that is not built is gone, and no report uses it.
struct SeriesNodes: Sendable {
  /// Where the flow on a leg out of a series node comes from.
  enum Source: Equatable, Sendable {
    /// The flow of this leg (which has a variable of its own).
    case leg(Int)
    /// The delivery of this offer (flat index `offerStart[supplier] + offer`).
    case offer(Int)
  }

  /// [leg][material]: the source of a leg out of a series node, followed back to its root.
  private var sources: [[Source?]]
  /// node id → materials for which the node is a series node.
  private var seriesMaterials: [String: Set<Int>] = [:]

  /// - Parameters:
  ///   - usable: [leg][material], whether the leg can carry the material (see `SourcingProgram`).
  ///   - offerStart: where each supplier's offers start in the flat offer order.
  init(_ sm: SourcingModel, usable: [[Bool]], offerStart: [Int]) {
    let M = sm.materials.count
    let materialIndex = Dictionary(sm.materials.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    // Ways in and legs out of each (node, material).
    var waysIn: [String: [[Source]]] = [:], legsOut: [String: [[Int]]] = [:]
    let none = [[Source]](repeating: [], count: M)
    for (l, leg) in sm.legs.enumerated() {
      for m in 0..<M where usable[l][m] {
        waysIn[leg.to, default: none][m].append(.leg(l))
        legsOut[leg.from, default: [[Int]](repeating: [], count: M)][m].append(l)
      }
    }
    for (i, supplier) in sm.suppliers.enumerated() {
      for (o, offer) in supplier.offers.enumerated() {
        guard let m = materialIndex[offer.material] else { continue }
        waysIn[supplier.origin, default: none][m].append(.offer(offerStart[i] + o))
      }
    }
    // One step back from each leg out of a series node.
    var step = [[Source?]](repeating: [Source?](repeating: nil, count: M), count: sm.legs.count)
    for (node, outs) in legsOut where node != sm.destination {
      for m in 0..<M where outs[m].count == 1 {
        guard let ins = waysIn[node]?[m], ins.count == 1 else { continue }
        step[outs[m][0]][m] = ins[0]
        seriesMaterials[node, default: []].insert(m)
      }
    }
    // Follow each chain back to its root. Series nodes cannot form a cycle among legs that reach the
    // destination (each has one leg out), but a chain longer than the legs would mean one: such a leg
    // keeps its own variable, and its node its balance row.
    sources = step
    for l in sm.legs.indices {
      for m in 0..<M {
        guard var source = step[l][m] else { continue }
        var length = 0
        while case .leg(let previous) = source, let back = step[previous][m], length <= sm.legs.count {
          source = back
          length += 1
        }
        if length > sm.legs.count {
          sources[l][m] = nil
          seriesMaterials[sm.legs[l].from]?.remove(m)
        } else {
          sources[l][m] = source
        }
      }
    }
  }

  /// The root source of the flow of `material` on `leg`, or nil when the leg has a variable of its own.
  func source(leg: Int, material: Int) -> Source? { sources[leg][material] }

  /// Whether `node` is a series node for `material` (it has no balance row).
  func contains(_ node: String, _ material: Int) -> Bool { seriesMaterials[node]?.contains(material) ?? false }
}
