/// Weights of the complementarity pairs on the central path: the iteration targets
///
///     sₖ zₖ = μ wₖ      with μ = (τκ + Σₖ sₖzₖ) / (1 + Σₖ wₖ)
///
/// instead of sₖ zₖ = μ. Any fixed positive weights lead to the same optimum (μ → 0); they change which
/// path is followed. In a scenario program the costs of block B scale with its probability p_B, so its
/// dual slacks, and with them the products sₖzₖ it can reach, are p_B times smaller than the first
/// stage's: a uniform target keeps pushing the small blocks towards products they cannot reach while
/// the large ones already could go on, and the common step stalls. With
///
///     w_B = max(0.01, √(‖c_B‖∞ / max_B′ ‖c_B′‖∞))
///
/// (c the scaled costs, B a column block) the iteration took 35 instead of 37 iterations at 1,000
/// generated scenarios, 45 instead of 49 at 3,000 and 59 instead of 74 at 10,000 (centring
/// σ = (1 − α_aff)¹², solves accurate to a tenth of the smallest relative residual, four Gondzio
/// correctors aimed at the trial step 1.2α + 0.3, ρ = 1e-16, the fused direction kernels of
/// `BoundKernels.swift`; with σ = (1 − α_aff)³ it was 41 / 44, 51 / 64 and 71 / 88; before those kernels,
/// whose sums round differently, 40 / 44, 51 / 59 and 76 / 88; with 1.5α + 0.1 it was 39 / 48, 63 / 66 and
/// 81 / 97; with two correctors and ρ = 1e-12 it was 46 / 54, 69 / 72 and a wash at 10,000, 112 / 109). (Before
/// the generator stopped rounding probabilities to 10⁻⁴, a third of the 10,000 scenarios had probability
/// zero, and there the weights saved 24 iterations of 129.) The square root and the floor were the best of
/// the powers (¼, ½, ¾, 1) and floors (10⁻³ … 10⁻¹) tried, and zero-cost blocks (zero probability) get
/// the floor. Programs without blocks get wₖ = 1, the classical path.
struct CentralPathWeights {
  /// wₖ for the pairs on lower bounds (in the order of the iteration's L) and on upper bounds (U).
  let lower: [Double], upper: [Double]
  /// 1 + Σₖ wₖ, the denominator of μ (1 for the τκ pair).
  let total: Double

  static let floor = 0.01

  init(columnBlock: [Int]?, costs c: [Double], lowerBounded L: BoundSlots, upperBounded U: BoundSlots, enabled: Bool) {
    guard enabled, let blocks = columnBlock, blocks.contains(where: { $0 > 0 }) else {
      lower = [Double](repeating: 1, count: L.count)
      upper = [Double](repeating: 1, count: U.count)
      total = Double(L.count + U.count + 1)
      return
    }
    var scale = [Double](repeating: 0, count: (blocks.max() ?? 0) + 1)
    for j in 0..<c.count { scale[blocks[j]] = max(scale[blocks[j]], abs(c[j])) }
    let top = scale.max() ?? 0
    let w = scale.map { top > 0 ? max(Self.floor, ($0 / top).squareRoot()) : 1 }
    lower = L.map { w[blocks[$0]] }
    upper = U.map { w[blocks[$0]] }
    total = lower.reduce(0, +) + upper.reduce(0, +) + 1
  }
}
