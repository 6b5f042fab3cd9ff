/// How a name resolves in one scope (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, …).
enum Resolution: Equatable {
    case local
    case globalExplicit
    case globalImplicit
    case free

    var isGlobal: Bool {
        self == .globalExplicit || self == .globalImplicit
    }
}
