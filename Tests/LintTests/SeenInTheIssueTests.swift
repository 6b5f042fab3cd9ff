import Diagnostics
import Foundation
import Testing
@testable import Lint

/// The four misses issue #15 reports, each fixed in general.
@Suite struct SeenInTheIssueTests {
    static func notebook(_ cells: [String]) -> String {
        var example = RuleExample.notebook(cells)
        example.fileName = "nb.ipynb"
        return ExampleRenderer.render(example).0["nb.ipynb"] ?? ""
    }

    @Test(arguments: [
        ("get_ipython().system(\"pip install pandas\")", 1, 35),
        ("get_ipython().system('pip install -U pandas==2.2.2 polars')", 1, 52),
        ("get_ipython().run_line_magic(\"pip\", \"install pandas\")", 1, 46),
        ("get_ipython().run_line_magic('pip', 'install --quiet \"scipy>=1\"')", 1, 54),
        ("x = 1\n_ = get_ipython().getoutput('pip install pandas')", 2, 42),
        ("get_ipython().run_cell_magic('bash', '', 'set -e\\npip install pandas\\n')", 1, 63),
        ("get_ipython().system(r'pip install pandas')", 1, 36),
    ])
    func ipythonAPIInstallsInNotebookCells(source: String, line: Int, column: Int) {
        let summary = LintHarness.summary(["nb.ipynb": Self.notebook(["import os", source])])
        #expect(summary == ["notebook.unpinned-install@nb.ipynb:cell1:\(line):\(column)"])
    }

    @Test func ipythonAPIInExportedScripts() {
        let nbconvert = "#!/usr/bin/env python\n# coding: utf-8\n\n# In[1]:\n\n\nget_ipython().system('pip install pandas')\nget_ipython().run_line_magic('pip', 'install numpy==1.26.4')\n"
        #expect(LintHarness.summary(["analysis.py": nbconvert]) == ["notebook.unpinned-install@analysis.py:7:35"])
        let jupytext = "# ---\n# jupyter:\n#   jupytext:\n#     formats: ipynb,py:percent\n# ---\n\n# %%\n# %pip install polars\n# !pip install seaborn==0.13.2\n"
        #expect(LintHarness.summary(["analysis.py": jupytext]) == ["notebook.unpinned-install@analysis.py:8:16"])
        // A plain Python file with a string that looks like an install is not a notebook export.
        #expect(LintHarness.summary(["tool.py": "# !pip install x\ncmd = 'pip install pandas'\n"]).isEmpty)
    }

    @Test func hadolintIgnoreAboveFromIsHonoured() {
        #expect(LintHarness.summary(["Dockerfile": "# hadolint ignore=DL3007\nFROM debian:latest\n"]).isEmpty)
        #expect(LintHarness.summary(["Dockerfile": "# hadolint global ignore=DL3007\nFROM a:1\nFROM debian:latest\n"]).isEmpty)
    }

    @Test func composeBuildWithImageNamesTheOutput() {
        let compose = """
            services:
              svc:
                build: ./svc
                image: myorg/svc
              worker:
                build:
                  context: ./worker
                image: myorg/worker:latest
              cache:
                image: redis

            """
        #expect(LintHarness.summary(["compose.yaml": compose]) == ["image.untagged@compose.yaml:10:12"])
    }

    @Test func poetryDependenciesAreRead() {
        let pyproject = """
            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "^2.31"
            numpy = "*"
            scipy = "~1.13"
            pandas = { version = ">=2.2", extras = ["pyarrow"] }
            flask = "3.0.3"
            exact = "==1.0.0"
            lib = { git = "https://example.com/lib.git", branch = "main" }

            [tool.poetry.group.dev.dependencies]
            pytest = "^8"

            """
        #expect(LintHarness.summary(["pyproject.toml": pyproject]) == [
            "pyproject.unpinned@pyproject.toml:3:1", "pyproject.unpinned@pyproject.toml:4:1",
            "pyproject.unpinned@pyproject.toml:5:1", "pyproject.unpinned@pyproject.toml:6:1",
            "pyproject.unpinned@pyproject.toml:9:1", "pyproject.unpinned@pyproject.toml:12:1",
        ])
        let messages = LintHarness.lint(["pyproject.toml": pyproject]).findings.map(\.message)
        #expect(messages.first == "tool.poetry.dependencies entry 'requests = \"^2.31\"' is not pinned with '=='")
        #expect(messages.last == "tool.poetry.group.dev.dependencies entry 'pytest = \"^8\"' is not pinned with '=='")
    }
}
