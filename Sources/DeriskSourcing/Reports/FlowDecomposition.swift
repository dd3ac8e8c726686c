/// The expected flows of a plan split into origin → corridor → material paths, for the flow diagram.
///
/// Per material m, the expected leg flows f̄ₗ = Σₛ pₛ fₗₘₛ conserve mass at every node except the
/// origins (net outflow = expected deliveries) and the destination, so they decompose into paths:
/// repeatedly take a node with positive net outflow, follow legs with positive flow to the
/// destination, and remove the path's bottleneck (the standard path decomposition of a flow; cycles
/// of positive flow, which an optimal plan with positive freight does not have, are cut off by a
/// visited set). A path's corridor is the first corridor owning one of its legs ("direct" when none);
/// its origin is the start node's country. Supply at the destination itself, spot purchases and
/// stockpile draws are added as origins "domestic", "spot market" and "stockpile".
enum FlowDecomposition {
  static func links(model: SourcingModel, plan: SourcingPlan) -> [FlowDiagram.Link] {
    var out: [FlowDiagram.Link] = []
    let dest = model.destination
    let countryOfNode: [String: String] = {
      var map: [String: String] = [:]
      for s in model.suppliers where map[s.origin] == nil { map[s.origin] = s.country }
      for n in model.nodes { if let c = n.country { map[n.id] = map[n.id] ?? c } }
      return map
    }()
    var corridorOfLeg: [String: String] = [:]
    for k in model.corridors { for l in k.legs where corridorOfLeg[l] == nil { corridorOfLeg[l] = k.id } }
    for material in model.materials {
      let m = material.id
      var flow: [String: Double] = [:]
      for l in plan.legFlows { flow[l.leg] = l.byMaterial[m] ?? 0 }
      var net: [String: Double] = [:]
      var inflowToDest = 0.0
      for leg in model.legs {
        let f = flow[leg.id] ?? 0
        net[leg.from, default: 0] += f
        net[leg.to, default: 0] -= f
        if leg.to == dest { inflowToDest += f }
      }
      let eps = 1e-6 * max(1, material.demand)
      var guardSteps = 0
      while let start = net.filter({ $0.key != dest && $0.value > eps }).sorted(by: { $0.key < $1.key }).first?.key, guardSteps < 10_000 {
        guardSteps += 1
        var path: [Leg] = []
        var node = start
        var visited: Set<String> = [start]
        while node != dest {
          guard let next = model.legs.filter({ $0.from == node && (flow[$0.id] ?? 0) > eps && !visited.contains($0.to) })
            .max(by: { (flow[$0.id] ?? 0) < (flow[$1.id] ?? 0) }) else { break }
          path.append(next)
          node = next.to
          visited.insert(node)
        }
        guard node == dest, !path.isEmpty else { net[start] = 0; continue }
        let amount = min(net[start] ?? 0, path.map { flow[$0.id] ?? 0 }.min() ?? 0)
        for leg in path { flow[leg.id, default: 0] -= amount }
        net[start, default: 0] -= amount
        let corridor = path.lazy.compactMap { corridorOfLeg[$0.id] }.first.map { model.corridorName($0) } ?? "direct"
        out.append(.init(origin: countryOfNode[start] ?? start, route: corridor, destination: material.name ?? m, tonnes: amount))
      }
      var spot = 0.0, stock = 0.0, supplied = 0.0
      for s in plan.scenarios {
        guard let x = s.materials.first(where: { $0.material == m }) else { continue }
        spot += s.probability * x.spot
        stock += s.probability * x.stockpile
        supplied += s.probability * x.supplied
      }
      let domestic = supplied - inflowToDest
      let home = countryOfNode[dest] ?? "domestic"
      if domestic > eps { out.append(.init(origin: "\(home) (domestic)", route: "at destination", destination: material.name ?? m, tonnes: domestic)) }
      if spot > eps { out.append(.init(origin: "spot market", route: "at destination", destination: material.name ?? m, tonnes: spot)) }
      if stock > eps { out.append(.init(origin: "stockpile", route: "at destination", destination: material.name ?? m, tonnes: stock)) }
    }
    return out
  }
}
