/// The version of nbship, printed by `nbship --version` and recorded in generated files.
enum NBShipVersion {
    static let current = "0.1.0"
}
