import Foundation
import Testing
import DeriskSolvers

/// Malformed input: each case must throw an `MPSError` whose description names the file and line
/// (`bad.mps:LINE:`) and says what is wrong. Line numbers are counted by hand in each text.
@Suite struct MPSMalformedTests {
  struct Case: Sendable, CustomStringConvertible {
    var label: String
    var text: String
    var line: Int
    var kind: MPSError.Kind
    var phrase: String
    var description: String { label }
  }

  static let header = "NAME BAD\nROWS\n N obj\n L c\nCOLUMNS\n"  // lines 1-5

  static let cases: [Case] = [
    Case(label: "unknown section", text: header + " x obj 1\nFOO\nENDATA\n", line: 7, kind: .unknownSection, phrase: "unknown section 'FOO'"),
    Case(label: "unknown row in COLUMNS", text: header + " x obj 1\n x FOO 2\nENDATA\n", line: 7, kind: .unknownName, phrase: "unknown row 'FOO' in COLUMNS"),
    Case(label: "unknown row in RHS", text: header + " x c 1\nRHS\n rhs d 2\nENDATA\n", line: 8, kind: .unknownName, phrase: "unknown row 'd' in RHS"),
    Case(label: "unknown column in BOUNDS", text: header + " x c 1\nBOUNDS\n UP bnd y 2\nENDATA\n", line: 8, kind: .unknownName, phrase: "unknown column 'y' in BOUNDS"),
    Case(label: "duplicate row", text: "NAME BAD\nROWS\n N obj\n L c\n G c\nCOLUMNS\nENDATA\n", line: 5, kind: .duplicate, phrase: "row 'c' is declared twice"),
    Case(label: "non-contiguous column", text: header + " x c 1\n y c 1\n x obj 1\nENDATA\n", line: 8, kind: .duplicate, phrase: "column 'x' appears again"),
    Case(label: "duplicate entry in a column", text: header + " x c 1 c 2\nENDATA\n", line: 6, kind: .duplicate, phrase: "two entries in row 'c'"),
    Case(label: "non-numeric value", text: header + " x c 1.2.3\nENDATA\n", line: 6, kind: .invalidNumber, phrase: "'1.2.3', not a number"),
    Case(label: "NaN value", text: header + " x c nan\nENDATA\n", line: 6, kind: .invalidNumber, phrase: "NaN and infinite"),
    Case(label: "infinite value", text: header + " x c 1\nBOUNDS\n UP bnd x Inf\nENDATA\n", line: 8, kind: .invalidNumber, phrase: "NaN and infinite"),
    Case(label: "overflowing value", text: header + " x c 1e999\nENDATA\n", line: 6, kind: .invalidNumber, phrase: "overflows"),
    Case(label: "missing ENDATA", text: header + " x c 1\nRHS\n rhs c 2\n", line: 8, kind: .structure, phrase: "without ENDATA"),
    Case(label: "truncated mid-line", text: header + " x c 1\n y c", line: 7, kind: .syntax, phrase: "found 2 fields"),
    Case(label: "empty file", text: "", line: 1, kind: .structure, phrase: "empty file"),
    Case(label: "only comments", text: "* nothing here\n\n", line: 2, kind: .structure, phrase: "empty file"),
    Case(label: "binary junk", text: "NAME BAD\nROWS\n N obj\n\u{0}\u{1}\u{2}\u{3}\n", line: 4, kind: .binaryData, phrase: "binary data"),
    Case(label: "unknown row type", text: "NAME BAD\nROWS\n N obj\n X c\nENDATA\n", line: 4, kind: .syntax, phrase: "unknown row type 'X'"),
    Case(label: "unknown bound type", text: header + " x c 1\nBOUNDS\n ZZ bnd x 2\nENDATA\n", line: 8, kind: .syntax, phrase: "unknown bound type 'ZZ'"),
    Case(label: "semi-continuous bound", text: header + " x c 1\nBOUNDS\n SC bnd x 2\nENDATA\n", line: 8, kind: .unsupported, phrase: "SC"),
    Case(label: "unsupported section", text: header + " x c 1\nSOS\nENDATA\n", line: 7, kind: .unsupported, phrase: "SOS"),
    Case(label: "COLUMNS before ROWS", text: "NAME BAD\nCOLUMNS\n x c 1\nENDATA\n", line: 2, kind: .structure, phrase: "COLUMNS before ROWS"),
    Case(label: "data before any section", text: " x c 1\nENDATA\n", line: 1, kind: .structure, phrase: "before the first section"),
    Case(label: "section twice", text: header + " x c 1\nRHS\nRHS\nENDATA\n", line: 8, kind: .duplicate, phrase: "RHS appears twice"),
    Case(label: "inconsistent bounds", text: header + " x c 1\nBOUNDS\n LO bnd x 5\n UP bnd x 2\nENDATA\n", line: 9, kind: .inconsistent, phrase: "above upper bound"),
    Case(label: "asymmetric QMATRIX", text: header + " x c 1\n y c 1\nQMATRIX\n x y 1\n y x 2\nENDATA\n", line: 9, kind: .inconsistent, phrase: "not symmetric"),
    Case(label: "duplicate QUADOBJ entry", text: header + " x c 1\n y c 1\nQUADOBJ\n x y 1\n y x 1\nENDATA\n", line: 10, kind: .duplicate, phrase: "given twice"),
    Case(label: "unmatched INTEND marker", text: header + " M 'MARKER' 'INTEND'\nENDATA\n", line: 6, kind: .syntax, phrase: "'INTEND' marker without"),
    Case(label: "bad objective sense", text: "NAME BAD\nOBJSENSE\n SIDEWAYS\nROWS\n N obj\nENDATA\n", line: 3, kind: .syntax, phrase: "unknown objective sense 'SIDEWAYS'"),
    Case(label: "huge size-like token", text: header + " x c 123456789012345678901234567890123456789012345678901234567890123456789\nENDATA\n", line: 6, kind: .invalidNumber, phrase: "not a number"),
    Case(label: "negative RHS on inverted range", text: header + " x c 1\nRHS\n rhs c -1e30\nENDATA\n", line: 8, kind: .inconsistent, phrase: "row 'c'"),
  ]

  @Test(arguments: cases)
  func malformedInputNamesTheLine(_ c: Case) {
    do {
      let file = try MPSReader.parse(c.text, fileName: "bad.mps")
      Issue.record("\(c.label): read without error: \(file.problem.columnCount) columns")
    } catch let e as MPSError {
      #expect(e.line == c.line, "\(c.label): \(e)")
      #expect(e.description.hasPrefix("bad.mps:\(c.line): "), "\(c.label): \(e)")
      #expect(e.kind == c.kind, "\(c.label): \(e)")
      #expect(e.message.contains(c.phrase), "\(c.label): \(e)")
    } catch {
      Issue.record("\(c.label): not an MPSError: \(error)")
    }
  }

  /// Random byte soup and random truncations of a real file never crash or hang; they either read or
  /// throw an MPSError (deterministic generator so that a failure can be replayed).
  @Test func randomDamageNeverCrashes() throws {
    let afiro = try [UInt8](Data(contentsOf: MPSTestFixtures.netlib("afiro")))
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    var errors = 0
    for trial in 0..<300 {
      var bytes = afiro
      if trial % 3 == 0 {
        bytes = Array(bytes.prefix(Int(next() % UInt64(bytes.count))))
      } else {
        for _ in 0..<(1 + Int(next() % 5)) {
          bytes[Int(next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: next() % 128)
        }
      }
      do {
        _ = try MPSReader.parse(bytes: bytes, fileName: "damaged.mps")
      } catch let e as MPSError {
        #expect(e.description.hasPrefix("damaged.mps:"))
        errors += 1
      }
    }
    // Truncations (100 of the 300) all lose ENDATA, so at least those must fail.
    #expect(errors >= 100)
  }
}
