/// A CPython installation or virtual environment recognised on disk, so that its version and
/// its installed distributions can be read without starting it (``PythonLayout/recognise(executable:environment:)``).
public struct PythonLayout: Sendable, Hashable, Codable {
    /// The site-packages conventions of the base installation's `site.py`.
    public enum SiteFlavour: String, Sendable, Hashable, Codable {
        /// CPython's own: `PREFIX/lib/pythonX.Y/site-packages`.
        case standard
        /// Debian's patched `site.py`: `/usr/local/lib/pythonX.Y/dist-packages`,
        /// `/usr/lib/python3/dist-packages`, `/usr/lib/pythonX.Y/dist-packages`.
        case debian
    }

    /// The interpreter as chosen (absolute, symbolic links not resolved).
    public var executable: String
    /// Its full version, `3.11.7`.
    public var release: String
    /// Its feature version, `3.11`.
    public var version: PythonVersion
    /// `sys.prefix`: the virtual environment's folder, or the installation's prefix.
    public var prefix: String
    /// `sys.base_prefix`: the installation the standard library comes from.
    public var basePrefix: String
    /// Whether ``prefix`` is a virtual environment (it has a `pyvenv.cfg`).
    public var isVirtualEnvironment: Bool
    /// A virtual environment's `include-system-site-packages = true` (always `true` otherwise:
    /// a bare installation sees its own site-packages).
    public var includeSystemSitePackages: Bool
    /// The base installation's site-packages conventions.
    public var flavour: SiteFlavour
    /// Where the version was read (`pyvenv.cfg`, `include/python3.11/patchlevel.h`).
    public var versionSource: String

    /// The `lib/pythonX.Y` part of paths.
    var libraryName: String { "python\(version.major).\(version.minor)" }

    /// The base installation's standard library folder (`PREFIX/lib/pythonX.Y`).
    var standardLibrary: String { basePrefix + "/lib/" + libraryName }
}
