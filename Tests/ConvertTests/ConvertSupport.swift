import Convert
import Diagnostics
import Emit
import Foundation
import Image
import Notebook
import Requirements
import TestSupport

/// A Python environment with fixed versions, so converted projects do not depend on the
/// machine (golden files).
struct FixedEnvironment: DistributionEnvironment {
    static let versions: [String: String] = [
        "fastapi": "0.115.6", "httpx": "0.28.1", "joblib": "1.4.2", "matplotlib": "3.7.5", "numpy": "1.26.4",
        "pandas": "2.1.4", "pydantic": "2.10.4", "pytest": "8.3.4", "scikit-learn": "1.3.2", "scipy": "1.11.4",
        "seaborn": "0.12.2", "statsmodels": "0.14.1", "uvicorn": "0.54.0", "prometheus-client": "0.26.0", "patsy": "1.0.3",
    ]

    func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot {
        EnvironmentSnapshot(pythonVersion: PythonVersion(3, 11), versions: Self.versions, providers: [:])
    }
}

enum ConvertSupport {
    static let template: Template? = try? Template.load(directory: PackagePaths.root.appendingPathComponent("templates/notebook-project").path)

    /// Converts a notebook (path relative to the package root) with the fixed environment.
    static func convert(_ path: String, options: ConvertOptions = ConvertOptions(pythonVersion: PythonVersion(3, 11))) throws -> ConvertedProject {
        let path = PackagePaths.root.appendingPathComponent(path).standardizedFileURL.path
        let read = try NotebookReader().read(contentsOf: path)
        guard let template else { throw CocoaError(.fileReadNoSuchFile) }
        let converter = Converter(resolver: try .bundled(environment: FixedEnvironment()), template: template)
        return try converter.convert(read.notebook, path: path, notebookSHA256: try FileDigest.of(file: path).digest.hex, options: options)
    }

    /// The project as one text: every file under a `=== path` header, copies by size.
    static func dump(_ project: ConvertedProject) -> String {
        var text = ""
        for file in project.files {
            text += "=== \(file.path)\n\(file.contents)"
            if !file.contents.hasSuffix("\n") { text += "\n[no final newline]\n" }
        }
        for copy in project.copies {
            text += "=== \(copy.path) (copied, \(copy.size) bytes)\n"
        }
        let renderer = DiagnosticRenderer(colour: false)
        let diagnostics = project.diagnostics.map { renderer.render($0) + "\n" }.joined()
        // Paths as a clone of any name sees them: relative to the package root.
        let root = PackagePaths.root.standardizedFileURL.path + "/"
        // `../shared` may be a symbolic link; the reader reports the path it resolved.
        let sharedURL = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared")
        let shared = [sharedURL.standardizedFileURL.path + "/", sharedURL.resolvingSymlinksInPath().path + "/"]
        var rendered = diagnostics
        for prefix in shared { rendered = rendered.replacingOccurrences(of: prefix, with: "../shared/") }
        return text + "=== diagnostics\n" + rendered.replacingOccurrences(of: root, with: "")
    }

    /// Writes the project into a new temporary folder (files and copies).
    static func write(_ project: ConvertedProject) throws -> URL {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        for file in project.files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        for copy in project.copies {
            let url = root.appendingPathComponent(copy.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: copy.source, toPath: url.path)
        }
        return root
    }
}
