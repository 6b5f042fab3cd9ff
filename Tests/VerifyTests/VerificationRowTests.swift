import Testing
@testable import Verify

@Suite("VerificationRow")
struct VerificationRowTests {
    @Test("report lines decode, junk is skipped, and the table pads its columns")
    func table() {
        let text = """
            {"cell": "cell_3", "recorded": "R2: 0.95", "reproduced": "R2: 0.95", "verdict": "same"}
            not json
            {"cell": "cell_12", "recorded": "acc 0.8", "reproduced": null, "verdict": "missing"}
            """
        let rows = VerificationRow.rows(text)
        #expect(rows.map(\.cell) == ["cell_3", "cell_12"])
        #expect(rows.map(\.passed) == [true, false])
        #expect(VerificationRow.table(rows) == """
            cell     recorded  reproduced  verdict
            cell_3   R2: 0.95  R2: 0.95    same
            cell_12  acc 0.8   —           missing

            """)
    }
}
