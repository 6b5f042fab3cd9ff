import Archive
import Foundation

/// Builds an image from a converted project and a base image: the base layers reused byte
/// for byte, then a dependencies layer (wheels) and an application layer.
public struct ImageBuilder: Sendable {
    /// The gzip level of nbship's layers.
    public var compressionLevel: Int = 6

    /// Creates a builder.
    public init() {}

    struct NewLayer: Sendable {
        var blob: LayerBlob
        var path: String
        var cached: Bool
        var createdBy: String
    }

    /// Receives ``LayerProgress`` reports; called from whichever task writes the layer (two
    /// layers may report at once).
    public typealias ProgressHandler = @Sendable (LayerProgress) -> Void

    /// Builds the image described by `request`.
    /// - Parameters:
    ///   - request: The inputs.
    ///   - progress: Receives each new layer's progress (base layers are copied later, by
    ///     ``ImageArchiveWriter``, and not reported here).
    /// - Returns: The layout and manifest digest.
    /// - Throws: `DiagnosticError` for bad projects or bases, failed pip runs; `ArchiveError`.
    public func build(_ request: ImageBuildRequest, progress: ProgressHandler? = nil) async throws -> ImageBuild {
        let progress = progress ?? { _ in }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.project + "/src", isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ImageFailure.at(request.project, "image.no-sources", "the project has no src/ directory",
                                  notes: ["run nbship convert first, or point build at the converted project"])
        }
        let base = try BaseImageLoader(workDirectory: request.workDirectory).load(request.base)
        let target = PythonTarget.from(config: base.config, override: request.pythonVersion)
        let cache = try LayerCache(directory: request.cacheDirectory ?? request.workDirectory + "/cache")

        let dependencies: NewLayer?
        let application: NewLayer
        if request.jobs > 1 {
            async let deps = dependencyLayer(request, target: target, cache: cache, progress: progress)
            async let app = applicationLayer(request, cache: cache, progress: progress)
            (dependencies, application) = try await (deps, app)
        } else {
            dependencies = try await dependencyLayer(request, target: target, cache: cache, progress: progress)
            application = try await applicationLayer(request, cache: cache, progress: progress)
        }
        let newLayers = [dependencies, application].compactMap { $0 }

        var layers: [(Descriptor, String)] = base.layers.map { ($0.descriptor, $0.path) }
        var roles = Array(repeating: "base", count: base.layers.count)
        var reused = Array(repeating: true, count: base.layers.count)
        for (layer, role) in zip(newLayers, dependencies == nil ? ["application"] : ["dependencies", "application"]) {
            layers.append((layer.blob.descriptor, layer.path))
            roles.append(role)
            reused.append(layer.cached)
        }
        let config = ImageConfigBuilder(request: request, hasDependencies: dependencies != nil)
            .config(base: base.config, newLayers: newLayers.map { ($0.blob.diffID, $0.createdBy) })
        return try ImageAssembler.assemble(
            config: config, layers: layers, name: request.name, tag: request.tag, baseDigest: base.manifestDigest,
            roles: roles, reused: reused)
    }

    /// The cache key of a layer: a digest over everything that decides its bytes.
    func key(_ parts: [String: JSONValue], _ request: ImageBuildRequest) throws -> Digest {
        var all = parts
        all["nbship"] = .string(request.toolVersion)
        all["gzip-level"] = .integer(Int64(compressionLevel))
        all["libarchive"] = .string(ArchiveLibrary.version)
        all["zlib"] = .string(ArchiveLibrary.zlibVersion)
        all["epoch"] = .integer(request.epoch)
        return .of(CanonicalJSON.serialize(.object(all)))
    }

    /// Writes a layer, or reuses the cached one for `key`; without a key (no cache
    /// directory given) the blob is written straight into the throw-away cache.
    private func write(
        _ entries: [LayerEntry], key: Digest?, cache: LayerCache, createdBy: String, role: String, progress: ProgressHandler
    ) throws -> NewLayer {
        if let key, let hit = cache.lookup(key) {
            progress(LayerProgress(layer: role, phase: .finished(hit, reused: true)))
            return NewLayer(blob: hit, path: cache.blobPath(hit.digest), cached: true, createdBy: createdBy)
        }
        let temporary = cache.temporaryBlobPath()
        let blob = try LayerWriter(compressionLevel: compressionLevel).write(entries, to: temporary) { done, total in
            progress(LayerProgress(layer: role, phase: .writing, bytesDone: done, bytesTotal: total))
        }
        try cache.store(temporary, blob: blob, key: key)
        let total = LayerWriter.fileBytes(entries)
        progress(LayerProgress(layer: role, phase: .finished(blob, reused: false), bytesDone: total, bytesTotal: total))
        return NewLayer(blob: blob, path: cache.blobPath(blob.digest), cached: false, createdBy: createdBy)
    }

    static let applicationCreatedBy = "nbship build: application (src, pinned requirements, artifacts) in /app"

    func applicationLayer(_ request: ImageBuildRequest, cache: LayerCache, progress: @escaping ProgressHandler) async throws -> NewLayer {
        progress(LayerProgress(layer: "application", phase: .preparing))
        let names = try FileManager.default.contentsOfDirectory(atPath: request.project).filter { name in
            name == "src" || name == "artifacts" || name == "pyproject.toml"
                || (name.hasPrefix("requirements") && name.hasSuffix(".txt"))
        }
        let source = LayerSource(directory: request.project, destination: "app", include: names,
                                 owner: .fixed(uid: request.appUser, gid: request.appUser))
        let entries = try LayerTreeScanner(modificationTime: request.epoch).scan([source]).entries
        // Hashing every file for the key only pays off when the cache outlives the build.
        guard request.cacheDirectory != nil else {
            return try write(entries, key: nil, cache: cache, createdBy: Self.applicationCreatedBy, role: "application", progress: progress)
        }
        var described: [JSONValue] = []
        for entry in entries {
            var item: [String: JSONValue] = ["header": try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(entry.header))]
            if let path = entry.sourcePath { item["content"] = .string(try FileDigest.of(file: path).digest.description) }
            described.append(.object(item))
        }
        let key = try key(["layer": .string("application"), "entries": .array(described)], request)
        return try write(entries, key: key, cache: cache, createdBy: Self.applicationCreatedBy, role: "application", progress: progress)
    }

    /// The dependency layer's cache key: the pinned file, pip's arguments and version, the
    /// build machine's python version, whether bytecode is compiled, and the common parts.
    func dependencyKey(_ request: ImageBuildRequest, installer: DependencyInstaller, host: HostPython, requirements: [UInt8]) throws -> Digest {
        try key([
            "layer": .string("dependencies"),
            "requirements": .string(Digest.of(requirements).description),
            "pip": .array(installer.pipArguments(requirements: "REQUIREMENTS", staging: "STAGING").dropFirst().map { .string($0) }),
            "pip-version": .string(host.pipVersion),
            "host-python": .string(host.version),
            "compile-bytecode": .bool(request.compileBytecode),
        ], request)
    }

    func dependencyLayer(
        _ request: ImageBuildRequest, target: PythonTarget, cache: LayerCache, progress: @escaping ProgressHandler
    ) async throws -> NewLayer? {
        let requirements = request.project + "/requirements.txt"
        guard let data = FileManager.default.contents(atPath: requirements),
              !DependencyInstaller.requirementLines(String(decoding: data, as: UTF8.self)).isEmpty else { return nil }
        progress(LayerProgress(layer: "dependencies", phase: .preparing))
        let installer = DependencyInstaller(python: request.hostPython, target: target)
        let host = try HostPython.probe(request.hostPython, logDirectory: request.workDirectory)
        if request.compileBytecode, host.version != target.version {
            throw ImageFailure.general(
                "image.bytecode-version-mismatch",
                "cannot compile bytecode for python \(target.version) with python \(host.version) (\(request.hostPython))",
                notes: ["give --python a python \(target.version), or build without --compile-bytecode"])
        }
        let key = try dependencyKey(request, installer: installer, host: host, requirements: Array(data))
        let bytecode = request.compileBytecode ? ", bytecode compiled (unchecked-hash)" : ""
        let createdBy = "nbship build: dependencies (pip wheels for python \(target.version)\(bytecode)) in /app/deps"
        if let hit = cache.lookup(key) {
            progress(LayerProgress(layer: "dependencies", phase: .finished(hit, reused: true)))
            return NewLayer(blob: hit, path: cache.blobPath(hit.digest), cached: true, createdBy: createdBy)
        }
        let staging = request.workDirectory + "/deps-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try installer.install(requirements: requirements, into: staging, logDirectory: request.workDirectory)
        var source = LayerSource(directory: staging, destination: "app/deps")
        if request.compileBytecode {
            try installer.compileBytecode(in: staging, imageDirectory: "/app/deps", logDirectory: request.workDirectory)
            source.excludedNames.remove("__pycache__")
        }
        let entries = try LayerTreeScanner(modificationTime: request.epoch).scan([source]).entries
        return try write(entries, key: key, cache: cache, createdBy: createdBy, role: "dependencies", progress: progress)
    }
}
