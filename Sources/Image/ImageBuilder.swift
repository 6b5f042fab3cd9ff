import Archive
import Foundation

/// Builds an image from a converted project and a base image: the base layers reused byte
/// for byte, then, each only when it has content, a dependencies layer (wheels), a data layer
/// (`data/`), an artifacts layer (`artifacts/`) and the application layer (see
/// ``ProjectLayer``). Each layer's blob depends only on its own inputs, so a change to one
/// input rewrites only its layer.
public struct ImageBuilder: Sendable {
    /// Creates a builder.
    public init() {}

    struct NewLayer: Sendable {
        var blob: LayerBlob
        var path: String
        var cached: Bool
        var createdBy: String
        var role: String
    }

    /// Receives ``LayerProgress`` reports; called from whichever task writes the layer (two
    /// layers or more may report at once, up to the request's `jobs`).
    public typealias ProgressHandler = @Sendable (LayerProgress) -> Void

    /// Builds the image described by `request`.
    /// - Parameters:
    ///   - request: The inputs.
    ///   - progress: Receives each new layer's progress (base layers are copied later, by
    ///     ``ImageArchiveWriter``, and not reported here).
    /// - Returns: The layout and manifest digest.
    /// - Throws: `DiagnosticError` for bad projects or bases, failed pip runs; `ArchiveError`.
    public func build(_ request: ImageBuildRequest, progress: ProgressHandler? = nil) async throws -> ImageBuild {
        let progress: ProgressHandler = progress ?? { _ in }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.project + "/src", isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ImageFailure.at(request.project, "image.no-sources", "the project has no src/ directory",
                                  notes: ["run nbship convert first, or point build at the converted project"])
        }
        let base = try BaseImageLoader(workDirectory: request.workDirectory).load(request.base)
        let target = PythonTarget.from(config: base.config, override: request.pythonVersion)
        let metadata = try ProjectMetadata.read(project: request.project)
        let cache = try LayerCache(directory: request.cacheDirectory ?? request.workDirectory + "/cache")

        let names = try FileManager.default.contentsOfDirectory(atPath: request.project)
        var jobs: [@Sendable () async throws -> NewLayer?] = [
            { try await dependencyLayer(request, target: target, cache: cache, progress: progress) },
        ]
        for (layer, taken) in ProjectLayer.plan(names: names, includeData: request.includeData) {
            jobs.append { try await projectLayer(layer, names: taken, request, cache: cache, progress: progress) }
        }
        let newLayers = try await Self.run(jobs, width: request.jobs).compactMap { $0 }

        var layers: [(Descriptor, String)] = base.layers.map { ($0.descriptor, $0.path) }
        var roles = Array(repeating: "base", count: base.layers.count)
        var reused = Array(repeating: true, count: base.layers.count)
        for layer in newLayers {
            layers.append((layer.blob.descriptor, layer.path))
            roles.append(layer.role)
            reused.append(layer.cached)
        }
        var labels = metadata.labels
        labels.merge(request.labels) { _, given in given }
        let config = ImageConfigBuilder(request: request, hasDependencies: newLayers.contains { $0.role == "dependencies" }, labels: labels)
            .config(base: base.config, newLayers: newLayers.map { ($0.blob.diffID, $0.createdBy) })
        return try ImageAssembler.assemble(
            config: config, layers: layers, name: request.name, tag: request.tag, baseDigest: base.manifestDigest,
            roles: roles, reused: reused)
    }

    /// Runs the layer jobs, at most `width` at once, and returns their results in job order.
    static func run(_ jobs: [@Sendable () async throws -> NewLayer?], width: Int) async throws -> [NewLayer?] {
        try await withThrowingTaskGroup(of: (Int, NewLayer?).self) { group in
            var results = [NewLayer?](repeating: nil, count: jobs.count)
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let index = next
                group.addTask { (index, try await jobs[index]()) }
                next += 1
            }
            for _ in 0..<max(1, width) { startNext() }
            while let (index, layer) = try await group.next() {
                results[index] = layer
                startNext()
            }
            return results
        }
    }

    /// The cache key of a layer: a digest over everything that decides its bytes.
    func key(_ parts: [String: JSONValue], _ request: ImageBuildRequest) throws -> Digest {
        var all = parts
        all["nbship"] = .string(request.toolVersion)
        // The codec, its version, level and chunk size decide the blob's bytes.
        all["compression"] = .object(request.compression.settings.mapValues { .string($0) })
        all["libarchive"] = .string(ArchiveLibrary.version)
        all["epoch"] = .integer(request.epoch)
        return .of(CanonicalJSON.serialize(.object(all)))
    }

    /// Writes a layer, or reuses the cached one for `key`; without a key (no cache
    /// directory given) the blob is written straight into the throw-away cache.
    private func write(
        _ entries: [LayerEntry], key: Digest?, cache: LayerCache, createdBy: String, role: String, request: ImageBuildRequest,
        progress: ProgressHandler
    ) throws -> NewLayer {
        if let key, let hit = cache.lookup(key) {
            progress(LayerProgress(layer: role, phase: .finished(hit, reused: true)))
            return NewLayer(blob: hit, path: cache.blobPath(hit.digest), cached: true, createdBy: createdBy, role: role)
        }
        let temporary = cache.temporaryBlobPath()
        let writer = LayerWriter(compression: request.compression, workers: request.compressionWorkers)
        let blob = try writer.write(entries, to: temporary) { done, total in
            progress(LayerProgress(layer: role, phase: .writing, bytesDone: done, bytesTotal: total))
        }
        try cache.store(temporary, blob: blob, key: key)
        let total = LayerWriter.fileBytes(entries)
        progress(LayerProgress(layer: role, phase: .finished(blob, reused: false), bytesDone: total, bytesTotal: total))
        return NewLayer(blob: blob, path: cache.blobPath(blob.digest), cached: false, createdBy: createdBy, role: role)
    }

    /// Writes one of the layers made of the project's own files (or reuses it from the cache).
    func projectLayer(
        _ layer: ProjectLayer, names: [String], _ request: ImageBuildRequest, cache: LayerCache, progress: @escaping ProgressHandler
    ) async throws -> NewLayer {
        progress(LayerProgress(layer: layer.role, phase: .preparing))
        let source = LayerSource(directory: request.project, destination: "app", include: names,
                                 owner: .fixed(uid: request.appUser, gid: request.appUser))
        let entries = try LayerTreeScanner(modificationTime: request.epoch).scan([source]).entries
        // Hashing every file for the key only pays off when the cache outlives the build.
        guard request.cacheDirectory != nil else {
            return try write(entries, key: nil, cache: cache, createdBy: layer.createdBy, role: layer.role, request: request, progress: progress)
        }
        let key = try key(["layer": .string(layer.role), "entries": .array(try Self.describe(entries))], request)
        return try write(entries, key: key, cache: cache, createdBy: layer.createdBy, role: layer.role, request: request, progress: progress)
    }

    /// Each entry's header and, for files, the digest of its content: what decides the
    /// layer's bytes besides the common parts of the key.
    static func describe(_ entries: [LayerEntry]) throws -> [JSONValue] {
        var described: [JSONValue] = []
        for entry in entries {
            var item: [String: JSONValue] = ["header": try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(entry.header))]
            if let path = entry.sourcePath { item["content"] = .string(try FileDigest.of(file: path).digest.description) }
            described.append(.object(item))
        }
        return described
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
        // A lock (`nbship convert --lock`) pins every transitive dependency with its hashes: the
        // layer then no longer depends on what the index holds on the day of the build.
        let lock = request.project + "/" + DependencyInstaller.lockFile
        let locked = FileManager.default.fileExists(atPath: lock)
        let requirements = locked ? lock : request.project + "/requirements.txt"
        guard let data = FileManager.default.contents(atPath: requirements),
              !DependencyInstaller.requirementLines(String(decoding: data, as: UTF8.self)).isEmpty else { return nil }
        progress(LayerProgress(layer: "dependencies", phase: .preparing))
        var installer = DependencyInstaller(python: request.hostPython, target: target)
        installer.requireHashes = locked
        let host = try HostPython.probe(request.hostPython, logDirectory: request.workDirectory)
        if request.compileBytecode, host.version != target.version {
            throw ImageFailure.general(
                "image.bytecode-version-mismatch",
                "cannot compile bytecode for python \(target.version) with python \(host.version) (\(request.hostPython))",
                notes: ["give --python a python \(target.version), or build without --compile-bytecode"])
        }
        let key = try dependencyKey(request, installer: installer, host: host, requirements: Array(data))
        let bytecode = request.compileBytecode ? ", bytecode compiled (unchecked-hash)" : ""
        let origin = locked ? " from \(DependencyInstaller.lockFile), hashes checked" : ""
        let createdBy = "nbship build: dependencies (pip wheels for python \(target.version)\(origin)\(bytecode)) in /app/deps"
        if let hit = cache.lookup(key) {
            progress(LayerProgress(layer: "dependencies", phase: .finished(hit, reused: true)))
            return NewLayer(blob: hit, path: cache.blobPath(hit.digest), cached: true, createdBy: createdBy, role: "dependencies")
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
        return try write(entries, key: key, cache: cache, createdBy: createdBy, role: "dependencies", request: request, progress: progress)
    }
}
