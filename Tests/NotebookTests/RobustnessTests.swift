import Diagnostics
import Foundation
import Testing
@testable import Notebook

/// The reader must never trap: whatever the bytes, it returns a notebook or a located error.
@Suite("robustness")
struct RobustnessTests {
    /// A small deterministic generator (xorshift64*), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ bound: Int) -> Int {
            Int(next() % UInt64(max(bound, 1)))
        }
    }

    private func checkLocated(_ result: Result<ReadResult, DiagnosticError>, size: Int) {
        if case .failure(let error) = result {
            let location = error.diagnostic.location
            #expect(location != nil)
            #expect((location?.line ?? 0) >= 1 && (location?.column ?? 0) >= 1)
            #expect((location?.line ?? 0) <= size + 1)
        }
    }

    @Test("every truncation of a valid notebook is refused with a located error")
    func prefixes() throws {
        let path = TestSupport.fixtures.appendingPathComponent("v4_features.ipynb").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let end = bytes.lastIndex(of: UInt8(ascii: "}")) ?? bytes.count
        for length in 0...end {
            let prefix = Array(bytes[0..<length])
            let result = TestSupport.read(prefix)
            switch result {
            case .success:
                Issue.record("a \(length)-byte prefix read as a notebook")
            case .failure(let error):
                #expect(["notebook.invalid-json", "notebook.empty"].contains(error.diagnostic.id))
                // The error is never past the end of the truncated text.
                let location = try #require(error.diagnostic.location)
                let last = TestSupport.lineColumn(ofOffset: length, in: prefix)
                #expect(location.line < last.line || (location.line == last.line && location.column <= last.column))
            }
        }
        #expect(throws: Never.self) { try TestSupport.read(Array(bytes[0...end])).get() }
    }

    @Test("random byte mutations never trap", arguments: [1, 2, 3, 4])
    func mutations(seed: UInt64) throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 ^ seed)
        let seeds = try TestSupport.fixtureNotebooks().map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let interesting: [UInt8] = Array("{}[],:\"\\ntfu0123456789-.eE\u{7F}".utf8) + [0x00, 0x0A, 0x80, 0xBF, 0xC3, 0xED, 0xF0, 0xFF]
        var successes = 0
        for _ in 0..<400 {
            var bytes = seeds[generator.below(seeds.count)]
            for _ in 0..<(1 + generator.below(4)) {
                guard !bytes.isEmpty else { break }
                let at = generator.below(bytes.count)
                switch generator.below(4) {
                case 0: bytes[at] = interesting[generator.below(interesting.count)]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(interesting[generator.below(interesting.count)], at: at)
                default:
                    let length = min(bytes.count - at, 1 + generator.below(16))
                    bytes.insert(contentsOf: Array(bytes[at..<at + length]), at: at)
                }
            }
            let result = TestSupport.read(bytes, requirePython: false, allowEmpty: true)
            checkLocated(result, size: bytes.count)
            if case .success = result { successes += 1 }
        }
        // Some mutations land in string contents and stay valid.
        #expect(successes > 0)
    }

    @Test("megabytes of base64 output are kept exactly, not decoded")
    func bigOutputs() throws {
        var payload = ""
        payload.reserveCapacity(6_000_000)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var generator = Generator(state: 42)
        for _ in 0..<6_000_000 {
            payload.append(alphabet[generator.below(alphabet.count)])
        }
        let outputs = #"[{"data": {"image/png": "\#(payload)", "text/plain": ["<Figure>"]}, "metadata": {}, "output_type": "display_data"}]"#
        let cell = #"{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": \#(outputs), "source": ["plot()"]}"#
        let text = NotebookReaderTests.notebook(cells: cell)
        let result = try TestSupport.read(text).get()
        let raw = try #require(result.notebook.cells.first?.outputs)
        #expect(raw.count == outputs.utf8.count)
        #expect(raw == RawJSON(unchecked: outputs))
        #expect(raw != RawJSON(unchecked: outputs.replacingOccurrences(of: "<Figure>", with: "<Figurf>")))
        #expect(result.notebook.cells.first?.source == "plot()")

        // One bad byte deep inside the payload is still found, and located.
        var broken = Array(text.utf8)
        let offset = try #require(TestSupport.offset(of: String(payload.prefix(64)), in: broken)) + 4_000_000
        broken[offset] = 0x01
        switch TestSupport.read(broken) {
        case .success:
            Issue.record("a control character in an output was accepted")
        case .failure(let error):
            #expect(error.diagnostic.message == "control character byte 0x1 in string must be escaped")
            let expected = TestSupport.lineColumn(ofOffset: offset, in: broken)
            #expect(error.diagnostic.location?.line == expected.line)
            #expect(error.diagnostic.location?.column == expected.column)
        }
    }
}
