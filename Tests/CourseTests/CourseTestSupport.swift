import Foundation

/// Small notebooks the Course tests build (paths, processes and Python come from `TestSupport`).
enum CourseTestSupport {
    /// A one-notebook JSON document with the given cells (`cell_type`, `source`, optional nbgrader metadata).
    static func notebook(_ cells: [(type: String, source: String, nbgrader: [String: Any]?)]) throws -> [UInt8] {
        let cellObjects: [[String: Any]] = cells.map { cell in
            var object: [String: Any] = [
                "cell_type": cell.type, "metadata": cell.nbgrader.map { ["nbgrader": $0] } ?? [:],
                "source": cell.source,
            ]
            if cell.type == "code" {
                object["outputs"] = []
                object["execution_count"] = NSNull()
            }
            return object
        }
        let root: [String: Any] = [
            "cells": cellObjects, "nbformat": 4, "nbformat_minor": 5,
            "metadata": ["kernelspec": ["name": "python3", "language": "python", "display_name": "Python 3"]],
        ]
        return Array(try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]))
    }
}
