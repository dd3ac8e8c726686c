/// The dialect of an MPS file.
///
/// - `fixed`: the original IBM card layout. Fields sit in columns 2–3, 5–12, 15–22, 25–36, 40–47 and
///   50–61, so names may contain spaces (Netlib's `forplan` has row names like `DEDO3 1R`) and a field
///   may be blank (the unnamed RHS vector of `blend`).
/// - `free`: fields are separated by blanks, names have no spaces and may be longer than 8 characters.
///   An RHS or RANGES line with an even number of fields, or a BOUNDS line one field short, is read as
///   having no vector name (as HiGHS and CPLEX do).
/// - `automatic` (the default): read as free MPS; if that fails, read again as fixed MPS. When both
///   fail, the error that got further into the file is reported.
public enum MPSFormat: String, Sendable, Hashable, Codable, CaseIterable {
  case fixed, free, automatic
}
