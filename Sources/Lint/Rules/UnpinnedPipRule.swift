import Diagnostics

/// `pip.unpinned`: a `pip`/`pip3`/`python -m pip`/`uv pip`/`pipx` install in a Dockerfile
/// `RUN` with no version at all. Like hadolint DL3013, any version specifier counts as a pin
/// here; requirements files and notebooks are held to `==`.
public struct UnpinnedPipRule: LintRule {
    public init() {}

    public let description = RuleDescription(
        id: "pip.unpinned",
        name: "Unpinned pip install in a Dockerfile",
        summary: "a package installed by pip in a RUN instruction without any version",
        rationale: "each build installs whatever is newest that day; an old image cannot be rebuilt",
        equivalents: [RuleEquivalent("hadolint", "DL3013")],
        triggeringExamples: [
            RuleExample("Dockerfile", "RUN pip install ↓MySQL_python"),
            RuleExample("Dockerfile", "RUN python -m pip install ↓example"),
            RuleExample("Dockerfile", "RUN uv pip install --system ↓requests"),
            RuleExample("Dockerfile", "RUN pipx install ↓black"),
            RuleExample("Dockerfile", "RUN pip install --root-user-action=ignore ↓mypkg"),
            RuleExample("Dockerfile", "RUN apt-get update && \\\n    pip install --no-cache-dir \\\n      numpy==1.26.4 ↓pandas"),
            RuleExample("Dockerfile", "RUN <<EOF\nset -e\npip install ↓flask\nEOF"),
            RuleExample("Dockerfile", "RUN [\"pip\", \"install\", \"↓flask\"]"),
            RuleExample("Dockerfile", "RUN pip install ↓git+https://github.com/rtfd/read-ext.git#egg=read-ext requests==2.32.3"),
        ],
        nonTriggeringExamples: [
            RuleExample("Dockerfile", "RUN pip install MySQL_python==1.2.2"),
            RuleExample("Dockerfile", "RUN pip install -r requirements.txt"),
            RuleExample("Dockerfile", "RUN pip install pykafka -c constraints.txt"),
            RuleExample("Dockerfile", "RUN pip install ."),
            RuleExample("Dockerfile", "RUN pipenv install black"),
            RuleExample("Dockerfile", "RUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5"),
            RuleExample("Dockerfile", "RUN pip download flask"),
        ]
    )

    public func check(_ facts: FileFacts, configuration: LintConfiguration) -> [Diagnostic] {
        facts.installs.compactMap { install in
            guard install.context == .dockerfile, install.ecosystem == .pip || install.ecosystem == .pipx,
                  install.pin == .none else { return nil }
            return finding("\(install.ecosystem.rawValue) installs \(install.subject) without a version",
                           at: install.location, notes: [install.pinAdvice])
        }
    }
}
