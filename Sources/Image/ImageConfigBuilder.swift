import Foundation

/// Derives the new image's config from the base's: environment, working directory, user,
/// command, ports, labels, history and diff_ids.
struct ImageConfigBuilder {
    var request: ImageBuildRequest
    var hasDependencies: Bool
    /// Labels beyond the standard ones (the project's metadata, then the request's).
    var labels: [String: String] = [:]

    /// Where the dependency layer's console scripts (`uvicorn`, …) are.
    static let dependencyScripts = "/app/deps/bin"

    /// The package under `src/` that has a `serve.py` (the API to run), if exactly one does.
    func servedPackage() -> String? {
        let src = request.project + "/src"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: src)) ?? []
        let packages = names.sorted().filter { FileManager.default.fileExists(atPath: "\(src)/\($0)/serve.py") }
        return packages.count == 1 ? packages[0] : nil
    }

    /// `created` and every history timestamp: the epoch in RFC 3339.
    var created: String { Self.rfc3339(request.epoch) }

    /// `1970-01-01T00:00:00Z` for 0. Plain integer arithmetic (days to civil date, proleptic
    /// Gregorian): Foundation's date formatters load ICU's time-zone data, about 10 MiB of
    /// memory, for a string that never needs a time zone.
    static func rfc3339(_ epoch: Int64) -> String {
        let (days, seconds) = epoch.quotientAndRemainder(dividingBy: 86_400)
        let (day, second) = seconds < 0 ? (days - 1, seconds + 86_400) : (days, seconds)
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(dayOfMonth))T\(two(second / 3600))"
            + ":\(two(second % 3600 / 60)):\(two(second % 60))Z"
    }

    func config(base: JSONValue, newLayers: [(diffID: Digest, createdBy: String)]) -> JSONValue {
        var config = base
        config["created"] = .string(created)
        if config["architecture"] == nil { config["architecture"] = .string("amd64") }
        if config["os"] == nil { config["os"] = .string("linux") }

        var inner = config["config"] ?? .object([:])
        var environment = (inner["Env"]?.arrayValue ?? []).compactMap(\.stringValue)
        // A variable the base sets keeps its place; a new one goes last.
        func setEnv(_ name: String, _ value: String) {
            let entry = "\(name)=\(value)"
            guard let first = environment.firstIndex(where: { $0.hasPrefix(name + "=") }) else {
                environment.append(entry)
                return
            }
            environment = environment.enumerated().compactMap { index, item in
                index == first ? entry : (item.hasPrefix(name + "=") ? nil : item)
            }
        }
        let basePath = environment.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
            ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        let hasScripts = basePath.split(separator: ":").contains { $0 == Self.dependencyScripts }
        setEnv("PATH", hasDependencies && !hasScripts ? Self.dependencyScripts + ":" + basePath : basePath)
        setEnv("PYTHONPATH", hasDependencies ? "/app/src:/app/deps" : "/app/src")
        setEnv("PYTHONDONTWRITEBYTECODE", "1")
        setEnv("PYTHONUNBUFFERED", "1")
        inner["WorkingDir"] = .string("/app")
        inner["User"] = .string("\(request.appUser):\(request.appUser)")
        if let package = servedPackage() {
            let command = serveCommand(package)
            // A module that runs itself and reads PORT listens where the image says.
            if readsPort(package) { setEnv("PORT", String(request.port)) }
            inner["Cmd"] = .array(command.map { .string($0) })
            inner["Entrypoint"] = nil
        }
        inner["Env"] = .array(environment.map { .string($0) })
        var ports = inner["ExposedPorts"]?.objectValue ?? [:]
        ports["\(request.port)/tcp"] = .object([:])
        inner["ExposedPorts"] = .object(ports)
        var labels = inner["Labels"]?.objectValue ?? [:]
        labels["org.opencontainers.image.title"] = .string(request.name)
        labels["org.opencontainers.image.version"] = .string(request.tag)
        labels["org.opencontainers.image.created"] = .string(created)
        labels["org.opencontainers.image.ref.name"] = .string(request.tag)
        if let package = servedPackage() { labels["io.nbship.package"] = .string(package) }
        for (key, value) in self.labels { labels[key] = .string(value) }
        inner["Labels"] = .object(labels)
        config["config"] = inner

        var rootfs = config["rootfs"] ?? .object(["type": .string("layers")])
        rootfs["diff_ids"] = .array((rootfs["diff_ids"]?.arrayValue ?? []) + newLayers.map { .string($0.diffID.description) })
        config["rootfs"] = rootfs
        var history = config["history"]?.arrayValue ?? []
        for layer in newLayers {
            history.append(.object([
                "created": .string(created), "created_by": .string(layer.createdBy),
                "comment": .string("nbship \(request.toolVersion)"),
            ]))
        }
        config["history"] = .array(history)
        return config
    }
}
