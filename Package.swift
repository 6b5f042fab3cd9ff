// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nbship",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nbship", targets: ["nbship"]),
        // Libraries exported for the fuzzing package in fuzz/.
        .library(name: "NBShipNotebook", targets: ["Notebook"]),
        .library(name: "NBShipPythonSyntax", targets: ["PythonSyntax"]),
        .library(name: "NBShipRefactor", targets: ["Refactor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // CLI only: commands, options, printing.
        .executableTarget(
            name: "nbship",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Diagnostics", "Notebook", "PythonSyntax", "Refactor", "Lint", "Image",
            ]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Notebook", dependencies: ["Diagnostics"]),
        .target(name: "PythonSyntax", dependencies: ["Diagnostics"]),
        .target(name: "Refactor", dependencies: ["Diagnostics", "Notebook", "PythonSyntax"]),
                "Diagnostics", "Notebook", "PythonSyntax", "Refactor", "Lint", "Image",

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax"]),
        .testTarget(name: "RefactorTests", dependencies: ["Refactor", "Notebook", "PythonSyntax"]),
                "Diagnostics", "Notebook", "PythonSyntax", "Refactor", "Lint", "Image",
        .testTarget(name: "EndToEndTests", dependencies: ["Diagnostics"]),
    ]
)
