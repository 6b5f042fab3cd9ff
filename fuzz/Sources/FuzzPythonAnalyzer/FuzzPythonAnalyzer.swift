import PythonSyntax
import Refactor

/// libFuzzer entry: any text must lower and analyse without a crash, whatever it is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPythonAnalyzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = PythonAnalyzer.analyze(source)
    if let python = Lowering.lower(source).python {
        _ = PythonAnalyzer.analyze(python)
    }
    return 0
}
