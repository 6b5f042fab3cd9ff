/// One `symtable_add_def` call, remembered with the top-level statement it came from so
/// facts can be given per statement as well as per cell.
struct SymbolEvent {
    var scope: Int
    var name: String
    var flag: Int
    var statement: Int
}
