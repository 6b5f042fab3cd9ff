extension PackageInstall {
    /// How a message names the package.
    var subject: String { "'\(spec)'" }

    /// The fix for this ecosystem.
    var pinAdvice: String {
        switch ecosystem {
        case .pip, .pipx: "pin an exact version with '==' (or install from a pinned requirements file)"
        case .conda: "pin a version with '=' or '=='"
        case .apt: "pin a version with 'package=version'"
        case .apk: "pin a version with 'package=version'"
        case .npm: "pin a version with 'package@version'"
        }
    }
}
