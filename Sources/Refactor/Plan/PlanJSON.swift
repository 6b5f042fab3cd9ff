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
        // Written by hand (keys in sorted order) as Foundation's `JSONEncoder` would, byte for
        // byte; only magics, rare and nested, still go through the encoder.
        let magicEncoder = JSONEncoder()
        magicEncoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        magicEncoder.keyEncodingStrategy = .convertToSnakeCase
        let byCell = Dictionary(plan.assignments.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
        var json = PrettyJSONWriter()
        json.beginObject()
        json.key("cells")
        json.beginArray()
        for cell in plan.analysis.cells {
            try writeCell(cell, assignment: byCell[cell.index], to: &json, magicEncoder: magicEncoder)
        }
        json.endArray()
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in plan.diagnostics { writeDiagnostic(diagnostic, to: &json) }
        json.endArray()
        let kernel = plan.analysis.notebook.kernel
        json.key("kernel")
        json.beginObject()
        json.key("display_name")
        json.string(kernel.displayName)
        json.key("language")
        json.string(kernel.language)
        json.key("name")
        json.string(kernel.name)
        json.endObject()
        json.key("nbformat")
        json.string("\(plan.analysis.notebook.nbformat).\(plan.analysis.notebook.nbformatMinor)")
        json.key("notebook")
        json.string(plan.analysis.path)
        json.key("requirements")
        json.beginArray()
        for requirement in plan.requirements {
            json.beginObject()
            json.key("cell")
            json.int(requirement.cell)
            json.key("line")
            json.int(requirement.line)
            json.key("spec")
            json.string(requirement.spec)
            json.endObject()
        }
        json.endArray()
        json.key("stages")
        json.beginArray()
        for stage in plan.stages {
            json.beginObject()
            json.key("inputs")
            json.strings(stage.inputs)
            json.key("name")
            json.string(stage.name.rawValue)
            json.key("outputs")
            json.strings(stage.outputs)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    private static func writeCell(
        _ cell: AnalysedCell, assignment: StageAssignment?, to json: inout PrettyJSONWriter, magicEncoder: JSONEncoder
    ) throws {
        let facts = cell.facts ?? CellFacts()
        json.beginObject()
        json.key("analysed")
        json.bool(cell.facts != nil)
        json.key("calls")
        json.strings(facts.calls)
        json.key("defines")
        json.strings(facts.defines)
        json.key("evidence")
        json.string(assignment?.evidence.rawValue)
        json.key("id")
        json.string(cell.cell.id)
        json.key("imports")
        json.beginArray()
        for fact in facts.imports {
            json.beginObject()
            json.key("alias")
            json.string(fact.alias)
            json.key("module")
            json.string(fact.module)
            json.key("name")
            json.string(fact.name)
            json.endObject()
        }
        json.endArray()
        json.key("index")
        json.int(cell.index)
        json.key("magics")
        json.beginArray()
        for magic in cell.lowered?.magics ?? [] {
            json.rendered(String(decoding: try magicEncoder.encode(magic), as: UTF8.self))
        }
        json.endArray()
        json.key("mutates")
        json.strings(facts.mutates)
        json.key("reads")
        json.strings(facts.reads)
        json.key("reason")
        json.string(assignment?.reason)
        json.key("stage")
        json.string(assignment?.stage.rawValue)
        json.key("type")
        json.string(cell.cell.kind.name)
        json.endObject()
    }

    private static func writeDiagnostic(_ diagnostic: Diagnostic, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("cell")
        json.int(diagnostic.location?.cell)
        json.key("column")
        json.int(diagnostic.location?.column)
        json.key("file")
        json.string(diagnostic.location?.path)
        json.key("id")
        json.string(diagnostic.id)
        json.key("line")
        json.int(diagnostic.location?.line)
        json.key("message")
        json.string(diagnostic.message)
        json.key("notes")
        json.strings(diagnostic.notes)
        json.key("severity")
        json.string(diagnostic.severity.rawValue)
        json.endObject()
    }
}
