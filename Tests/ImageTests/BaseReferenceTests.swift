import Testing
@testable import Image

@Suite struct BaseReferenceTests {
    @Test(arguments: [
        ("scratch", BaseReference.scratch),
        ("oci-archive:/tmp/base.tar", .ociArchive(path: "/tmp/base.tar", tag: nil)),
        ("oci-archive:/tmp/base.tar:bookworm", .ociArchive(path: "/tmp/base.tar", tag: "bookworm")),
        ("oci:layout:1.0", .ociLayout(directory: "layout", tag: "1.0")),
        ("oci:/a:b/layout", .ociLayout(directory: "/a:b/layout", tag: nil)),
        ("docker-archive:/tmp/d.tar", .dockerArchive(path: "/tmp/d.tar")),
    ])
    func parses(text: String, expected: BaseReference) {
        #expect(BaseReference(parsing: text) == expected)
    }

    @Test(arguments: ["", "python:3.11", "oci-archive:", "docker-archive:", "registry:foo"])
    func refuses(text: String) {
        #expect(BaseReference(parsing: text) == nil)
    }

    @Test(arguments: [
        ("irisdemo", "1.0", "docker.io/library/irisdemo:1.0"),
        ("acme/irisdemo", "2", "docker.io/acme/irisdemo:2"),
        ("ghcr.io/acme/irisdemo", "2", "ghcr.io/acme/irisdemo:2"),
        ("localhost/x", "t", "localhost/x:t"),
    ])
    func fullNames(name: String, tag: String, expected: String) {
        #expect(ImageAssembler.fullName(name, tag) == expected)
    }
}
