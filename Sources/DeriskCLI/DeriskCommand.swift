import ArgumentParser
import Derisk

/// The `derisk` command line: one root command, one subcommand per job.
@main
struct DeriskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "derisk",
    abstract: "Sourcing portfolios of critical materials under probability-weighted disruption scenarios.",
    version: DeriskVersion.string,
    // Every subcommand, in the order `derisk --help` lists them. Add new ones here
    // (each lives in Sources/DeriskCLI/Commands/<Name>Command.swift).
    subcommands: [
      LPCommand.self,
      Solve.self,
      Frontier.self,
      Stress.self,
      Value.self,
      Compare.self,
      Bench.self,
      ExportMPS.self,
      Generate.self,
      Reweight.self,
      Scenarios.self,
      DemoCommand.self,
      DoctorCommand.self,
    ]
  )

  /// Starts again with malloc asking for 2 MiB pages where the kernel grants them only on request (see
  /// `HugePageEnvironment`; `DERISK_HUGE_PAGES=0` turns this off), has malloc keep freed memory for reuse
  /// (`FreedMemoryReuse`), then parses the arguments and runs.
  static func main() {
    HugePageEnvironment.relaunchWithHugePagesIfUseful()
    FreedMemoryReuse.keepFreedMemory()
    main(nil)
  }
}
