/// A `.pth` file in a site folder, read as `site.addpackage` reads it: comment and blank lines
/// skipped, `import` lines run by Python, every other line a folder to append to `sys.path`.
///
/// nbship does not run the `import` lines, so it accepts only those it knows leave the search
/// path and the installed metadata alone: setuptools' `distutils-precedence.pth` and
/// `*-nspkg.pth`, the finders of editable installs (`__editable___*_finder`,
/// `_editable_impl_*`, `_*_editable_loader`, scikit-build-core's `_*_editable`) and
/// virtualenv's `_virtualenv`. Any other makes the environment unrecognised.
struct PathConfigurationFile {
    /// The folders the file names, as written (relative to the site folder when not absolute).
    var folders: [String] = []

    /// Reads a `.pth` file's text.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: Its path, for the reason of a failure.
    /// - Throws: ``UnrecognisedLayout`` for an `import` line nbship does not know.
    init(_ text: String, path: String) throws(UnrecognisedLayout) {
        let fileName = FileSystem.name(path)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy(\.isPythonWhitespace) { continue }
            if line.hasPrefix("import ") || line.hasPrefix("import\t") {
                guard Self.isKnownHook(line, fileName: fileName) else {
                    throw UnrecognisedLayout("'\(path)' line \(number + 1) runs code nbship does not know (an import line)")
                }
                continue
            }
            if let end = line.lastIndex(where: { !$0.isPythonWhitespace }) {
                folders.append(String(line[...end]))
            }
        }
    }

    /// Whether an `import` line is one whose effect nbship knows.
    static func isKnownHook(_ line: Substring, fileName: String) -> Bool {
        if line.hasPrefix("import os; var = 'SETUPTOOLS_USE_DISTUTILS';") { return true }
        if fileName.hasSuffix("-nspkg.pth"), line.hasPrefix("import sys, types, os;") { return true }
        // `import NAME` or `import NAME; NAME.install()` for an editable finder.
        let statements = line.split(separator: ";").map { $0.trimmingPythonWhitespace() }.filter { !$0.isEmpty }
        guard let first = statements.first, first.hasPrefix("import ") else { return false }
        let module = first.dropFirst("import ".count).trimmingPythonWhitespace()
        guard isFinderModule(module) else { return false }
        return statements.dropFirst().allSatisfy { $0 == module + ".install()" }
    }

    /// Module names of editable-install finders and virtualenv's patch module.
    private static func isFinderModule(_ module: Substring) -> Bool {
        guard !module.isEmpty, module.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
        return (module.hasPrefix("__editable___") && module.hasSuffix("_finder"))
            || module.hasPrefix("_editable_impl_")
            || (module.hasPrefix("_") && (module.hasSuffix("_editable_loader") || module.hasSuffix("_editable")))
            || module == "_virtualenv"
    }
}

extension Substring {
    /// Without leading and trailing Python whitespace.
    func trimmingPythonWhitespace() -> Substring {
        guard let start = firstIndex(where: { !$0.isPythonWhitespace }), let end = lastIndex(where: { !$0.isPythonWhitespace }) else { return "" }
        return self[start...end]
    }
}
