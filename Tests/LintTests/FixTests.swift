import Diagnostics
import Foundation
import Testing
@testable import Lint

/// `LintFixer`: what `nbship lint --fix` changes, kind by kind, and that a fixed file lints
/// clean for the fixed rule and does not change again.
@Suite struct FixTests {
    static let versions = ["pandas": "2.2.2", "numpy": "1.26.4", "requests": "2.32.3", "pytest": "8.2.2", "scipy": "1.13.1"]

    /// Fixes every file once (as the CLI does), returning the new texts and the fixes.
    static func fix(_ files: [String: String], digests: [String: String] = [:]) -> ([String: String], [AppliedFix]) {
        let fixer = LintFixer(versions: versions, digests: digests)
        let linter = Linter()
        let fileSystem = InMemoryFileSystem(files)
        var edits: [String: [TextEdit]] = [:]
        var fixes: [AppliedFix] = []
        for path in files.keys.sorted() {
            guard let text = files[path], let kind = FileKind.detect(path: path, text: text) else { continue }
            let (fileEdits, fileFixes) = fixer.edits(for: linter.facts(path: path, text: text, kind: kind, fileSystem: fileSystem),
                                                     text: text, fileSystem: fileSystem)
            for (edit, applied) in zip(fileEdits, fileFixes) where !fixes.contains(applied) {
                edits[edit.path, default: []].append(edit)
                fixes.append(applied)
            }
        }
        var result = files
        for (path, pathEdits) in edits { result[path] = TextEdit.apply(pathEdits, to: files[path] ?? "") }
        return (result, fixes)
    }

    /// Fixes, checks the rule is silent afterwards, and that a second fix changes nothing.
    static func roundTrip(
        _ files: [String: String], rule: String, digests: [String: String] = [:], remaining: Int = 0
    ) -> [String: String] {
        let (fixed, fixes) = fix(files, digests: digests)
        #expect(!fixes.isEmpty)
        #expect(!LintHarness.lint(files).findings.filter { $0.id == rule }.isEmpty)
        #expect(LintHarness.lint(fixed).findings.filter { $0.id == rule }.count == remaining, "\(LintHarness.lint(fixed).findings)")
        let (again, moreFixes) = fix(fixed, digests: digests)
        #expect(again == fixed)
        #expect(moreFixes.isEmpty)
        return fixed
    }

    @Test func requirementsKeepCommentsMarkersExtrasHashesAndCRLF() {
        let text = "pandas[pyarrow]>=2  # data\r\nnumpy ; python_version >= \"3.9\"\r\n"
            + "requests \\\r\n    --hash=sha256:abc\r\n-e ./local\r\nhttps://example.com/x.whl\r\nunknown-dist\r\n-r dev.txt\r\n"
        // `unknown-dist` has no known version, so it stays a finding.
        let fixed = Self.roundTrip(["requirements.txt": text, "dev.txt": "  pytest~=8.0\n"], rule: "requirements.unpinned", remaining: 1)
        #expect(fixed["requirements.txt"] == "pandas[pyarrow]==2.2.2  # data\r\nnumpy==1.26.4 ; python_version >= \"3.9\"\r\n"
            + "requests==2.32.3 \\\r\n    --hash=sha256:abc\r\n-e ./local\r\nhttps://example.com/x.whl\r\nunknown-dist\r\n-r dev.txt\r\n")
        // The included file is fixed where the line is, keeping its indentation.
        #expect(fixed["dev.txt"] == "  pytest==8.2.2\n")
    }

    @Test func pyprojectPEP621PoetryPDMAndHatch() {
        let text = """
            [project]
            dependencies = [
                "pandas>=2",  # comment
                'numpy',
            ]
            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "^2.31"
            scipy = { version = "~1.13", extras = ["x"] }
            [tool.hatch.envs.test]
            dependencies = ["pytest"]

            """
        let fixed = Self.roundTrip(["pyproject.toml": text], rule: "pyproject.unpinned")
        #expect(fixed["pyproject.toml"] == """
            [project]
            dependencies = [
                "pandas==2.2.2",  # comment
                'numpy==1.26.4',
            ]
            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "2.32.3"
            scipy = { version = "1.13.1", extras = ["x"] }
            [tool.hatch.envs.test]
            dependencies = ["pytest==8.2.2"]

            """)
    }

    @Test func pipfileAndCondaEnvironment() {
        let pipfile = "[packages]\nrequests = \"*\"\npandas = {version = \">=2\", extras = [\"x\"]}\n"
        #expect(Self.roundTrip(["Pipfile": pipfile], rule: "pipfile.unpinned")["Pipfile"]
            == "[packages]\nrequests = \"==2.32.3\"\npandas = {version = \"==2.2.2\", extras = [\"x\"]}\n")
        let environment = "name: x\ndependencies:\n  - conda-forge::numpy=1.26  # blas\n  - pip:\n    - \"pandas>=2\"\n"
        #expect(Self.roundTrip(["environment.yml": environment], rule: "environment.unpinned")["environment.yml"]
            == "name: x\ndependencies:\n  - conda-forge::numpy==1.26.4  # blas\n  - pip:\n    - \"pandas==2.2.2\"\n")
    }

    @Test func notebookOnlyTheInstallTextChanges() throws {
        let notebook = """
            {
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["!pip install pandas\\n"]},
              {"cell_type": "code", "execution_count": 3, "metadata": {"tags": ["x"]},
               "outputs": [{"name": "stdout", "output_type": "stream", "text": ["pip install pandas\\n"]}],
               "source": ["import os\\n", "%pip install -q pandas \\"scipy>=1\\"\\n", "get_ipython().system('pip install numpy')"]}
             ],
             "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5
            }

            """
        let fixed = try #require(Self.roundTrip(["nb.ipynb": notebook], rule: "notebook.unpinned-install")["nb.ipynb"])
        #expect(fixed == notebook
            .replacingOccurrences(of: "%pip install -q pandas \\\"scipy>=1\\\"", with: "%pip install -q pandas==2.2.2 \\\"scipy==1.13.1\\\"")
            .replacingOccurrences(of: "system('pip install numpy')", with: "system('pip install numpy==1.26.4')"))
        // The markdown cell and the output, which also say 'pip install pandas', are untouched.
        #expect(fixed.contains("\"source\": [\"!pip install pandas\\n\"]") && fixed.contains("\"text\": [\"pip install pandas\\n\"]"))
    }

    @Test func exportedScriptsAreFixedToo() {
        let text = "get_ipython().system('pip install pandas')\n"
        #expect(Self.roundTrip(["export.py": text], rule: "notebook.unpinned-install")["export.py"]
            == "get_ipython().system('pip install pandas==2.2.2')\n")
    }

    @Test func unknownVersionsAndUnparsableLinesAreLeftAlone() {
        let files = ["requirements.txt": "mystery>=1\ngit+https://example.com/r.git@main#egg=pandas\n"]
        let (fixed, fixes) = Self.fix(files)
        #expect(fixed == files)
        #expect(fixes.isEmpty)
    }

    @Test func imagesArePinnedToKnownDigests() {
        let digest = "sha256:" + String(repeating: "e", count: 64)
        let digests = ["docker.io/library/python:3.12-slim": digest, "docker.io/library/redis:latest": digest]
        let files = [
            "Dockerfile": "FROM python:3.12-slim AS base\nFROM python:3.12-slim@\(digest)\nFROM golang:1.22\n",
            "compose.yaml": "services:\n  cache:\n    image: \"redis\"\n",
        ]
        let fixed = Self.roundTrip(files, rule: "image.untagged", digests: digests)
        #expect(fixed["Dockerfile"] == "FROM python:3.12-slim@\(digest) AS base\nFROM python:3.12-slim@\(digest)\nFROM golang:1.22\n")
        #expect(fixed["compose.yaml"] == "services:\n  cache:\n    image: \"redis@\(digest)\"\n")
    }

    @Test func lockFilesGiveVersions() throws {
        let uv = "version = 1\n[[package]]\nname = \"Pandas\"\nversion = \"2.2.2\"\n[[package]]\nname = \"numpy\"\nversion = \"1.26.4\"\n"
        #expect(try LockedVersions.parse(path: "uv.lock", text: uv) == ["pandas": "2.2.2", "numpy": "1.26.4"])
        let poetry = "[[package]]\nname = \"requests\"\nversion = \"2.32.3\"\ndescription = \"x\"\n\n[metadata]\nlock-version = \"2.0\"\n"
        #expect(try LockedVersions.parse(path: "poetry.lock", text: poetry) == ["requests": "2.32.3"])
        let requirements = "# generated\nPandas==2.2.2 \\\n    --hash=sha256:abc\nnumpy==1.26.4 ; python_version >= \"3.9\"\n-e .\n"
        #expect(try LockedVersions.parse(path: "requirements.lock", text: requirements) == ["pandas": "2.2.2", "numpy": "1.26.4"])
        #expect(throws: LockedVersions.Failure.self) { try LockedVersions.parse(path: "pdm.lock", text: "[metadata]\n") }
    }

    @Test func ociIndexNamesGiveDigests() {
        let digest = "sha256:" + String(repeating: "a", count: 64)
        let index = """
            {"schemaVersion": 2, "manifests": [
              {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "\(digest)", "size": 1,
               "annotations": {"org.opencontainers.image.ref.name": "3.12-slim"}},
              {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "\(digest)", "size": 1,
               "annotations": {"io.containerd.image.name": "ghcr.io/org/app:1.0"}}
            ]}
            """
        #expect(ImageDigestIndex.parse(indexJSON: Data(index.utf8), layoutName: "python") == [
            "docker.io/library/python:3.12-slim": digest, "ghcr.io/org/app:1.0": digest,
        ])
    }

    @Test func diffShowsChangedLinesWithContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n"
        let new = "a\nb\nC\nd\ne\nf\ng\nh\nI\n"
        #expect(UnifiedDiff.render(path: "x.txt", old: old, new: new) == """
            --- a/x.txt
            +++ b/x.txt
            @@ -1,10 +1,10 @@
             a
             b
            -c
            +C
             d
             e
             f
             g
             h
            -i
            +I
             

            """)
        #expect(UnifiedDiff.render(path: "x.txt", old: old, new: old).isEmpty)
    }

    @Test func statedRangesAreReadForTheRangeCheck() {
        func install(_ spec: String, _ context: PackageInstall.Context, _ ecosystem: PackageInstall.Ecosystem = .pip) -> PackageInstall {
            PackageInstall(ecosystem: ecosystem, context: context, spec: spec, name: "x", pin: .constrained,
                           location: Diagnostics.SourceLocation(path: "f", line: 1, column: 1))
        }
        #expect(LintFixer.specifiers(of: install("x[a] >= 2 , <3 ; python_version < '3.12'", .requirements)) == ">=2,<3")
        #expect(LintFixer.specifiers(of: install("x = \"^2.31\"", .pyproject("tool.poetry.dependencies"))) == ">=2.31,<3")
        #expect(LintFixer.specifiers(of: install("x = \"~2.31\"", .pyproject("tool.poetry.dependencies"))) == ">=2.31,<2.32")
        #expect(LintFixer.specifiers(of: install("x = \"^0.27\"", .pyproject("tool.poetry.dependencies"))) == ">=0.27,<0.28")
        #expect(LintFixer.specifiers(of: install("x = \"*\"", .pipfile("packages"))).isEmpty)
        #expect(LintFixer.specifiers(of: install("x = \">=1\"", .pipfile("packages"))) == ">=1")
        #expect(LintFixer.specifiers(of: install("x=1.2", .condaEnvironment, .conda)) == "==1.2.*")
        #expect(LintFixer.specifiers(of: install("conda-forge::x >=1.2", .condaEnvironment, .conda)) == ">=1.2")
        #expect(LintFixer.specifiers(of: install("x", .condaEnvironment, .conda)).isEmpty)
    }
}
