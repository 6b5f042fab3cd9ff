extension ImageUse {
    /// How a message names the place, e.g. `base image 'debian'`, with what variables
    /// expanded to when that is known (`base image '${BASE}' ('python:3.12')`).
    var subject: String {
        let place = switch origin {
        case .from: "base image"
        case .copyFrom: "COPY --from image"
        case .mountFrom: "RUN --mount image"
        case .compose: "compose image"
        case .kubernetes: "container image"
        case .workflowContainer: "workflow container image"
        case .dockerAction: "docker action image"
        case .gitlab: "CI image"
        case .helm: "Helm values image"
        case .kustomize: "kustomize image override"
        case .devcontainer: "dev container image"
        }
        var text = "\(place) '\(written)'"
        if written.contains("$"), let (reference, assumption) = reference, assumption == nil,
           reference.original != written {
            text += " ('\(reference.original)')"
        }
        return text
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
