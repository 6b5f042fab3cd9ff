import Diagnostics

/// `notebook.unpinned-install`: `!pip install`, `%pip install`, `!{sys.executable} -m pip install`,
/// a bare `pip install` line or a `%%bash` body in a notebook, without `==`.
public struct UnpinnedNotebookInstallRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "notebook.unpinned-install",
        name: "Unpinned notebook install",
        summary: "a package installed from a notebook cell without an exact version",
        rationale: "the notebook re-runs against whatever is newest; results stop being reproducible and "
            + "'nbship convert' has no version to pin",
        triggeringExamples: [
            RuleExample.notebook(["import os\n!pip install ↓pandas", "%pip install -q numpy==1.26.4 ↓'scipy>=1'"]),
            RuleExample.notebook(["import sys\n!{sys.executable} -m pip install ↓seaborn"]),
            RuleExample.notebook(["pip install ↓polars"]),
            RuleExample.notebook(["%%bash\nset -e\npip3 install ↓torch\n"]),
            RuleExample.notebook(["get_ipython().system('pip install ↓pandas')", "get_ipython().run_line_magic('pip', 'install -q ↓numpy')"]),
            RuleExample("analysis.py", "# coding: utf-8\nget_ipython().system(\"pip install ↓'scikit-learn>=1.4'\")\nimport sklearn\n"),
            RuleExample("analysis.py", "# %%\n# !pip install ↓seaborn\nimport seaborn\n"),
        ],
        nonTriggeringExamples: [
            RuleExample.notebook(["!pip install pandas==2.2.2", "%pip install -r requirements.txt"]),
            RuleExample.notebook(["# pip install pandas\nx = 'pip install pandas'"]),
            RuleExample.notebook(["get_ipython().system('pip install pandas==2.2.2')\nget_ipython().run_line_magic('time', 'pip install x')"]),
            RuleExample("tool.py", "# pip install requests\nimport subprocess\n"),
            RuleExample("gen.py", "cells = [\"get_ipython().system('pip install polars')\"]\nprint(get_ipython().system('pip install x'))\n"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.context == .notebook, install.ecosystem == .pip || install.ecosystem == .pipx,
                  install.pin < .exact else { return nil }
            let what = install.pin == .none ? "without a version" : "with a range, not an exact version"
            return finding("notebook installs \(install.subject) \(what)", at: install.location,
                           notes: [install.pinAdvice])
        }
    }
}
