// swift-tools-version:6.0
// libFuzzer targets for nbship's parsers. Built only by `make fuzz` (fuzz/run.sh), never by
// the main package: the fuzzer flags need a separate build.
import PackageDescription

// The sanitizers come from `swift build --sanitize=fuzzer --sanitize=address` (run.sh).
let fuzzerFlags: [String] = ["-parse-as-library"]

let package = Package(
    name: "nbship-fuzz",
    dependencies: [.package(name: "nbship", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzNotebookReader",
            dependencies: [.product(name: "NBShipNotebook", package: "nbship")],
            swiftSettings: [.unsafeFlags(fuzzerFlags)]
        ),
        .executableTarget(
            name: "FuzzPythonAnalyzer",
            dependencies: [
                .product(name: "NBShipPythonSyntax", package: "nbship"),
                .product(name: "NBShipRefactor", package: "nbship"),
            ],
            swiftSettings: [.unsafeFlags(fuzzerFlags)]
        ),
    ]
)
