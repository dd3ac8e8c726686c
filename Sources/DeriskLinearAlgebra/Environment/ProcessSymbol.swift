import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The address of `name` in the running process's global symbol table (`dlopen(nil)` then `dlsym`), for C
/// functions the Swift overlays do not declare (glibc's `mallopt`, `malloc_trim`, `gnu_get_libc_version`,
/// OpenBLAS's queries); nil when no loaded library defines it. The handle of the process itself stays valid
/// after `dlclose`, and so do the symbols of the libraries it has loaded.
package func processSymbol(_ name: String) -> UnsafeMutableRawPointer? {
  #if canImport(Glibc) || canImport(Darwin)
  guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
  defer { dlclose(handle) }
  return dlsym(handle, name)
  #else
  return nil
  #endif
}
