/// A PEP 440 version: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
///
/// Equality and ordering follow PEP 440, not the text: `1.0 == 1.0.0`, `1.0.dev1 < 1.0a1 <
/// 1.0 < 1.0.post1`, and `1.0+local > 1.0`. ``description`` is the normalised form
/// (`1.0-RC1` becomes `1.0rc1`).
public struct Version: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The epoch (`1!` in `1!2.0`), 0 when not written.
    public var epoch: Int
    /// The release numbers (`[2, 1, 4]` for `2.1.4`); never empty.
    public var release: [Int]
    /// The pre-release (`a1`, `b2`, `rc3`), if any.
    public var pre: PreRelease?
    /// The post-release number (`.post1`), if any.
    public var post: Int?
    /// The development release number (`.dev0`), if any.
    public var dev: Int?
    /// The local version label (`+ubuntu.1` gives `[.text("ubuntu"), .number(1)]`); empty when none.
    public var local: [LocalSegment]

    /// Creates a version from its parts.
    /// - Parameters:
    ///   - epoch: The epoch, usually 0.
    ///   - release: The release numbers; must not be empty.
    ///   - pre: The pre-release, if any.
    ///   - post: The post-release number, if any.
    ///   - dev: The development release number, if any.
    ///   - local: The local label, empty for none.
    public init(epoch: Int = 0, release: [Int], pre: PreRelease? = nil, post: Int? = nil, dev: Int? = nil, local: [LocalSegment] = []) {
        self.epoch = epoch
        self.release = release.isEmpty ? [0] : release
        self.pre = pre
        self.post = post
        self.dev = dev
        self.local = local
    }

    /// Whether this is a pre-release or a development release.
    public var isPrerelease: Bool { pre != nil || dev != nil }

    /// Whether this is a post-release.
    public var isPostrelease: Bool { post != nil }

    /// The version without its local label (PEP 440's "public version").
    public var publicVersion: Version {
        Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev)
    }

    /// The epoch and release only (`1!2.0rc1.post3` gives `1!2.0`).
    public var baseVersion: Version {
        Version(epoch: epoch, release: release)
    }

    /// The normalised text of the version.
    public var description: String {
        var text = epoch == 0 ? "" : "\(epoch)!"
        text += release.map(String.init).joined(separator: ".")
        if let pre {
            text += pre.kind.rawValue + String(pre.number)
        }
        if let post {
            text += ".post\(post)"
        }
        if let dev {
            text += ".dev\(dev)"
        }
        if !local.isEmpty {
            text += "+" + local.map(\.description).joined(separator: ".")
        }
        return text
    }
}
