// A tiny driver for timing the read stage alone: reads each notebook given as an argument
// with NotebookReader and prints its cell count (or the diagnostic, exit 2).
// Built by read_ratio.py against the release objects of the Notebook target; not part of
// the package.
import Notebook

var status: Int32 = 0
for path in CommandLine.arguments.dropFirst() {
    do {
        let result = try NotebookReader().read(contentsOf: path)
        print(result.notebook.cells.count)
    } catch {
        print(error.description)
        status = 2
    }
}
if status != 0 {
    fatalError("read failed")
}
