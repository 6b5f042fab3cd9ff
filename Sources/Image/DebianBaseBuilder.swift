import Foundation

/// Builds a base image from Debian packages with mmdebstrap: one layer holding the root file
/// system, written with the same deterministic layer writer as nbship's own layers (owners
/// and permission bits kept, timestamps fixed, device nodes left out).
public struct DebianBaseBuilder: Sendable {
    /// Creates a builder.
    public init() {}

    /// Files that record the build machine or the build time; emptied or removed.
    static let volatilePaths = [
        "var/log/dpkg.log", "var/log/alternatives.log", "var/log/apt/history.log", "var/log/apt/term.log",
        "var/log/apt/eipp.log.xz", "var/cache/ldconfig/aux-cache", "var/cache/debconf/templates.dat-old",
        "var/cache/debconf/config.dat-old", "var/lib/dpkg/status-old", "var/lib/dpkg/diversions-old",
        "etc/hostname", "etc/resolv.conf",
    ]

    /// Builds the image.
    /// - Parameter request: The suite, packages and epoch.
    /// - Returns: The layout to write (one layer) and its manifest digest.
    /// - Throws: `DiagnosticError` if mmdebstrap fails.
    public func build(_ request: DebianBaseRequest) throws -> ImageBuild {
        guard getuid() == 0 else {
            throw ImageFailure.general("image.needs-root", "nbship base debian must run as root",
                                       notes: ["mmdebstrap's root mode keeps the file owners the image needs; run it with sudo"])
        }
        let root = request.workDirectory + "/rootfs"
        // apt downloads as the unprivileged `_apt` user only when it can reach the root file
        // system; a scratch directory made under a strict umask would make it fall back to
        // root and record different owners in the image.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: request.workDirectory)
        // A fixed umask: apt and maintainer scripts create files (and decide ownership of
        // apt's sandbox directories) according to it, so the host's must not leak in.
        var arguments = [
            "sh", "-c", "umask 022 && exec \"$@\"", "sh",
            "mmdebstrap", "--variant=minbase", "--mode=root", "--format=directory",
            "--include=" + request.packages.joined(separator: ","),
            "--aptopt=Acquire::Check-Valid-Until \"false\"",
            request.suite, root,
        ]
        if let mirror = request.mirror { arguments.append(mirror) }
        let output = try ProcessRunner.run(arguments, environment: ["SOURCE_DATE_EPOCH": String(request.epoch), "LC_ALL": "C.UTF-8", "TZ": "UTC"],
                                           logDirectory: request.workDirectory)
        guard output.status == 0 else {
            throw ImageFailure.general("image.mmdebstrap-failed", "mmdebstrap could not build the \(request.suite) root file system",
                                       notes: output.text.split(separator: "\n").suffix(15).map(String.init))
        }
        for path in Self.volatilePaths { try? FileManager.default.removeItem(atPath: root + "/" + path) }
        // Compiled bytecode depends on the build's order and time; python rebuilds it when needed.
        let pythonVersion = detectPythonVersion(root)

        let source = LayerSource(directory: root, destination: "", modes: .preserved, owner: .preserved,
                                 symlinks: .rootFileSystem, excludedNames: ["__pycache__"])
        let scan = try LayerTreeScanner(modificationTime: request.epoch).scan([source])
        let blobPath = request.workDirectory + "/layer.tar.gz"
        let blob = try LayerWriter().write(scan.entries, to: blobPath)

        let created = ImageConfigBuilder.rfc3339(request.epoch)
        var labels: [String: JSONValue] = [
            "org.opencontainers.image.title": .string(request.name),
            "org.opencontainers.image.version": .string(request.tag),
            "org.opencontainers.image.created": .string(created),
            "org.opencontainers.image.description": .string("debian \(request.suite) minbase with " + request.packages.joined(separator: ", ")),
        ]
        if let pythonVersion { labels[PythonTarget.versionLabel] = .string(pythonVersion) }
        let config: JSONValue = .object([
            "architecture": .string("amd64"), "os": .string("linux"), "created": .string(created),
            "config": .object([
                "Env": .array([.string("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), .string("LANG=C.UTF-8")]),
                "Cmd": .array([.string("/bin/bash")]),
                "Labels": .object(labels),
            ]),
            "rootfs": .object(["type": .string("layers"), "diff_ids": .array([.string(blob.diffID.description)])]),
            "history": .array([.object([
                "created": .string(created),
                "created_by": .string("nbship base debian --suite \(request.suite) --packages \(request.packages.joined(separator: ",")) (mmdebstrap minbase)"),
                "comment": .string("nbship \(request.toolVersion)"),
            ])]),
        ])
        return try ImageAssembler.assemble(
            config: config, layers: [(blob.descriptor, blobPath)], name: request.name, tag: request.tag, baseDigest: nil,
            roles: ["base"])
    }

    /// `3.11` from `usr/bin/python3 -> python3.11`.
    func detectPythonVersion(_ root: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/usr/bin/python3"),
              let range = target.range(of: "python") else { return nil }
        let version = String(target[range.upperBound...])
        return version.isEmpty ? nil : version
    }
}
