/// A Jupyter notebook, read and normalised to the nbformat 4 model.
///
/// The boundary type of the **read** stage (`bytes → Notebook`).
public struct Notebook: Sendable, Equatable {
    /// Major format version as found in the file (3 is upgraded to 4 on read).
    public var nbformat: Int
    /// Minor format version as found in the file.
    public var nbformatMinor: Int
    /// The kernel the notebook was written for.
    public var kernel: KernelInfo
    /// The cells, in order; `Cell.index` counts all cells from 0.
    public var cells: [Cell]

    /// Creates a notebook.
    public init(nbformat: Int, nbformatMinor: Int, kernel: KernelInfo, cells: [Cell]) {
        self.nbformat = nbformat
        self.nbformatMinor = nbformatMinor
        self.kernel = kernel
        self.cells = cells
    }
}
