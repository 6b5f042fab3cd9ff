extension PackageInstall.Context {
    /// Entries written as `name = value` (Poetry tables, Pipfile).
    var isKeyed: Bool {
        if case .pipfile = self { return true }
        if case .pyproject(let table) = self { return table.hasPrefix("tool.poetry.") }
        return false
    }

    var isPipfile: Bool {
        if case .pipfile = self { return true }
        return false
    }
}
