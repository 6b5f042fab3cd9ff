import Archive
import Diagnostics
import Foundation
import Testing
@testable import Image

@Suite(.serialized) struct LayerDeterminismTests {
    /// Writes a small tree in `root` in the given order, with `mtime` and `umask`.
    func makeTree(_ root: String, reversed: Bool, mtime: Int, mask: mode_t) throws {
        let old = umask(mask)
        defer { umask(old) }
        var files: [(String, String)] = [
            ("pkg/__init__.py", ""), ("pkg/model.py", "W = [1, 2, 3]\n"), ("pkg/data-é.csv", "a,b\n1,2\n"),
            ("pkg-extra/readme.txt", "sorted before pkg/ by bytes\n"), ("run.sh", "#!/bin/sh\necho hi\n"),
        ]
        if reversed { files.reverse() }
        for (relative, text) in files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(mtime))], ofItemAtPath: path)
        }
        chmod(root + "/run.sh", 0o700 & ~mask)
        try FileManager.default.createSymbolicLink(atPath: root + "/pkg/link.py", withDestinationPath: "model.py")
        link(root + "/pkg/model.py", root + "/pkg/model-hardlink.py")
    }

    func layer(_ root: String, work: String, name: String, compression: LayerCompression = .defaultGzip) throws -> (LayerBlob, [ArchiveEntry], String) {
        let scan = try LayerTreeScanner(modificationTime: 0).scan([LayerSource(directory: root, destination: "app")])
        let blobPath = work + "/" + name
        let blob = try LayerWriter(compression: compression).write(scan.entries, to: blobPath)
        let reader = try ArchiveReader(path: blobPath)
        var entries: [ArchiveEntry] = []
        while let entry = try reader.next() { entries.append(entry) }
        return (blob, entries, blobPath)
    }

    @Test func sameTreeGivesSameDigestsWhateverTheHostState() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let variants: [(Bool, Int, mode_t)] = [(false, 0, 0o022), (true, 1_700_000_000, 0o077), (false, 86_400, 0o002)]
        var blobs: [LayerBlob] = []
        for (number, (reversed, mtime, mask)) in variants.enumerated() {
            let root = work + "/tree-\(number)/deeper-\(number)"
            try makeTree(root, reversed: reversed, mtime: mtime, mask: mask)
            blobs.append(try layer(root, work: work, name: "blob-\(number)").0)
        }
        #expect(Set(blobs.map(\.digest)).count == 1)
        #expect(Set(blobs.map(\.diffID)).count == 1)
    }

    @Test func entriesAreSortedNormalisedAndLinked() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try makeTree(work + "/tree", reversed: true, mtime: 12345, mask: 0o077)
        let (blob, entries, _) = try layer(work + "/tree", work: work, name: "blob")
        #expect(entries.map(\.path) == [
            "app", "app/pkg", "app/pkg-extra", "app/pkg-extra/readme.txt", "app/pkg/__init__.py", "app/pkg/data-é.csv",
            "app/pkg/link.py", "app/pkg/model-hardlink.py", "app/pkg/model.py", "app/run.sh",
        ])
        #expect(blob.entryCount == entries.count)
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })
        #expect(byPath["app/pkg"]?.permissions == 0o755)
        #expect(byPath["app/pkg/__init__.py"]?.permissions == 0o644)
        #expect(byPath["app/run.sh"]?.permissions == 0o755)
        #expect(byPath["app/pkg/link.py"]?.kind == .symlink(target: "model.py"))
        // The first path in byte order keeps the data; the other becomes a link to it.
        #expect(byPath["app/pkg/model-hardlink.py"]?.kind == .file)
        #expect(byPath["app/pkg/model.py"]?.kind == .hardlink(target: "app/pkg/model-hardlink.py"))
        #expect(entries.allSatisfy { $0.modificationTime == 0 && $0.uid == 0 && $0.gid == 0 && $0.userName.isEmpty && $0.groupName.isEmpty })
    }

    @Test func layerBodyEqualsPythonZlibOracle() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try makeTree(work + "/tree", reversed: false, mtime: 0, mask: 0o022)
        // A larger, compressible file so deflate emits several blocks, over two chunks.
        let big = (0..<50_000).map { "line \($0) of a reproducible layer\n" }.joined()
        try big.write(toFile: work + "/tree/pkg/big.txt", atomically: false, encoding: .utf8)
        let (blob, _, blobPath) = try layer(work + "/tree", work: work, name: "blob", compression: .portableGzip)
        let python = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"
        let result = try Support.run([python, Support.packageRoot + "/Tests/ArchiveTests/gzip_oracle.py", blobPath, work + "/oracle",
                                      "1", String(LayerCompression.gzipChunkSize), String(LayerCompression.dictionarySize)])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == blob.diffID.hex)
        #expect(FileManager.default.contents(atPath: blobPath) == FileManager.default.contents(atPath: work + "/oracle"))
    }

    @Test(arguments: ["../outside.txt", "/etc/passwd", "sub/../../x"])
    func escapingSymlinksAreRefusedWithTheirLocation(target: String) throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/tree/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/tree/evil", withDestinationPath: target)
        let error = try #require(throws: DiagnosticError.self) {
            try LayerTreeScanner(modificationTime: 0).scan([LayerSource(directory: work + "/tree", destination: "app")])
        }
        #expect(error.diagnostic.id == "image.symlink-escapes")
        #expect(error.diagnostic.location?.path == work + "/tree/evil")
        #expect(error.diagnostic.message == "symbolic link points outside the tree: evil -> \(target)")
    }

    @Test func rootFileSystemsKeepAbsoluteLinksOwnersAndSpecialBits() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/root/tmp", withIntermediateDirectories: true)
        chmod(work + "/root/tmp", 0o1777)
        try FileManager.default.createSymbolicLink(atPath: work + "/root/python", withDestinationPath: "/usr/bin/python3.11")
        mkfifo(work + "/root/fifo", 0o644)
        let source = LayerSource(directory: work + "/root", destination: "", modes: .preserved, owner: .preserved, symlinks: .rootFileSystem)
        let scan = try LayerTreeScanner(modificationTime: 7).scan([source])
        #expect(scan.entries.map(\.header.path) == ["python", "tmp"])
        #expect(scan.entries[0].header.kind == .symlink(target: "/usr/bin/python3.11"))
        #expect(scan.entries[1].header.permissions == 0o1777)
        #expect(scan.entries.allSatisfy { $0.header.modificationTime == 7 })
        #expect(scan.skipped == ["fifo"])
    }
}
