extension LoweredCell {
    /// Every pip or conda install (or uninstall) found in the cell, in order.
    public var installs: [PackageInstall] {
        magics.compactMap { magic in
            if case .install(let install) = magic { return install }
            return nil
        }
    }

    /// The package specs (as written) of every install in the cell, with their lines; the
    /// shape the planner's requirement hints use.
    var installSpecs: [(spec: String, line: Int)] {
        installs.filter { $0.action == .install }.flatMap { install in
            install.packages.map { (spec: $0.raw, line: install.line) }
        }
    }
}
