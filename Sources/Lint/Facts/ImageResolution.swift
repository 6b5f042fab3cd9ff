/// What an image reference means once variables are expanded and build stages are known.
public enum ImageResolution: Sendable, Hashable {
    /// A concrete image. `assumption` says what was assumed to get there, e.g.
    /// "build-arg TAG unset", or is `nil` when the text needed no guessing.
    case image(ImageReference, assumption: String?)
    /// An earlier build stage of the same Dockerfile (not an image at all).
    case stage(String)
    /// `scratch`, the empty image.
    case scratch
    /// The text cannot be known before build or deploy time (an unset variable, a template).
    case unresolvable(reason: String)
    /// The expanded text breaks the reference grammar.
    case invalid(ImageReferenceError, expanded: String)
}
