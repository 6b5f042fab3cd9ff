import Foundation
import Testing
@testable import Image

@Suite struct CanonicalJSONTests {
    @Test(arguments: [
        (#"{"b":1,"a":[true,null,"x/y"]}"#, #"{"a":[true,null,"x/y"],"b":1}"#),
        (#"{ "Z" : 1 , "a" : 2 , "_" : 3 }"#, #"{"Z":1,"_":3,"a":2}"#),
        (#"{"é":"ü\n\t\"\\","e":"\u0001"}"#, "{\"e\":\"\\u0001\",\"é\":\"ü\\n\\t\\\"\\\\\"}"),
        (#"[1.0, 2.5, -3, 1e3]"#, #"[1,2.5,-3,1000]"#),
        (#"{"ExposedPorts":{"8000/tcp":{}}}"#, #"{"ExposedPorts":{"8000/tcp":{}}}"#),
    ])
    func reencodesCanonically(input: String, expected: String) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(input.utf8))
        #expect(String(decoding: CanonicalJSON.serialize(value), as: UTF8.self) == expected)
    }

    @Test func keysSortByUTF8BytesNotByLocale() {
        let value = JSONValue.object(["b": .integer(1), "B": .integer(2), "ä": .integer(3), "a": .integer(4)])
        #expect(String(decoding: CanonicalJSON.serialize(value), as: UTF8.self) == #"{"B":2,"a":4,"b":1,"ä":3}"#)
    }

    @Test func typedValuesGoThroughTheSameEncoder() throws {
        let digest = Digest(hex: String(repeating: "ab", count: 32))
        let descriptor = Descriptor(mediaType: MediaType.layerTarGzip, digest: digest, size: 42,
                                    annotations: ["org.opencontainers.image.ref.name": "1.0"])
        let text = String(decoding: try CanonicalJSON.encode(descriptor), as: UTF8.self)
        #expect(text == #"{"annotations":{"org.opencontainers.image.ref.name":"1.0"},"digest":"sha256:\#(digest.hex)","mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":42}"#)
    }

    @Test func digestParsingRejectsMalformedStrings() {
        #expect(Digest(parsing: "sha256:" + String(repeating: "0", count: 64)) != nil)
        #expect(Digest(parsing: "sha256:" + String(repeating: "G", count: 64)) == nil)
        #expect(Digest(parsing: "sha512:" + String(repeating: "0", count: 64)) == nil)
        #expect(Digest(parsing: "sha256:abc") == nil)
    }
}
