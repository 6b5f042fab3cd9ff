#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

extension NotebookReader {
    /// Reads a notebook file.
    /// - Parameter path: The file, as the user named it (also used in diagnostics).
    /// - Returns: The notebook and its warnings.
    /// - Throws: `notebook.io` when the file cannot be read, else as ``read(_:path:)``.
    public func read(contentsOf path: String) throws(DiagnosticError) -> ReadResult {
        try read(NotebookReader.storage(of: path), path: path)
    }

    /// The bytes of a file: a read-only mapping for a regular file (no copy), else read.
    static func storage(of path: String) throws(DiagnosticError) -> ByteStorage {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return ByteStorage(try contents(of: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
            return ByteStorage(try contents(of: path))
        }
        let size = Int(status.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let pointer = mmap(nil, size, PROT_READ, flags, descriptor, 0), pointer != MAP_FAILED else {
            return ByteStorage(try contents(of: path))
        }
        return ByteStorage(mapping: pointer, count: size)
    }

    /// The bytes of a file, read with POSIX calls (no Foundation in this library).
    static func contents(of path: String) throws(DiagnosticError) -> [UInt8] {
        func failure(_ what: String) -> DiagnosticError {
            let reason = String(cString: strerror(errno))
            return DiagnosticError(.error("notebook.io", "cannot \(what) '\(path)': \(reason.lowercased())"))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("read") }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticError(.error("notebook.io", "cannot read '\(path)': it is a directory"))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(status.st_size)) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let size = max(0, Int(status.st_size))
        if size > 0 {
            // Read straight into the array's storage when the size is known.
            var total = 0
            var failed = false
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                while total < size, let base = buffer.baseAddress {
                    let count = systemRead(descriptor, base + total, size - total)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        break
                    }
                    if count == 0 { break }
                    total += count
                }
                initialized = total
            }
            if failed { throw failure("read") }
        }
        // Anything beyond the size fstat reported (a growing file, a pipe).
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

/// `read(2)`, named apart from ``NotebookReader/read(_:path:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
