import Foundation
import TestSupport
@testable import Requirements

/// What the real interpreter's `importlib.metadata` says about every distribution, for the
/// differential tests: in `distributions()` order, with the current directory removed from
/// `sys.path` as the probe script removes it.
struct MetadataOracle {
    /// One distribution as `importlib.metadata` sees it.
    struct Entry: Decodable, Equatable, CustomStringConvertible {
        var path: String
        var name: String
        var version: String?
        /// `packages_distributions()`'s names for it: `top_level.txt`, else inferred from files.
        var topLevel: [String]

        var description: String { "\(name) \(version ?? "-") \(topLevel) at \(path)" }
    }

    static let script = #"""
import json, os, sys
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
import importlib.metadata as md
out = []
for d in md.distributions():
    m = d.metadata
    name = m["Name"] if m else None
    if not name:
        continue
    tops = md._top_level_declared(d) or md._top_level_inferred(d)
    out.append({"path": str(d._path), "name": name, "version": d.version, "topLevel": sorted(set(tops))})
print(json.dumps({"sys_path": sys.path, "distributions": out}))
"""#

    var searchPath: [String]
    var distributions: [Entry]

    /// Runs the oracle with `python`.
    /// - Parameters:
    ///   - python: The interpreter.
    ///   - environment: Variables set on top of this process's.
    ///   - directory: The working directory.
    static func ask(_ python: String, environment: [String: String] = [:], in directory: URL) throws -> MetadataOracle {
        struct Reply: Decodable {
            var sys_path: [String]
            var distributions: [Entry]
        }
        let result = try ProcessRunner.run([python, "-c", script], in: directory, environment: environment)
        guard result.status == 0 else { throw OracleFailure(message: result.stderr) }
        let reply = try JSONDecoder().decode(Reply.self, from: result.stdoutData)
        return MetadataOracle(searchPath: reply.sys_path, distributions: reply.distributions)
    }

    /// The same list, read by nbship from disk.
    static func entries(_ installed: InstalledEnvironment) -> [Entry] {
        installed.distributions.all.map {
            Entry(path: $0.metadataPath, name: $0.name, version: $0.version, topLevel: $0.topLevelModules(for: installed.layout.version))
        }
    }

    /// A query naming every distribution (and one that is not installed), every top-level
    /// module, a few submodules of each distribution's files, and modules nobody provides.
    static func query(for installed: InstalledEnvironment) -> EnvironmentQuery {
        var modules: Set<String> = ["surely_not_a_module_nbship", "nsroot", "nsroot.nobody"]
        for distribution in installed.distributions.all {
            let tops = distribution.topLevelModules(for: installed.layout.version)
            modules.formUnion(tops)
            modules.formUnion(tops.map { $0 + ".surely_missing" })
            let submodules = (distribution.files(MetadataDialect(installed.layout.version)) ?? [])
                .filter { $0.hasSuffix(".py") && !$0.hasPrefix("..") }
                .map { String($0.dropLast(3)).replacingOccurrences(of: "/", with: ".").replacingOccurrences(of: ".__init__", with: "") }
                .sorted()
                .prefix(3)
            modules.formUnion(submodules)
        }
        return EnvironmentQuery(
            distributions: installed.distributions.all.map(\.name) + ["surely-not-installed-nbship"],
            modules: Array(modules)
        )
    }
}

struct OracleFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
