import Diagnostics

/// A Jupyter notebook, read and normalised to the nbformat 4 model.
///
/// The boundary type of the **read** stage (`bytes → Notebook`).
public struct Notebook: Sendable, Equatable {
    /// Major format version of the model: 4 (a version 2 or 3 file is upgraded on read, and
    /// ``upgradedFrom`` says from what).
    public var nbformat: Int
    /// Minor format version as found in the file (0 for an upgraded notebook or when the
    /// file has none).
    public var nbformatMinor: Int
    /// The kernel the notebook was written for.
    public var kernel: KernelInfo
    /// The cells, in order; `Cell.index` counts all cells from 0.
    public var cells: [Cell]
    /// The notebook-level `metadata`, as written (`kernelspec`, `language_info`, widget
    /// state, …); for an upgraded notebook, without v3's `name` and `signature`.
    public var metadata: JSONValue
    /// The version of the file when it was upgraded from nbformat 2 or 3, else `nil`.
    public var upgradedFrom: NotebookVersion?
    /// Where the kernel is declared: the `kernelspec` key, else `language_info`, else (for an
    /// upgraded notebook) the first code cell's `language`; `nil` when nowhere.
    public var kernelLocation: SourceLocation?
    /// Where the cells are: the `cells` key (the `worksheets` key for an upgraded notebook).
    public var cellsLocation: SourceLocation?

    /// Creates a notebook.
    public init(
        nbformat: Int, nbformatMinor: Int, kernel: KernelInfo, cells: [Cell],
        metadata: JSONValue = .object([]), upgradedFrom: NotebookVersion? = nil,
        kernelLocation: SourceLocation? = nil, cellsLocation: SourceLocation? = nil
    ) {
        self.nbformat = nbformat
        self.nbformatMinor = nbformatMinor
        self.kernel = kernel
        self.cells = cells
        self.metadata = metadata
        self.upgradedFrom = upgradedFrom
        self.kernelLocation = kernelLocation
        self.cellsLocation = cellsLocation
    }
}
