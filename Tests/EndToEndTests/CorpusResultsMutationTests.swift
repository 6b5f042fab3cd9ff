import Foundation
import TestSupport
import Testing

/// A test of the tests (issue 11): in converted corpus projects, changing one constant of the
/// generated code (a seed, a split size, a hyperparameter) makes `nbship verify` fail and name the
/// cell whose recorded value is no longer reproduced. The constant is not chosen by hand: the
/// first numeric literal of `config.py`, else the first numeric keyword argument of the modules
/// (`random_state=0`, `test_size=0.25`, `C=1.0`), is doubled (plus one for integers).
@Suite(.serialized) struct CorpusResultsMutationTests {
    static let notebooks = [
        "jeffprosise-Machine-Learning/Digit Classification.ipynb",
        "scikit-learn-mooc/notebooks/metrics_regression.ipynb",
        "scikit-learn-mooc/notebooks/trees_classification.ipynb",
        "shap/notebooks/tabular_examples/tree_based_models/tree_shap_paper/Figure 1 - Simple Inconsistency Example.ipynb",
    ]

    static var python: String? { ConvertCorpusTests.corpusPython }

    @Test(.enabled(if: python != nil, "needs NBSHIP_CORPUS_PYTHON: make setup-corpus"), arguments: notebooks)
    func aChangedConstantFailsVerifyNamingTheCell(_ name: String) throws {
        let python = try #require(Self.python)
        let notebook = ConvertCorpusTests.notebooksFolder.appendingPathComponent(name)
        // Like the corpus run, a notebook whose ML library the corpus python lacks is skipped.
        guard ConvertCorpusTests.missingLibraries(notebook, python: python).isEmpty else { return }
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-mutation")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("p")
        var arguments = ["convert", notebook.path, "-o", project.path, "--python", python, "--name", "mutated"]
        if let reference = CorpusConversionRun.referenceRun(for: notebook) { arguments += ["--results-from", reference.path] }
        let converted = try NBShip.run(arguments)
        try #require(converted.status == 0, "\(converted.stderr)")
        let verify = try NBShip.run(["verify", project.path, "--python", python])
        try #require(verify.status == 0, "the project as converted must reproduce its notebook: \(verify.stdout)\n\(verify.stderr.suffix(2000))")

        let (file, original, mutated) = try #require(Self.mutation(in: project), "no numeric constant to change in \(name)")
        try mutated.write(to: file, atomically: true, encoding: .utf8)
        let changed = try NBShip.run(["verify", project.path, "--python", python])
        let differing = changed.stdout.split(separator: "\n").filter { $0.hasPrefix("cell_") && ($0.hasSuffix("differs") || $0.hasSuffix("missing") || $0.hasSuffix("out of range")) }
        #expect(changed.status == 1, "\(name): changing \(file.lastPathComponent) went unnoticed\n\(changed.stdout)")
        #expect(!differing.isEmpty, "\(name): verify names no cell\n\(changed.stdout)\n\(changed.stderr.suffix(1500))")
        try original.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Keyword arguments that change what is shown, not what is computed (and `axis`, whose
    /// change makes the code fail loudly rather than compute something else).
    static let presentation: Set<String> = ["verbose", "n_jobs", "figsize", "fontsize", "dpi", "linewidth", "s", "size", "bins", "rotation",
                                            "width", "height", "zorder", "markersize", "loc", "ncols", "nrows", "precision", "decimals", "max_rows",
                                            "axis", "disp"]

    /// The file, its text, and its text with one constant changed.
    static func mutation(in project: URL) -> (URL, String, String)? {
        let package = (try? FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("src").path))?.first { !$0.hasPrefix(".") && !$0.hasSuffix(".py") } ?? ""
        let folder = project.appendingPathComponent("src/\(package)")
        let candidates: [(String, Regex<(Substring, Substring, Substring)>)] = [
            ("config.py", #/(?m)^([A-Z][A-Z0-9_]* = )(\d+(?:\.\d+)?)$/#),
            ("data.py", #/\b([a-z_]+=)(\d+(?:\.\d+)?)\b/#),
            ("model.py", #/\b([a-z_]+=)(\d+(?:\.\d+)?)\b/#),
            ("train.py", #/\b([a-z_]+=)(\d+(?:\.\d+)?)\b/#),
        ]
        for (name, pattern) in candidates {
            let file = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  let match = text.matches(of: pattern).first(where: { !presentation.contains(String($0.output.1.dropLast())) }) else { continue }
            let value = String(match.output.2)
            let changed = value.contains(".") ? String(Double(value).map { $0 == 0 ? 0.5 : $0 * 2 } ?? 1) : String((Int(value) ?? 0) * 2 + 1)
            return (file, text, text.replacingCharacters(in: match.range, with: String(match.output.1) + changed))
        }
        return nil
    }
}
