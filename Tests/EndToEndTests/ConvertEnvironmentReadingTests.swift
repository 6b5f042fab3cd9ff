import Foundation
import Testing
import TestSupport

/// `nbship convert` reads the corpus environment from disk (no Python process); the projects
/// it writes must be the bytes it wrote when it asked Python (the probe script, still used for
/// layouts it does not recognise). A wrapper script as `--python` is such a layout, so the same
/// binary gives both: every corpus notebook is converted both ways and the exit status, the
/// output, the diagnostics and every written file must agree.
@Suite struct ConvertEnvironmentReadingTests {
    static let corpusPython = ConvertCorpusTests.corpusPython

    /// What one conversion left behind: status, stdout, stderr (the output folder's path
    /// replaced by `OUT`), and every file under the output folder with its bytes.
    struct Converted: Equatable, Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var files: [String: Data]
    }

    static func convert(_ notebook: URL, python: String, into folder: URL) -> Converted {
        let output = folder.appendingPathComponent("out")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
              let result = try? ProcessRunner.run([PackagePaths.binary.path, "convert", notebook.path, "-o", output.path, "--python", python], in: folder) else {
            return Converted(status: -1, stdout: "", stderr: "cannot run nbship", files: [:])
        }
        var files: [String: Data] = [:]
        if let walker = FileManager.default.enumerator(atPath: output.path) {
            for case let relative as String in walker {
                let path = output.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[relative] = FileManager.default.contents(atPath: path) ?? Data()
                }
            }
        }
        return Converted(status: result.status, stdout: result.stdout.replacingOccurrences(of: output.path, with: "OUT"),
                         stderr: result.stderr.replacingOccurrences(of: output.path, with: "OUT"), files: files)
    }

    @Test(.enabled(if: corpusPython != nil, "needs NBSHIP_CORPUS_PYTHON: make setup-corpus"))
    func projectsAreTheSameReadFromDiskOrByPython() async throws {
        let python = try #require(Self.corpusPython)
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-env-reading")
        defer { try? FileManager.default.removeItem(at: root) }
        let wrapper = root.appendingPathComponent("python-wrapper")
        try "#!/bin/sh\nexec '\(python)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        // The wrapper is a layout nbship does not read, the venv one it does; --verbose says so.
        let direct = try ProcessRunner.run([PackagePaths.binary.path, "convert", "fixtures/demo/churn.ipynb", "--dry-run", "--verbose", "--python", python])
        #expect(direct.stderr.contains("python: \(python) is python 3."), "\(direct.stderr)")
        #expect(direct.stderr.contains(" installed distributions from disk, without starting python ("), "\(direct.stderr)")
        let wrapped = try ProcessRunner.run([PackagePaths.binary.path, "convert", "fixtures/demo/churn.ipynb", "--dry-run", "--verbose", "--python", wrapper.path])
        #expect(wrapped.stderr.contains("python: starting python to read its installed distributions: '\(wrapper.path)' is a script, not a python executable\n"), "\(wrapped.stderr)")

        let notebooks = Array(ConvertCorpusTests.notebooks.enumerated())
        let pairs = await ParallelMap.map(notebooks, width: 2) { item in
            let folder = root.appendingPathComponent("\(item.offset)")
            let disk = Self.convert(item.element, python: python, into: folder.appendingPathComponent("disk"))
            let probed = Self.convert(item.element, python: wrapper.path, into: folder.appendingPathComponent("probe"))
            return (item.element.lastPathComponent, disk, probed)
        }
        #expect(pairs.count == ConvertCorpusTests.notebooks.count)
        #expect(pairs.contains { $0.1.status == 0 && !$0.1.files.isEmpty }, "some notebooks convert")
        for (name, disk, probed) in pairs {
            #expect(disk.status == probed.status, "\(name): exit status")
            #expect(disk.stdout == probed.stdout, "\(name): stdout")
            // The printed next steps name the interpreter as given: the wrapper there.
            #expect(disk.stderr == probed.stderr.replacingOccurrences(of: wrapper.path, with: python), "\(name): diagnostics")
            #expect(disk.files.keys.sorted() == probed.files.keys.sorted(), "\(name): file list")
            for (path, bytes) in disk.files where probed.files[path] != bytes {
                Issue.record("\(name): \(path) differs")
            }
        }
    }
}
