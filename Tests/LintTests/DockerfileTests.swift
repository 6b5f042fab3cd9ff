import Diagnostics
import Testing
@testable import Lint

@Suite struct DockerfileTests {
    @Test func continuationsJoinAndCommentLinesInsideThemAreDropped() {
        let text = "FROM python:3.12\nRUN pip install \\\n# a comment inside the continuation\n    numpy==1.26.4 \\\n\n    pandas\n"
        let dockerfile = DockerfileParser.parse(text)
        #expect(dockerfile.instructions.map(\.keyword) == ["FROM", "RUN"])
        #expect(dockerfile.instructions[1].line == 2 && dockerfile.instructions[1].endLine == 6)
        #expect(LintHarness.summary(["Dockerfile": text]) == ["pip.unpinned@Dockerfile:6:5"])
    }

    @Test func escapeDirectiveChangesTheContinuationCharacter() {
        let text = "# escape=`\nFROM python:3.12\nRUN pip install `\n    flask\n"
        #expect(DockerfileParser.parse(text).escape == UInt8(ascii: "`"))
        #expect(LintHarness.summary(["Dockerfile": text]) == ["pip.unpinned@Dockerfile:4:5"])
    }

    @Test func escapeDirectiveAfterAnInstructionIsAComment() {
        let text = "FROM python:3.12\n# escape=`\nRUN echo `\n"
        #expect(DockerfileParser.parse(text).escape == UInt8(ascii: "\\"))
    }

    @Test func heredocBodiesAreShellAndTheirDelimitersEndThem() {
        let text = "FROM python:3.12\nRUN <<-EOT bash\n\tpip install requests\n\tEOT\nRUN <<'EOF'\nset -e\nEOF\nFROM alpine\n"
        let dockerfile = DockerfileParser.parse(text)
        #expect(dockerfile.instructions.map(\.keyword) == ["FROM", "RUN", "RUN", "FROM"])
        #expect(LintHarness.summary(["Dockerfile": text]) == [
            "pip.unpinned@Dockerfile:3:14", "image.untagged@Dockerfile:8:6",
        ])
    }

    @Test func fromWithPlatformAndLowercaseKeywords() {
        let text = "from --platform=$BUILDPLATFORM golang:1.22 as build\nfrom --platform=linux/amd64 debian AS final\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.untagged@Dockerfile:2:29"])
    }

    @Test func globalArgWithoutValueReimportedInStageForCopyFrom() {
        let text = "ARG WEB=nginx:latest\nFROM python:3.12\nARG WEB\nCOPY --from=${WEB} /a /b\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.latest-tag@Dockerfile:4:13"])
    }

    @Test func stageArgIsNotVisibleToCopyFromWithoutRedeclaration() {
        let text = "ARG WEB=nginx:1.27\nFROM python:3.12\nCOPY --from=${WEB} /a /b\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.unresolvable@Dockerfile:3:13"])
    }

    @Test(arguments: [
        ("ARG V=3.12\nFROM python:${V:-3.11}\n", [String]()),
        ("ARG V\nFROM python:${V:-latest}\n", ["image.latest-tag@Dockerfile:2:6"]),
        ("ARG BASE=python\nARG V=3.12\nFROM $BASE:$V-slim\n", []),
        ("ARG IMG=python:${V}\nFROM ${IMG}\n", ["image.unresolvable@Dockerfile:2:6"]),
        ("ARG IMG=python${V}\nFROM ${IMG}\n", ["image.untagged@Dockerfile:2:6"]),
        ("FROM ${REGISTRY:-ghcr.io}/org/app:${TAG:-latest}\n", ["image.latest-tag@Dockerfile:1:6"]),
    ])
    func argumentExpansion(_ text: String, _ expected: [String]) {
        #expect(LintHarness.summary(["Dockerfile": text]) == expected)
    }

    @Test func onbuildInstructionsAreChecked() {
        let text = "FROM python:3.12\nONBUILD RUN pip install flask\nONBUILD COPY --from=nginx /a /b\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == [
            "pip.unpinned@Dockerfile:2:25", "image.untagged@Dockerfile:3:21",
        ])
    }

    @Test func multipleCommandsWithSudoEnvAndRedirections() {
        let text = "FROM python:3.12\nRUN sudo -E pip3 install --user black 2>&1 >/dev/null; PIP_NO_CACHE=1 python3 -m pip install isort || true\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == [
            "pip.unpinned@Dockerfile:2:33", "pip.unpinned@Dockerfile:2:94",
        ])
    }

    @Test func windowsLineEndingsAndCommentsAreHandled() {
        let text = "# syntax=docker/dockerfile:1\r\n# a comment\r\nFROM debian\r\n"
        #expect(LintHarness.summary(["Dockerfile": text]) == ["image.untagged@Dockerfile:3:6"])
    }

    @Test(arguments: ["Dockerfile", "Dockerfile.prod", "build/app.dockerfile", "Containerfile", "docker/Dockerfile.dev"])
    func dockerfileNamesAreRecognised(_ path: String) {
        #expect(FileKind.detect(path: path) == .dockerfile)
    }
}
