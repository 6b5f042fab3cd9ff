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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // CLI only: commands, options, printing.
        .executableTarget(
            name: "nbship",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Diagnostics", "Notebook", "PythonSyntax", "Refactor", "Lint", "Image", "Archive", "Emit", "Course", "Convert", "Requirements", "Registry", "Verify",
            ]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Notebook", dependencies: ["Diagnostics"]),
        .target(name: "PythonSyntax", dependencies: ["Diagnostics"]),
        .target(name: "Refactor", dependencies: ["Diagnostics", "Notebook", "PythonSyntax"]),
        // The TSVs under Resources/ are compiled in (Tables/*Data.swift, `make tables`), so the
        // binary needs no resource bundle when copied alone.
        .target(name: "Requirements", dependencies: ["Diagnostics"], exclude: ["Resources"]),
        .target(
            name: "Lint",
            dependencies: [
                "Diagnostics", "Notebook",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // libarchive, behind a module map; only Sources/Archive imports it.
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        // zlib (parallel deterministic gzip with preset dictionaries) and libzstd, the same way.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // ISA-L's igzip: the default deflate of gzip layers (about 6x zlib level 1 per CPU-second).
        .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .target(name: "Archive", dependencies: ["CArchive", "CZlib", "CZstd", "CIsal", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Image", dependencies: ["Archive", "Diagnostics", .product(name: "Crypto", package: "swift-crypto")]),
        // The OCI distribution client (push, pull, auth), on AsyncHTTPClient.
        .target(
            name: "Registry",
            dependencies: [
                "Image", "Diagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // Templates: manifests (template.toml) and logic-free Mustache rendering to in-memory files.
        .target(
            name: "Emit",
            dependencies: [
                "Diagnostics",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Course material: student versions of solution notebooks (nbgrader markers), leak check.
        .target(name: "Verify", dependencies: ["Diagnostics", "Notebook", "PythonSyntax", "Refactor"]),
        .target(name: "Course", dependencies: ["Diagnostics", "Notebook", "Emit"]),
        // `convert`: a notebook's project plan, pins and templates → the files of a project.
        .target(name: "Convert", dependencies: ["Diagnostics", "Notebook", "PythonSyntax", "Refactor", "Requirements", "Emit", "Course", "Verify"]),

        // Shared test helpers (paths, processes, the test Python, golden files); no product
        // exposes it, so it never ships in the binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"]),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax", "TestSupport"]),
        .testTarget(name: "RefactorTests", dependencies: ["Refactor", "Notebook", "PythonSyntax", "TestSupport"]),
        .testTarget(name: "RequirementsTests", dependencies: ["Requirements", "Diagnostics", "TestSupport"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Diagnostics", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "TestSupport"], exclude: ["gzip_oracle.py"]),
        .testTarget(name: "ImageTests", dependencies: ["Image", "Archive", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Image", "Diagnostics", "TestSupport"], exclude: ["throttle_proxy.py", "token_server.py"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "ConvertTests", dependencies: ["Convert", "Refactor", "Requirements", "Emit", "Notebook", "Diagnostics", "Image", "TestSupport"]),
        .testTarget(name: "VerifyTests", dependencies: ["Verify", "Refactor", "Notebook", "PythonSyntax", "Diagnostics", "TestSupport"]),
        .testTarget(name: "EmitTests", dependencies: ["Emit", "Diagnostics", "TestSupport"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "Emit", "Notebook", "Diagnostics", "TestSupport"]),
    ]
)
