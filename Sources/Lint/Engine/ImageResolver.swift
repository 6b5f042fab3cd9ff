/// Decides what an image reference with variables means.
///
/// - Every variable known: the expanded text is parsed.
/// - The last path component and the tag are written out after the last unknown variable
///   (`${REGISTRY}/ubuntu`, `$REPO/$IMAGE:latest`): the tag is known, so it is judged.
/// - Otherwise the text is judged as the build sees it with the variables unset (Docker and
///   Compose substitute the empty string): `alpine$TAG` is `alpine`. If that is empty or not
///   a valid reference, the reference is unresolvable.
public enum ImageResolver {
    /// The placeholder registry used when the registry part is a variable.
    static let unknownDomain = "$unknown"

    /// Resolves an expanded reference.
    /// - Parameters:
    ///   - expanded: The reference after variable expansion.
    ///   - variableKind: What to call the variables in messages (`build-arg`, `variable`).
    /// - Returns: The resolution.
    public static func resolve(_ expanded: ExpandedText, variableKind: String) -> ImageResolution {
        if let text = expanded.literal {
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { return .unresolvable(reason: "the reference is empty") }
            do {
                return .image(try ImageReference.parse(trimmed), assumption: nil)
            } catch {
                return .invalid(error, expanded: trimmed)
            }
        }
        let names = Array(Set(expanded.unknownNames)).sorted()
        let nameList = names.map { variableKind + " " + $0 }.joined(separator: ", ")
        let tail = expanded.tailAfterLastUnknown
        var probe: String?
        if let slash = tail.firstIndex(of: "/") {
            probe = "unknown.invalid" + tail[slash...]
        } else if tail.hasPrefix(":") || tail.hasPrefix("@") {
            probe = "unknown.invalid/unknown" + tail
        }
        if let probe, var reference = try? ImageReference.parse(probe) {
            reference.original = expanded.withUnknownsEmpty
            reference.domain = unknownDomain
            return .image(reference, assumption: "whatever value \(nameList) has")
        }
        let unset = expanded.withUnknownsEmpty.trimmingSpaces
        if !unset.isEmpty, let reference = try? ImageReference.parse(unset) {
            return .image(reference, assumption: "when \(nameList) is not set")
        }
        return .unresolvable(reason: "it depends on \(nameList), which has no default value")
    }
}
