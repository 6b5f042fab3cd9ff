import Diagnostics
import Foundation
import PythonSyntax

/// The stable JSON form of a ``NotebookPlan`` (documented in the README):
/// `{"notebook", "kernel", "cells": [{"index", "type", "stage", "evidence", "reason", "imports":
/// [{"module", "name", "alias"}], "defines", "reads", "mutates", "calls", "magics"}], "stages":
/// [{"name", "inputs", "outputs"}], "requirements", "diagnostics"}`.
///
/// Keys are sorted and output is byte-identical for the same notebook.
public enum PlanJSON {
    /// Encodes a plan.
    /// - Parameter plan: The plan.
    /// - Returns: Pretty-printed JSON with sorted keys and a final newline.
    /// - Throws: An `EncodingError` only if a value cannot be encoded (never for a valid plan).
    public static func encode(_ plan: NotebookPlan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(Document(plan))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        let plan: NotebookPlan
        init(_ plan: NotebookPlan) { self.plan = plan }

        enum Keys: String, CodingKey { case notebook, kernel, cells, stages, requirements, diagnostics, nbformat }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.analysis.path, forKey: .notebook)
            try container.encode(Kernel(plan), forKey: .kernel)
            try container.encode("\(plan.analysis.notebook.nbformat).\(plan.analysis.notebook.nbformatMinor)", forKey: .nbformat)
            let byCell = Dictionary(plan.assignments.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
            try container.encode(plan.analysis.cells.map { CellEntry(cell: $0, assignment: byCell[$0.index]) }, forKey: .cells)
            try container.encode(plan.stages, forKey: .stages)
            try container.encode(plan.requirements, forKey: .requirements)
            try container.encode(plan.diagnostics.map(DiagnosticEntry.init), forKey: .diagnostics)
        }
    }

    private struct Kernel: Encodable {
        let name: String?
        let language: String?
        let displayName: String?
        init(_ plan: NotebookPlan) {
            let kernel = plan.analysis.notebook.kernel
            name = kernel.name
            language = kernel.language
            displayName = kernel.displayName
        }
        enum Keys: String, CodingKey { case name, language, displayName = "display_name" }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(name, forKey: .name)
            try container.encode(language, forKey: .language)
            try container.encode(displayName, forKey: .displayName)
        }
    }

    private struct ImportEntry: Encodable {
        let fact: ImportFact
        enum Keys: String, CodingKey { case module, name, alias }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(fact.module, forKey: .module)
            try container.encode(fact.name, forKey: .name)
            try container.encode(fact.alias, forKey: .alias)
        }
    }

    private struct CellEntry: Encodable {
        let cell: AnalysedCell
        let assignment: StageAssignment?
        enum Keys: String, CodingKey {
            case index, type, id, stage, evidence, reason, imports, defines, reads, mutates, calls, magics, analysed
        }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(cell.index, forKey: .index)
            try container.encode(cell.cell.kind.name, forKey: .type)
            try container.encode(cell.cell.id, forKey: .id)
            try container.encode(assignment?.stage, forKey: .stage)
            try container.encode(assignment?.evidence, forKey: .evidence)
            try container.encode(assignment?.reason, forKey: .reason)
            let facts = cell.facts ?? CellFacts()
            try container.encode(cell.facts != nil, forKey: .analysed)
            try container.encode(facts.imports.map(ImportEntry.init), forKey: .imports)
            try container.encode(facts.defines, forKey: .defines)
            try container.encode(facts.reads, forKey: .reads)
            try container.encode(facts.mutates, forKey: .mutates)
            try container.encode(facts.calls, forKey: .calls)
            try container.encode(cell.lowered?.magics ?? [], forKey: .magics)
        }
    }

    private struct DiagnosticEntry: Encodable {
        let diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
        enum Keys: String, CodingKey { case id, severity, message, file, cell, line, column, notes }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(diagnostic.id, forKey: .id)
            try container.encode(diagnostic.severity, forKey: .severity)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.location?.path, forKey: .file)
            try container.encode(diagnostic.location?.cell, forKey: .cell)
            try container.encode(diagnostic.location?.line, forKey: .line)
            try container.encode(diagnostic.location?.column, forKey: .column)
            try container.encode(diagnostic.notes, forKey: .notes)
        }
    }
}
