/// One package named on an install command line, e.g. `pandas>=2`, `torch[cuda]`,
/// `git+https://github.com/o/r@abc123`, or conda's `conda-forge::numpy=1.26`.
public struct PackageSpec: Sendable, Equatable, Codable {
    /// The argument as written (quotes removed).
    public var raw: String
    /// The distribution name, when one can be read (`nil` for a bare URL or path).
    public var name: String?
    /// Extras in brackets, e.g. `["cuda"]`.
    public var extras: [String]
    /// The version specifier, e.g. `>=2`, `==1.4.0`, `=1.26` (conda); `nil` when unpinned.
    public var specifier: String?
    /// A direct URL or path (`git+https://…`, `./pkg`, `pkg.whl`), if any.
    public var url: String?
    /// An environment marker after `;`, if any.
    public var marker: String?
    /// A conda channel (`conda-forge::numpy`), if any.
    public var channel: String?
    /// Whether it came with `-e`/`--editable`.
    public var editable: Bool

    /// Creates a package spec.
    /// - Parameters:
    ///   - raw: The argument as written.
    ///   - name: The distribution name, if known.
    ///   - extras: Extras in brackets.
    ///   - specifier: The version specifier, if any.
    ///   - url: A direct URL or path, if any.
    ///   - marker: An environment marker, if any.
    ///   - channel: A conda channel, if any.
    ///   - editable: Whether it is an editable install.
    public init(raw: String, name: String?, extras: [String] = [], specifier: String? = nil, url: String? = nil,
                marker: String? = nil, channel: String? = nil, editable: Bool = false) {
        self.raw = raw
        self.name = name
        self.extras = extras
        self.specifier = specifier
        self.url = url
        self.marker = marker
        self.channel = channel
        self.editable = editable
    }
}
