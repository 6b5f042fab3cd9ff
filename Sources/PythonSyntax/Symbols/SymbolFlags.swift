/// The flags CPython's `symtable.c` keeps per name and scope (same values and meaning).
enum SymbolFlags {
    static let global = 1
    static let local = 2
    static let parameter = 4
    static let nonlocal = 8
    static let use = 16
    static let free = 32
    static let freeClass = 64
    static let imported = 128
    static let annotated = 256
    static let comprehensionIterator = 512
    static let bound = local | parameter | imported
}
