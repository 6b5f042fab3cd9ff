import TOMLKit

/// Classifies a `name = value` dependency as Poetry (`[tool.poetry.dependencies]`) and pipenv
/// (`Pipfile`) write it: a version string (`"*"`, `"^2.31"`, `"~2.31"`, `">=2,<3"`,
/// `"2.31.0"`, `"==2.31.0"`), or a table with `version`, `git` + `rev`/`ref`/`tag`/`branch`,
/// `path`, `file` or `url`; an array of tables (Poetry's multiple constraints) is as loose as
/// its loosest entry.
enum DependencyTableEntry {
    /// The pin level of a value.
    static func pin(of value: any TOMLValueConvertible) -> PinLevel {
        if let string = value.string { return pin(ofVersion: string) }
        if let array = value.array {
            let levels = array.map { pin(of: $0) }
            return levels.min() ?? .none
        }
        guard let table = value.table else { return .none }
        if table["path"] != nil || table["file"] != nil || table["url"] != nil { return .exact }
        if table["git"] != nil || table["hg"] != nil || table["svn"] != nil {
            let ref = (table["rev"] ?? table["ref"] ?? table["tag"])?.string
            if table["branch"] != nil && ref == nil { return .constrained }
            return switch GitRefKind.classify(ref) {
            case .commit, .exactTag: .exact
            case .missing: .none
            default: .constrained
            }
        }
        if let version = table["version"]?.string { return pin(ofVersion: version) }
        return .none
    }

    /// The pin level of a Poetry or pipenv version string.
    static func pin(ofVersion raw: String) -> PinLevel {
        let version = raw.filter { $0 != " " }
        if version.isEmpty || version == "*" { return .none }
        if version.hasPrefix("===") { return .exact }
        if version.contains("*") || version.contains(">") || version.contains("<") || version.contains(",")
            || version.contains("|") || version.contains("!") || version.hasPrefix("^") || version.hasPrefix("~") {
            return .constrained
        }
        let bare = version.hasPrefix("==") ? version.dropFirst(2) : version.hasPrefix("=") ? version.dropFirst() : Substring(version)
        return bare.first?.isNumber == true ? .exact : .constrained
    }
}
