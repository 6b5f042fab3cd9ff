import Crypto
import Foundation
import Testing
@testable import Image

/// Ten runs of the real binary, each varying the host: build folder, umask, TZ, LC_ALL, file
/// mtimes, creation order, --jobs, cache directory, wall clock and the CPUs it may use
/// (`taskset -c 0`, so one compressing thread, against both cores). One manifest digest, one
/// archive, for gzip and for zstd.
@Suite struct ReproducibilityTests {
    struct Variant: Sendable, CustomStringConvertible {
        var umask: String
        var timeZone: String
        var locale: String
        var reversed: Bool
        var mtime: Int
        var jobs: Int
        var oneCPU: Bool
        var description: String {
            "umask \(umask) TZ \(timeZone) LC_ALL \(locale) reversed \(reversed) mtime \(mtime) jobs \(jobs) one CPU \(oneCPU)"
        }
    }

    static let variants: [Variant] = (0..<10).map { number in
        Variant(umask: ["022", "077", "002", "027"][number % 4],
                timeZone: ["UTC", "Asia/Tokyo", "America/New_York", "Pacific/Chatham", "Europe/Berlin"][number % 5],
                locale: ["C", "C.UTF-8", "POSIX"][number % 3], reversed: number % 2 == 1,
                mtime: 1_000_000_007 * (number + 1) % 2_000_000_000, jobs: [1, 2, 4][number % 3], oneCPU: number % 4 < 2)
    }

    /// 2.5 MiB of half noise, half text (fixed).
    static let weights: [UInt8] = {
        var state: UInt32 = 2_463_534_242
        return (0..<(5 << 19)).map { index in
            guard (index >> 15) % 2 == 0 else { return UInt8(ascii: "a") + UInt8(index % 23) }
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
    }()

    @Test(.enabled(if: Support.binary != nil && Support.has("sh") && Support.has("taskset")), arguments: ["gzip", "zstd"])
    func tenBuildsGiveOneDigest(compression: String) throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        var digests: Set<String> = []
        var archives: Set<String> = []
        for (number, variant) in Self.variants.enumerated() {
            let project = work + "/run-\(number)/" + String(repeating: "nest/", count: number) + "irisdemo"
            try Support.copyFixture(to: project, reversed: variant.reversed, mtime: variant.mtime)
            // A model of several compression chunks, so chunk seams and worker counts matter.
            try Data(Self.weights).write(to: URL(fileURLWithPath: project + "/artifacts/weights.bin"))
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = nil
            environment["TZ"] = variant.timeZone
            environment["LC_ALL"] = variant.locale
            let output = work + "/out-\(number).tar"
            let cpus = variant.oneCPU ? "taskset -c 0 " : ""
            let script = "umask \(variant.umask) && exec \(cpus)\"$0\" build . -o \"$1\" --tag irisdemo:1.0 --jobs \(variant.jobs) "
                + "--compression \(compression) --cache-dir \"$2\" --digest-file \"$3\""
            let result = try Support.run(["sh", "-c", script, binary, output, work + "/cache-\(compression)-\(number % 3)", work + "/digest-\(number)"],
                                         environment: environment, directory: project)
            #expect(result.status == 0, "\(variant): \(result.stderr)")
            let printed = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try String(contentsOfFile: work + "/digest-\(number)", encoding: .utf8) == printed + "\n")
            digests.insert(printed)
            archives.insert(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: output))).hexString)
        }
        #expect(digests.count == 1, "\(digests)")
        #expect(archives.count == 1)
    }

    @Test(.enabled(if: Support.binary != nil))
    func epochChangesTheDigestAndIsRecorded() throws {
        let binary = try #require(Support.binary)
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let zero = try Support.run([binary, "build", Support.fixture, "-o", work + "/a.tar", "--tag", "irisdemo:1.0", "--epoch", "0"])
        let later = try Support.run([binary, "build", Support.fixture, "-o", work + "/b.tar", "--tag", "irisdemo:1.0", "--epoch", "1700000000"])
        #expect(zero.status == 0 && later.status == 0)
        #expect(zero.stdout != later.stdout)
        let report = try ImageInspector(workDirectory: work).inspect(work + "/b.tar", verify: true)
        #expect(report.images.first?.config["created"] == .string("2023-11-14T22:13:20Z"))
    }
}
