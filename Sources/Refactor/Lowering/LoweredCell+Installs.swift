extension LoweredCell {
    /// The package specs of every pip or conda install in the cell, with their lines.
    var installSpecs: [(spec: String, line: Int)] {
        magics.flatMap { magic -> [(spec: String, line: Int)] in
            switch magic {
            case .pipInstall(let specs, let line):
                return specs.map { ($0, line) }
            }
        }
    }
}
