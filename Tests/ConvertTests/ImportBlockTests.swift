import Foundation
import Testing
import TestSupport
@testable import Convert

/// Import statements laid out the way ruff's isort rules (I001) expect.
@Suite struct ImportBlockTests {
    static let block = ImportBlock(firstParty: ["churn", "helpers"]) { ["os", "sys", "math", "typing", "pathlib", "collections"].contains($0) }

    @Test func sectionsAreSeparatedAndSorted() {
        let lines = Self.block.format([
            "from .config import SEED", "import pandas as pd", "from sklearn.metrics import accuracy_score", "import os",
            "from churn.data import load_data", "from __future__ import annotations", "import Bio", "from .common import helper", "from helpers import double",
        ])
        #expect(lines == [
            "from __future__ import annotations", "",
            "import os", "",
            "import Bio", "import pandas as pd", "from sklearn.metrics import accuracy_score", "",
            "from churn.data import load_data", "from helpers import double", "",
            "from .common import helper", "from .config import SEED",
        ])
    }

    @Test func namesFromOneModuleMergeConstantsClassesThenFunctions() {
        let lines = Self.block.format([
            "from sklearn.metrics import f1_score", "from sklearn.metrics import ConfusionMatrixDisplay",
            "from sklearn.metrics import accuracy_score", "from sklearn.metrics import SCORERS", "from sklearn.metrics import r2_score as r2",
            "from math import *",
        ])
        #expect(lines == [
            "from math import *", "",
            "from sklearn.metrics import SCORERS, ConfusionMatrixDisplay, accuracy_score, f1_score",
            "from sklearn.metrics import r2_score as r2",
        ])
    }

    @Test func longStatementsWrapOneNamePerLine() {
        let names = ["mean_absolute_error", "mean_squared_error", "median_absolute_error", "r2_score", "explained_variance_score"]
        let lines = Self.block.format(names.map { "from sklearn.metrics import \($0)" })
        #expect(lines == ["from sklearn.metrics import (\n" + names.sorted().map { "    \($0),\n" }.joined() + ")"])
    }

    @Test func inAFunctionBodyTheIndentCountsAndContinuationLinesCarryIt() {
        let names = ["mean_absolute_error", "mean_squared_error"]
        let short = names.map { "from sklearn.metrics import \($0)" }
        #expect(Self.block.format(short, indent: 4) == ["from sklearn.metrics import mean_absolute_error, mean_squared_error"])
        // 77 characters: fits at the top level and four columns in, not eighteen.
        let long = ["mean_absolute_error", "mean_squared_error", "r2_score"].map { "from sklearn.metrics import \($0)" }
        #expect(Self.block.format(long, indent: 0) == ["from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score"])
        #expect(Self.block.format(long, indent: 18) == [
            "from sklearn.metrics import (\n"
                + "                      mean_absolute_error,\n                      mean_squared_error,\n                      r2_score,\n"
                + "                  )",
        ])
    }

    /// ruff itself agrees (when the test venv has it): the formatted blocks raise no I001.
    @Test(.enabled(if: GeneratedProjectTests.ruff != nil)) func ruffFindsNothingToSort() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-imports")
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("src/churn")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        let sets: [[String]] = [
            ["from .config import SEED", "import pandas as pd", "from sklearn.metrics import accuracy_score", "import os", "from churn.data import load_data",
             "from __future__ import annotations", "import Bio", "from .common import helper", "import numpy as np", "import matplotlib.pyplot as plt"],
            ["from sklearn.metrics import f1_score", "from sklearn.metrics import ConfusionMatrixDisplay", "from sklearn.metrics import accuracy_score",
             "from sklearn.metrics import SCORERS", "from sklearn.metrics import r2_score as r2", "from math import *", "import sys", "from collections import Counter"],
            ["mean_absolute_error", "mean_squared_error", "median_absolute_error", "r2_score", "explained_variance_score"].map { "from sklearn.metrics import \($0)" }
                + ["from sklearn.model_selection import train_test_split", "import seaborn as sns", "import statsmodels.api as sm", "import statsmodels.formula.api as smf"],
        ]
        for (index, set) in sets.enumerated() {
            let text = Self.block.format(set).joined(separator: "\n") + "\n"
            try text.write(to: package.appendingPathComponent("m\(index).py"), atomically: true, encoding: .utf8)
        }
        try "".write(to: package.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        let ruff = try ProcessRunner.run(try #require(GeneratedProjectTests.ruff),
                                         arguments: ["check", "--isolated", "--no-cache", "--select", "I", "--config", "src = [\"src\"]", "src"], in: root)
        #expect(ruff.status == 0, "\(ruff.stdout)")
    }
}
