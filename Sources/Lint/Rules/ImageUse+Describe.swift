extension ImageUse {
    /// How a message names the place, e.g. `FROM image 'debian'`.
    var subject: String {
        switch origin {
        case .from: "base image '\(written)'"
        case .copyFrom: "COPY --from image '\(written)'"
        case .mountFrom: "RUN --mount image '\(written)'"
        case .compose: "compose image '\(written)'"
        case .kubernetes: "container image '\(written)'"
        }
    }

    /// The concrete reference, when there is one.
    var reference: (ImageReference, assumption: String?)? {
        if case .image(let reference, let assumption) = resolution { return (reference, assumption) }
        return nil
    }

    /// A note saying what was assumed, if anything.
    var assumptionNotes: [String] {
        guard let assumption = reference?.assumption else { return [] }
        return ["judged \(assumption)"]
    }
}
