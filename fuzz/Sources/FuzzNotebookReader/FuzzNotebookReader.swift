import Notebook

/// libFuzzer entry: any bytes must give a notebook or a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebookReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? NotebookReader().read(bytes, path: "fuzz.ipynb")
    _ = try? NotebookReader(requirePython: false, allowEmpty: true).read(bytes, path: "fuzz.ipynb")
    return 0
}
