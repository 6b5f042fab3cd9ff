import Diagnostics

extension Notebook {
    /// Checks that the notebook has at least one cell.
    /// - Throws: `notebook.empty`, at the `cells` key.
    public func checkNotEmpty() throws(DiagnosticError) {
        guard cells.isEmpty else { return }
        throw DiagnosticError(.error("notebook.empty", "this notebook has no cells; there is nothing to convert", at: cellsLocation))
    }

    /// Checks that the notebook is written for Python, which is all nbship converts.
    ///
    /// The language is `language_info.name`, else `kernelspec.language`; with neither, the
    /// kernel name decides (`python3`, `ir`, `julia-1.1`, …). A notebook that says nothing
    /// about its kernel is assumed to be Python.
    /// - Returns: Warnings: a Python 2 kernel, or a kernel nbship does not know.
    /// - Throws: `notebook.unsupported-kernel` naming the language, at the `kernelspec`
    ///   (else `language_info`) key.
    public func checkPythonKernel() throws(DiagnosticError) -> [Diagnostic] {
        let language = kernel.language ?? kernel.name.flatMap(KernelInfo.language(ofKernelNamed:))
        guard let language else {
            if let name = kernel.name {
                return [.warning("notebook.unknown-kernel", "unknown kernel '\(name)' with no language; assuming Python", at: kernelLocation)]
            }
            return []
        }
        guard KernelInfo.isPython(language) else {
            var what = KernelInfo.displayName(ofLanguage: language)
            if let name = kernel.name, name.lowercased() != language.lowercased() {
                what += " (\(name))"
            }
            throw DiagnosticError(.error(
                "notebook.unsupported-kernel", "this notebook's kernel is \(what); nbship converts Python notebooks only",
                at: kernelLocation))
        }
        if isPython2 {
            return [.warning("notebook.python2", "this notebook's kernel is Python 2; nbship reads its code as Python 3", at: kernelLocation)]
        }
        return []
    }

    private var isPython2: Bool {
        if kernel.name?.lowercased() == "python2" || kernel.language?.lowercased() == "python2" {
            return true
        }
        if let version = metadata["language_info"]?["version"]?.stringValue, version.hasPrefix("2.") {
            return true
        }
        return false
    }
}
