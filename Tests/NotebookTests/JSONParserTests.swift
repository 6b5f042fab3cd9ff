import Diagnostics
import Testing
@testable import Notebook

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ bytes: [UInt8]) -> Result<JSONNode, JSONSyntaxError> {
        switch JSONDocument.parse(ByteStorage(bytes), from: 0) {
        case .success(let parsed): .success(parsed.root)
        case .failure(let failure): .failure(failure.error)
        }
    }

    private func value(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8)).get().jsonValue
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        syntaxError(Array(text.utf8))
    }

    private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
        if case .failure(let error) = parse(bytes) { return error }
        return nil
    }

    @Test("simple escapes decode")
    func simpleEscapes() throws {
        #expect(try value(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{08}e\u{0C}f\ng\rh\ti"))
        #expect(try value(#""\u0041\u00e9\u4e2d""#) == .string("Aé中"))
        #expect(try value(#""\u00E9""#) == .string("é"))
    }

    @Test("a surrogate pair becomes one scalar")
    func surrogatePair() throws {
        #expect(try value(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try value(#""x\uD83D\uDE00y""#) == .string("x😀y"))
    }

    @Test("lone surrogates become U+FFFD, as Python's json accepts them")
    func loneSurrogates() throws {
        #expect(try value(#""\ud800""#) == .string("\u{FFFD}"))
        #expect(try value(#""\udc00x""#) == .string("\u{FFFD}x"))
        // A high surrogate followed by a non-low escape keeps that escape.
        #expect(try value(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(try value(#""\ud83d\n""#) == .string("\u{FFFD}\n"))
    }

    @Test("raw UTF-8 passes through, invalid UTF-8 is an error")
    func utf8() throws {
        #expect(try value("\"héllo 😀 中\"") == .string("héllo 😀 中"))
        let cases: [[UInt8]] = [
            [0x22, 0xFF, 0x22],             // never valid
            [0x22, 0xC0, 0xAF, 0x22],       // overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22], // encoded surrogate
            [0x22, 0xE4, 0xB8, 0x22],       // truncated sequence
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // beyond U+10FFFF
        ]
        for bytes in cases {
            let error = try #require(syntaxError(bytes))
            #expect(error.message == "invalid UTF-8 in string")
            #expect(error.offset == 1)
        }
    }

    @Test("numbers are kept as written and validated strictly")
    func numbers() throws {
        #expect(try value("0") == .number("0"))
        #expect(try value("-12.5e+30") == .number("-12.5e+30"))
        #expect(try value("123456789012345678901234567890") == .number("123456789012345678901234567890"))
        #expect(try value("123456789012345678901234567890").intValue == nil)
        #expect(try value("-9223372036854775808").intValue == Int.min)
        #expect(try value("9223372036854775808").intValue == nil)
        #expect(try value("1.0").intValue == nil)
        for bad in ["-", "1.", ".5", "1e", "1e+", "+1", "NaN", "Infinity", "-Infinity", "0x10"] {
            #expect(syntaxError(bad) != nil, "accepted \(bad)")
        }
        // A leading zero ends the number; what follows is then unexpected.
        #expect(syntaxError("[01]")?.message == "expected ',' or ']' after array element, found '1'")
    }

    @Test("literals, arrays and objects keep order and duplicates")
    func structure() throws {
        let parsed = try value(#"{"b": [true, false, null], "a": {}, "b": 2}"#)
        #expect(parsed == .object([
            JSONMember(key: "b", value: .array([.bool(true), .bool(false), .null])),
            JSONMember(key: "a", value: .object([])),
            JSONMember(key: "b", value: .number("2")),
        ]))
        #expect(parsed["b"] == .number("2"))
        #expect(try value(" \t\r\n[ ] ") == .array([]))
    }

    @Test("non-RFC 8259 input is refused", arguments: [
        ("[1,]", "expected a JSON value, found ']'"),
        (#"{"a":1,}"#, "expected a string key after ',', found '}'"),
        ("{'a':1}", "expected a string key or '}', found '''"),
        ("[1 2]", "expected ',' or ']' after array element, found '2'"),
        (#"{"a" 1}"#, "expected ':' after object key, found '1'"),
        (#"{"a":1 "b":2}"#, "expected ',' or '}' after object member, found '\"'"),
        ("// c\n{}", "expected a JSON value, found '/'"),
        ("{} /* c */", "unexpected '/' after the end of the JSON document"),
        ("[tru]", "expected a JSON value, found 't'"),
        ("\"a\tb\"", "control character byte 0x9 in string must be escaped"),
        (#""\x""#, "invalid escape '\\x' in string"),
        (#""\u12G4""#, "invalid escape: '\\u' must be followed by four hex digits"),
        ("[", "unexpected end of file"),
        (#"{"a":"#, "unexpected end of file"),
        (#""abc"#, "unterminated string"),
        ("{} {}", "unexpected '{' after the end of the JSON document"),
    ])
    func refusals(text: String, message: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message == message)
    }

    @Test("errors carry the offset of the offending byte")
    func offsets() throws {
        #expect(syntaxError(#"{"a": [1, 2,, 3]}"#)?.offset == 12)
        #expect(syntaxError(#"["ok", "never closed]"#)?.offset == 7)
        #expect(syntaxError("[1, 2")?.offset == 5)
        #expect(syntaxError("  x")?.offset == 2)
    }

    @Test("nesting deeper than the cap is a clear error, not a stack overflow")
    func deepNesting() throws {
        let limit = JSONScanner.maxDepth
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try value(ok) }
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(syntaxError(deep))
        #expect(error.message == "arrays and objects nested deeper than \(limit) levels")
        #expect(error.offset == limit)
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        #expect(syntaxError(objects)?.message == "arrays and objects nested deeper than \(limit) levels")
    }

    @Test("skipping raw values validates exactly like parsing")
    func rawSkipping() throws {
        // Values under a cell's "outputs" are skipped, not parsed; the same errors apply.
        func rawError(_ outputs: String) -> String? {
            let text = #"{"cells": [{"outputs": "# + outputs + #"}]}"#
            return syntaxError(text)?.message
        }
        #expect(rawError(#"[{"data": {"image/png": "iVBORw0KGgo=\n"}, "n": -1.5e3, "t": [true, null]}]"#) == nil)
        #expect(rawError("[1,]") == "expected a JSON value, found ']'")
        #expect(rawError(#"[{"a" 1}]"#) == "expected ':' after object key, found '1'")
        #expect(rawError(#"["\q"]"#) == "invalid escape '\\q' in string")
        #expect(rawError("[\"a\u{01}\"]") == "control character byte 0x1 in string must be escaped")
        #expect(rawError(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
            == "arrays and objects nested deeper than \(JSONScanner.maxDepth) levels")
        var invalid = Array(#"{"cells": [{"outputs": ["abc"#.utf8)
        invalid += [0xC3, 0x28]
        invalid += Array(#""]}]}"#.utf8)
        #expect(syntaxError(invalid)?.message == "invalid UTF-8 in string")
    }

    @Test("the fast string scan finds specials at every alignment")
    func scanAlignment() throws {
        // Long ASCII runs with the special byte at each position of an 8-byte word.
        for length in 0..<40 {
            let body = String(repeating: "A", count: length)
            #expect(try value("\"\(body)\"") == .string(body))
            #expect(try value("\"\(body)\\n\(body)\"") == .string(body + "\n" + body))
            #expect(try value("\"\(body)é\(body)\"") == .string(body + "é" + body))
            #expect(syntaxError("\"\(body)\u{7}\(body)\"")?.offset == 1 + length)
            #expect(syntaxError("\"\(body)")?.message == "unterminated string")
        }
    }
}
