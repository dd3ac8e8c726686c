import DeriskSolvers
import Testing

/// `NameTable`, the arena of names behind `Model`'s variable and constraint names: every name stored comes
/// back byte for byte and is found at its index, through many regrowths of the index, and copies are independent.
@Suite struct NameTableTests {
  @Test func namesComeBackAndAreFoundAtTheirIndex() {
    var table = NameTable()
    #expect(table.lookup("a") == nil)  // an empty table has no index yet
    let names = ["a", "ab", "ba", "b", "flow[leg-3,copper,s0042]", "x0", "x0_1"]
    for name in names { table.append(name) }
    #expect(table.count == names.count)
    #expect(table.byteCount == names.reduce(0) { $0 + $1.utf8.count })
    for (k, name) in names.enumerated() {
      #expect(table.lookup(name) == k)
      #expect(table.name(at: k) == name)
    }
    #expect(table.allNames() == names)
    // Prefixes, extensions and same-length neighbours of stored names are not stored names.
    for absent in ["", "abc", "c", "flow[leg-3,copper,s0043]", "flow[leg-3,copper,s004]", "x0_", "x1"] {
      #expect(table.lookup(absent) == nil)
    }
  }

  /// 100,000 names take the index from 16 slots to 2¹⁸ = 262,144 (at most 0.7 full), by doublings and one
  /// reservation midway.
  @Test func growthPastManyResizesKeepsEveryName() {
    var table = NameTable()
    let n = 100_000
    let name = { (k: Int) in "flow[leg\(k % 97),material\(k % 3),scenario\(k)]" }
    for k in 0..<n {
      table.append(name(k))
      if k == 50_000 { table.reserveCapacity(names: 80_000, bytes: 10) }  // too few: only a hint
    }
    #expect(table.count == n)
    var misplaced = 0, wrongName = 0, falseHits = 0
    for k in 0..<n {
      if table.lookup(name(k)) != k { misplaced += 1 }
      if table.name(at: k) != name(k) { wrongName += 1 }
      if table.lookup(name(k + n)) != nil { falseHits += 1 }
    }
    #expect(misplaced == 0 && wrongName == 0 && falseHits == 0)
  }

  /// Non-ASCII names are stored as their UTF-8 bytes; canonically equivalent names with different bytes
  /// ("é" as U+00E9 and as "e" + U+0301, equal under `String ==`) are different names.
  @Test func nonASCIINamesAreStoredByTheirBytes() {
    let precomposed = "café[Zürich]", decomposed = "cafe\u{301}[Zürich]"
    #expect(precomposed == decomposed)  // Swift's String equality: canonical equivalence
    var table = NameTable()
    for name in [precomposed, "銅[北京,s1]", "🚢 leg", decomposed] { table.append(name) }
    #expect(table.lookup(precomposed) == 0)
    #expect(table.lookup(decomposed) == 3)
    #expect(table.lookup("銅[北京,s1]") == 1 && table.lookup("🚢 leg") == 2)
    #expect(Array(table.name(at: 0).utf8) == Array(precomposed.utf8))
    #expect(Array(table.name(at: 3).utf8) == Array(decomposed.utf8))
    #expect(table.byteCount == [precomposed, "銅[北京,s1]", "🚢 leg", decomposed].reduce(0) { $0 + $1.utf8.count })
  }

  @Test func copiesAreIndependent() {
    var original = NameTable()
    for k in 0..<10 { original.append("n\(k)") }
    var copy = original
    for k in 10..<40 { copy.append("n\(k)") }  // enough to regrow the copy's index
    original.append("other")
    #expect(original.count == 11 && copy.count == 40)
    #expect(original.lookup("n20") == nil && copy.lookup("n20") == 20)
    #expect(copy.lookup("other") == nil && original.lookup("other") == 10)
    #expect(original.name(at: 10) == "other" && copy.name(at: 10) == "n10")
    copy.dropIndex()
    #expect(original.lookup("n3") == 3)
  }

  @Test func droppingTheIndexKeepsTheNamesAndRemovingAllEmpties() {
    var table = NameTable()
    for name in ["p", "q", "r"] { table.append(name) }
    table.dropIndex()
    #expect(!table.isIndexed && table.lookup("q") == nil)
    #expect(table.name(at: 1) == "q" && table.allNames() == ["p", "q", "r"])
    table.append("s")  // stored, not indexed
    #expect(table.name(at: 3) == "s" && table.lookup("s") == nil)
    table.removeAll()
    #expect(table.count == 0 && table.byteCount == 0 && table.isIndexed)
    table.append("q")
    #expect(table.lookup("q") == 0 && table.lookup("p") == nil)
  }
}

/// `NameTable.append(contentsOf:from:)`, which joins the names of a model built in parallel pieces: the
/// names come over in order and are found at their new indices, and a name already present (or twice among
/// the new ones) appends nothing and says which name and where it already is.
@Suite struct NameTableAppendTests {
  @Test func appendedNamesAreFoundAtTheirNewIndices() {
    var base = NameTable()
    for name in ["contract[a]", "contract[b]"] { base.append(name) }
    var main = base, piece = base
    for k in 0..<5_000 { main.append("ship[a,s\(k)]") }
    for k in 5_000..<12_000 { piece.append("ship[a,s\(k)]") }  // the index regrows once in the append
    #expect(main.append(contentsOf: piece, from: 2) == nil)
    #expect(main.count == 12_002)
    var wrong = 0
    for k in 0..<12_000 where main.lookup("ship[a,s\(k)]") != k + 2 || main.name(at: k + 2) != "ship[a,s\(k)]" { wrong += 1 }
    #expect(wrong == 0)
    #expect(main.lookup("contract[b]") == 1 && main.lookup("ship[a,s12000]") == nil)
  }

  @Test func aDuplicateAppendsNothing() {
    var main = NameTable(), piece = NameTable()
    for name in ["x", "y", "z"] { main.append(name) }
    for name in ["x", "u", "y", "v"] { piece.append(name) }
    let before = main.allNames()
    let clash = main.append(contentsOf: piece, from: 1)  // "u", "y", "v": "y" is name 1
    #expect(clash?.name == "y" && clash?.existing == 1)
    #expect(main.allNames() == before && main.lookup("u") == nil && main.lookup("z") == 2)
    // A name twice among the appended ones is a duplicate of the first of them.
    var twice = NameTable()
    for name in ["p", "q", "p"] { twice.append(name) }
    let repeated = main.append(contentsOf: twice, from: 0)
    #expect(repeated?.name == "p" && repeated?.existing == 3)
    #expect(main.allNames() == before && main.lookup("p") == nil)
  }
}
