import Foundation
import Testing
import TestSupport
@testable import Verify

@Suite("OutputLine")
struct OutputLineTests {
    @Test("numbers are cut out of words, signs and exponents kept, NumPy 2 scalar reprs unwrapped", arguments: [
        ("Accuracy: 0.9667", "Accuracy: {}", ["0.9667"]),
        ("Accuracy:   0.9667 ", "Accuracy: {}", ["0.9667"]),
        ("loss=-1.5e-03, x1 = 3D", "loss={}, x1 = 3D", ["-1.5e-03"]),
        ("(150, 4)", "({}, {})", ["150", "4"]),
        ("[[ 5 11  0  0]", "[[{} {} {} {}]", ["5", "11", "0", "0"]),
        ("np.float64(0.25)", "{}", ["0.25"]),
        ("score np.int64(3) of float64", "score {} of float64", ["3"]),
        ("Epoch 12/100.", "Epoch {}/{}", ["12", "100."]),
        ("no numbers here", "no numbers here", []),
    ])
    func split(text: String, skeleton: String, numbers: [String]) {
        let line = OutputLine(text)
        #expect(line.skeleton == skeleton)
        #expect(line.numbers == numbers)
    }

    /// The generated test recomputes skeletons with Python's `re`: both must agree on every
    /// line the corpus notebooks printed.
    @Test("Swift's skeleton and numbers agree with Python's re on every stdout line of the corpus")
    func agreesWithPython() throws {
        let root = PackagePaths.corpus.appendingPathComponent("notebooks")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        var lines: [String] = []
        for case let path as String in walker where path.hasSuffix(".ipynb") {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let cells = object["cells"] as? [[String: Any]] else { continue }
            for cell in cells {
                for output in cell["outputs"] as? [[String: Any]] ?? [] where output["name"] as? String == "stdout" {
                    let text = (output["text"] as? [String])?.joined() ?? output["text"] as? String ?? ""
                    lines += text.split(separator: "\n").map(String.init).filter { !$0.contains("\r") }
                }
            }
        }
        try #require(lines.count > 500, "the corpus should hold many printed lines")
        let sample = Array(Set(lines)).sorted().prefix(5000)
        // The functions of the generated test itself, taken from the template.
        let template = PackagePaths.root.appendingPathComponent("templates/notebook-project/tests/{{results_test_file}}")
        let script = """
            import json, re, sys
            text = open(sys.argv[1], encoding="utf-8").read()
            text = text.replace("{{{results_number_pattern}}}", sys.argv[2]).replace("{{{results_scalar_pattern}}}", sys.argv[3])
            patterns = text[text.index("NUMBER = "):text.index("# (cell,")]
            functions = text[text.index("def skeleton("):text.index("def agrees(")]
            space = {"re": re}
            exec(patterns + functions, space)
            for line in json.load(sys.stdin):
                print(json.dumps([space["skeleton"](line), space["numbers"](line)]))
            """
        let input = try JSONSerialization.data(withJSONObject: Array(sample))
        let run = try TestPython.run(["-c", script, template.path, OutputLine.numberPattern, OutputLine.scalarPattern], input: .data(input))
        try #require(run.status == 0, "python: \(run.stderr)")
        let answers = run.stdout.split(separator: "\n")
        try #require(answers.count == sample.count)
        var disagreements: [String] = []
        for (line, answer) in zip(sample, answers) {
            let parsed = try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [Any]
            let skeleton = parsed?.first as? String
            let numbers = parsed?.last as? [String]
            let swift = OutputLine(line)
            if swift.skeleton != skeleton || swift.numbers != numbers { disagreements.append(line) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) lines differ, e.g. \(disagreements.prefix(3))")
    }
}
