import Diagnostics
import Foundation
import Testing
@testable import Lint

/// Runs every rule's triggering and non-triggering examples (SwiftLint's pattern): a
/// triggering example must produce exactly one finding of the rule at each `↓`, and a
/// non-triggering one none.
@Suite struct RuleExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var ruleID: String
        var example: RuleExample
        var triggers: Bool
        var testDescription: String { "\(ruleID) \(triggers ? "triggers" : "passes"): \(example)" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.triggeringExamples.map { Case(ruleID: rule.description.id, example: $0, triggers: true) }
            + rule.description.nonTriggeringExamples.map { Case(ruleID: rule.description.id, example: $0, triggers: false) }
    }

    @Test(arguments: cases)
    func example(_ case_: Case) throws {
        let (files, expected) = ExampleRenderer.render(case_.example)
        var configuration = case_.example.configuration
        configuration.enabled.insert(case_.ruleID)
        let linter = Linter(configuration: configuration)
        let path = case_.example.fileName
        let text = try #require(files[path])
        let kind = try #require(FileKind.detect(path: path))
        let report = case_.example.lintsNeighbours
            ? linter.lint(paths: files.keys.sorted(), fileSystem: InMemoryFileSystem(files))
            : linter.lint(path: path, text: text, kind: kind, fileSystem: InMemoryFileSystem(files))
        #expect(report.problems.isEmpty, "\(report.problems)")
        let found = report.findings.filter { $0.id == case_.ruleID }.compactMap(\.location)
        if case_.triggers {
            #expect(!expected.isEmpty, "a triggering example needs a ↓ marker")
            #expect(found == expected)
        } else {
            #expect(found.isEmpty)
        }
    }

    @Test func everyRuleHasExamplesBothWays() {
        for rule in RuleRegistry.all {
            #expect(!rule.description.triggeringExamples.isEmpty, "\(rule.description.id)")
            #expect(!rule.description.nonTriggeringExamples.isEmpty, "\(rule.description.id)")
        }
    }

    @Test func ruleIDsAreUniqueDottedAndLowerCase() {
        let ids = RuleRegistry.all.map(\.description.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id == id.lowercased() && id.contains("."), "\(id)")
        }
    }
}

/// Turns a ``RuleExample`` into files and the locations its markers stand for.
enum ExampleRenderer {
    static func render(_ example: RuleExample) -> ([String: String], [Diagnostics.SourceLocation]) {
        var files: [String: String] = [:]
        var expected: [Diagnostics.SourceLocation] = []
        for (name, text) in example.neighbours.sorted(by: { $0.key < $1.key }) {
            let path = LintPath.sibling(name, of: example.fileName)
            let (clean, markers) = strip(text, path: path, cell: nil)
            files[path] = clean
            expected += markers
        }
        var cleanCells: [String] = []
        for (index, cell) in example.cells.enumerated() {
            let (clean, markers) = strip(cell, path: example.fileName, cell: example.isNotebook ? index : nil)
            expected += markers
            cleanCells.append(clean)
        }
        if example.isNotebook {
            let cells = cleanCells.map { source -> [String: Any] in
                ["cell_type": "code", "metadata": [String: Any](), "outputs": [Any](), "execution_count": NSNull(),
                 "source": source]
            }
            let notebook: [String: Any] = ["nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any](), "cells": cells]
            let data = (try? JSONSerialization.data(withJSONObject: notebook, options: [.sortedKeys])) ?? Data()
            files[example.fileName] = String(decoding: data, as: UTF8.self)
        } else {
            files[example.fileName] = cleanCells.first ?? ""
        }
        return (files, expected.sorted { ($0.path, $0.cell ?? -1, $0.line, $0.column) < ($1.path, $1.cell ?? -1, $1.line, $1.column) })
    }

    /// Removes `↓` markers, returning the text and the locations they marked.
    static func strip(_ text: String, path: String, cell: Int?) -> (String, [Diagnostics.SourceLocation]) {
        var clean = ""
        var markers: [Diagnostics.SourceLocation] = []
        var line = 1
        var column = 1
        for character in text {
            if character == RuleExample.marker {
                markers.append(Diagnostics.SourceLocation(path: path, cell: cell, line: line, column: column))
                continue
            }
            clean.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (clean, markers)
    }
}
