#if canImport(Glibc)
import Glibc
#endif

/// Control over the BLAS library's own threads, for code that parallelises over many small BLAS calls.
///
/// OpenBLAS threads each large call; when Derisk runs its own threads over scenario blocks the two kinds
/// of threads would fight over the cores, and a multi-threaded BLAS may also sum in a thread-dependent
/// order. `withSingleThreadedBLAS` sets OpenBLAS to one thread for the duration of `body` and restores the
/// previous count. With the reference BLAS (always single-threaded) it does nothing.
public enum BLASThreading {
  private typealias GetThreads = @convention(c) () -> Int32
  private typealias SetThreads = @convention(c) (Int32) -> Void

  private static func symbols() -> (GetThreads, SetThreads)? {
    #if canImport(Glibc)
    guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
    guard let get = dlsym(handle, "openblas_get_num_threads"), let set = dlsym(handle, "openblas_set_num_threads") else {
      return nil
    }
    return (unsafeBitCast(get, to: GetThreads.self), unsafeBitCast(set, to: SetThreads.self))
    #else
    return nil
    #endif
  }

  /// Runs `body` with the BLAS library limited to one thread.
  public static func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
    guard let (get, set) = symbols() else { return try body() }
    let previous = get()
    if previous == 1 { return try body() }
    set(1)
    defer { set(previous) }
    return try body()
  }
}
