@testable import Refactor
import Testing

@Suite("Lowering: pip and conda installs")
struct LoweringInstallTests {
    private func install(_ source: String) throws -> PackageInstall {
        let facts = Lowering.lower(source).magics
        let installs = facts.compactMap { fact -> PackageInstall? in
            if case .install(let install) = fact { return install }
            return nil
        }
        return try #require(installs.first)
    }

    @Test("package specs are read and option flags with their values skipped")
    func specsAndOptions() throws {
        let install = try install(#"!pip install -q "pandas>=2" scikit-learn==1.4.0 -r req.txt 'torch[cuda]' git+https://github.com/o/r.git@abc123 --index-url https://x.org/simple"#)
        #expect(install.tool == .pip)
        #expect(install.action == .install)
        #expect(install.via == "!")
        #expect(install.requirementFiles == ["req.txt"])
        #expect(install.packages == [
            PackageSpec(raw: "pandas>=2", name: "pandas", specifier: ">=2"),
            PackageSpec(raw: "scikit-learn==1.4.0", name: "scikit-learn", specifier: "==1.4.0"),
            PackageSpec(raw: "torch[cuda]", name: "torch", extras: ["cuda"]),
            PackageSpec(raw: "git+https://github.com/o/r.git@abc123", name: nil, url: "git+https://github.com/o/r.git@abc123"),
        ])
    }

    struct SpecCase: Sendable, CustomTestStringConvertible {
        var raw: String
        var expected: PackageSpec
        var testDescription: String { raw }
    }

    static let pipSpecs: [SpecCase] = [
        .init(raw: "numpy", expected: PackageSpec(raw: "numpy", name: "numpy")),
        .init(raw: "numpy<2", expected: PackageSpec(raw: "numpy<2", name: "numpy", specifier: "<2")),
        .init(raw: "scipy~=1.11", expected: PackageSpec(raw: "scipy~=1.11", name: "scipy", specifier: "~=1.11")),
        .init(raw: "pandas==2.2.*", expected: PackageSpec(raw: "pandas==2.2.*", name: "pandas", specifier: "==2.2.*")),
        .init(raw: "uvicorn[standard,dev]>=0.2", expected: PackageSpec(raw: "uvicorn[standard,dev]>=0.2", name: "uvicorn",
                                                                      extras: ["standard", "dev"], specifier: ">=0.2")),
        .init(raw: "requests>=2; python_version>'3.8'", expected: PackageSpec(raw: "requests>=2; python_version>'3.8'", name: "requests",
                                                                              specifier: ">=2", marker: "python_version>'3.8'")),
        .init(raw: "pkg @ https://x.org/pkg.zip", expected: PackageSpec(raw: "pkg @ https://x.org/pkg.zip", name: "pkg",
                                                                         url: "https://x.org/pkg.zip")),
        .init(raw: "git+https://github.com/o/r@v1#egg=rpkg", expected: PackageSpec(raw: "git+https://github.com/o/r@v1#egg=rpkg",
                                                                                    name: "rpkg", url: "git+https://github.com/o/r@v1#egg=rpkg")),
        .init(raw: "./dist/tool-1.0-py3-none-any.whl", expected: PackageSpec(raw: "./dist/tool-1.0-py3-none-any.whl", name: "tool",
                                                                             url: "./dist/tool-1.0-py3-none-any.whl")),
        .init(raw: "{pkg}", expected: PackageSpec(raw: "{pkg}", name: nil)),
    ]

    @Test("pip requirement specs", arguments: pipSpecs)
    func pipSpec(_ example: SpecCase) {
        #expect(PackageSpec.pip(example.raw) == example.expected)
    }

    @Test("conda specs with channels and versions")
    func condaSpecs() {
        #expect(PackageSpec.conda("numpy=1.26") == PackageSpec(raw: "numpy=1.26", name: "numpy", specifier: "=1.26"))
        #expect(PackageSpec.conda("conda-forge::xgboost>=2") ==
                PackageSpec(raw: "conda-forge::xgboost>=2", name: "xgboost", specifier: ">=2", channel: "conda-forge"))
        #expect(PackageSpec.conda("scipy") == PackageSpec(raw: "scipy", name: "scipy"))
    }

    @Test("every way of writing an install is found", arguments: [
        ("!pip install a", PackageInstall.Tool.pip, "!"),
        ("!pip3 install a", .pip, "!"),
        ("%pip install a", .pip, "%"),
        ("!{sys.executable} -m pip install a", .pip, "!"),
        ("!python -m pip install a", .pip, "!"),
        ("!python3.11 -m pip install a", .pip, "!"),
        ("%conda install a", .conda, "%"),
        ("!conda install -c conda-forge a", .conda, "!"),
        ("!mamba install a", .conda, "!"),
        ("pip install a", .pip, "automagic"),
        ("conda install a", .conda, "automagic"),
        ("!cd x && pip install a", .pip, "!"),
        ("!sudo pip install a", .pip, "!"),
        ("%%bash\npip install a", .pip, "%%bash"),
        ("%%sh\npython -m pip install a", .pip, "%%sh"),
        ("%%script bash\nconda install -y a", .conda, "%%script"),
        ("out = !pip install a", .pip, "capture"),
        ("get_ipython().system('pip install a')", .pip, "get_ipython"),
    ])
    func installForms(_ source: String, _ tool: PackageInstall.Tool, _ via: String) throws {
        let install = try install(source)
        #expect(install.tool == tool)
        #expect(install.via == via)
        #expect(install.packages.map(\.name) == ["a"])
    }

    @Test("uninstalls, requirement files and editable installs")
    func otherForms() throws {
        let uninstall = try install("!pip uninstall -y torch")
        #expect(uninstall.action == .uninstall)
        #expect(uninstall.packages.map(\.name) == ["torch"])
        let files = try install("%pip install -r requirements.txt -rdev.txt --requirement=ci.txt")
        #expect(files.requirementFiles == ["requirements.txt", "dev.txt", "ci.txt"])
        #expect(files.packages.isEmpty)
        let editable = try install("!pip install -e ./lib")
        #expect(editable.packages == [PackageSpec(raw: "./lib", name: nil, url: "./lib", editable: true)])
        let conda = try install("!conda install --file env.txt -n base -y numpy")
        #expect(conda.requirementFiles == ["env.txt"])
        #expect(conda.packages.map(\.name) == ["numpy"])
    }

    @Test("a package computed at run time is an issue")
    func dynamicPackage() {
        let lowered = Lowering.lower("!pip install {pkg}")
        #expect(lowered.issues.map(\.id) == ["lowering.dynamic-install"])
    }

    @Test("commands that install nothing are plain shell facts")
    func notInstalls() {
        for source in ["!pip list", "!pip freeze > r.txt", "!apt-get install -y graphviz", "!echo pip install x"] {
            #expect(Lowering.lower(source).magics.map(\.kind) == ["shell"], "\(source)")
        }
    }
}

@Suite("Lowering: install specs for the planner")
struct LoweringInstallSpecsTests {
    @Test("install specs list each package with its line; uninstalls are left out")
    func installSpecs() {
        let lowered = Lowering.lower("import os\n!pip install 'a>=1' b\n%pip uninstall -y c\n%conda install d=2")
        #expect(lowered.installs.count == 3)
        #expect(lowered.installSpecs.map(\.spec) == ["a>=1", "b", "d=2"])
        #expect(lowered.installSpecs.map(\.line) == [2, 2, 4])
    }
}
