extension Version {
    /// PEP 440 ordering: epoch, release (trailing zeros ignored), then pre, post, dev and
    /// local, where a development release of a final version sorts before its pre-releases.
    public static func < (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// PEP 440 equality: `1.0 == 1.0.0`; a local label makes a version differ.
    public static func == (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epoch)
        hasher.combine(Self.trimmed(release))
        hasher.combine(pre)
        hasher.combine(post)
        hasher.combine(dev)
        hasher.combine(local)
    }

    /// Compares two versions.
    /// - Returns: A negative number, zero or a positive number as `lhs` is lower, equal or higher.
    static func compare(_ lhs: Version, _ rhs: Version) -> Int {
        if lhs.epoch != rhs.epoch {
            return lhs.epoch < rhs.epoch ? -1 : 1
        }
        let left = trimmed(lhs.release)
        let right = trimmed(rhs.release)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            if a != b {
                return a < b ? -1 : 1
            }
        }
        let pre = compareKeys(lhs.preKey, rhs.preKey)
        if pre != 0 { return pre }
        let post = compareKeys(lhs.postKey, rhs.postKey)
        if post != 0 { return post }
        let dev = compareKeys(lhs.devKey, rhs.devKey)
        if dev != 0 { return dev }
        return compareLocal(lhs.local, rhs.local)
    }

    private static func trimmed(_ release: [Int]) -> [Int] {
        var release = release
        while release.count > 1, release.last == 0 {
            release.removeLast()
        }
        return release
    }

    /// A sort key with explicit infinities, as PEP 440's ordering needs.
    private enum Key: Comparable {
        case lowest
        case value(Int, Int)
        case highest
    }

    private var preKey: Key {
        if let pre {
            let rank: Int
            switch pre.kind {
            case .alpha: rank = 0
            case .beta: rank = 1
            case .candidate: rank = 2
            }
            return .value(rank, pre.number)
        }
        // 1.0.dev0 sorts before 1.0a0; 1.0.post0.dev0 does not.
        if post == nil, dev != nil {
            return .lowest
        }
        return .highest
    }

    private var postKey: Key {
        post.map { .value($0, 0) } ?? .lowest
    }

    private var devKey: Key {
        dev.map { .value($0, 0) } ?? .highest
    }

    private static func compareKeys(_ lhs: Key, _ rhs: Key) -> Int {
        lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
    }

    private static func compareLocal(_ lhs: [LocalSegment], _ rhs: [LocalSegment]) -> Int {
        // No label sorts before any label; then part by part, a longer label wins a tie.
        for index in 0..<min(lhs.count, rhs.count) where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index] ? -1 : 1
        }
        if lhs.count == rhs.count { return 0 }
        return lhs.count < rhs.count ? -1 : 1
    }
}
