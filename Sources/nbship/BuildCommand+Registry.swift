import ArgumentParser
import Foundation
import Image
import Registry

extension NBShip.Build {
    /// The prefix of a base pulled from a registry.
    static let registryPrefix = "docker://"

    /// A base the build can load, and the pin to record before building.
    struct ResolvedBase {
        var reference: BaseReference
        /// The new `[tool.nbship] base` value, when it changed.
        var newPin: String?
    }

    /// Turns `--base` into a loadable reference: `docker://…` is pulled into the cache (at
    /// the digest pinned in pyproject.toml for the same name and tag, unless `--update-base`)
    /// and laid out as an OCI directory linking the cached blobs.
    func resolveBase(work: String) async throws -> ResolvedBase {
        guard base.hasPrefix(Self.registryPrefix) else {
            guard let reference = BaseReference(parsing: base) else { throw ExitCode(2) }
            return ResolvedBase(reference: reference, newPin: nil)
        }
        let requested = try RegistryArguments.reference(base, option: "--base")
        let pyproject = project + "/pyproject.toml"
        let text = FileManager.default.contents(atPath: pyproject).map { String(decoding: $0, as: UTF8.self) }
        var target = requested
        if requested.digest == nil, !updateBase, let pinText = text.flatMap(BasePin.read),
           let pin = try? ImageReference(parsing: pinText), pin.digest != nil, pin.name == requested.name, pin.tag == requested.tag {
            target = pin
        }
        let pulled = try await RegistryCommandSupport.pull(
            target, platform: try RegistryCommandSupport.platform(platform), arguments: registry, cacheDirectory: cacheDir)
        let directory = work + "/registry-base"
        try pulled.writeLinkedLayout(to: directory)
        let pin = pulled.resolved.description
        let changed = text != nil && text.flatMap(BasePin.read) != pin
        return ResolvedBase(reference: .ociLayout(directory: directory, tag: nil), newPin: changed ? pin : nil)
    }

    /// Records the resolved base in pyproject.toml (atomically) when it changed.
    func recordPin(_ pin: String?) throws {
        guard let pin else { return }
        let pyproject = project + "/pyproject.toml"
        guard let data = FileManager.default.contents(atPath: pyproject) else { return }
        try AtomicWriter.writeFile(BasePin.write(pin, into: String(decoding: data, as: UTF8.self)), to: pyproject, force: true)
        Terminal.writeError("pinned the base in \(pyproject): \(BasePin.key) = \"\(pin)\"\n")
    }

    /// `--push REF`: pushes the written archive.
    func pushIfAsked(work: String) async throws {
        guard let push else { return }
        let target = try RegistryArguments.reference(push, option: "--push")
        _ = try await RegistryCommandSupport.push(archive: output, to: target, arguments: registry, cacheDirectory: cacheDir,
                                                  format: .text, work: work)
    }
}
