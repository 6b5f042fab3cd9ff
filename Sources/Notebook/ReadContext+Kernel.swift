import Diagnostics

extension ReadContext {
    /// The kernel described by notebook `metadata`, and the offset of the key that
    /// declares it (`kernelspec`, else `language_info`).
    mutating func kernelInfo(_ metadata: JSONNode) throws(DiagnosticError) -> (KernelInfo, Int?) {
        var kernel = KernelInfo()
        var offset: Int?
        if let spec = metadata.member("kernelspec") {
            try requireObject(spec.value, "'metadata.kernelspec'")
            kernel.name = spec.value.member("name")?.value.string
            kernel.language = spec.value.member("language")?.value.string
            kernel.displayName = spec.value.member("display_name")?.value.string
            offset = spec.keyOffset
        }
        if let info = metadata.member("language_info") {
            if !info.value.isObject {
                warn("notebook.invalid-metadata", "'metadata.language_info' must be an object, found \(info.value.typeDescription); ignored", at: info.value.offset)
            } else if let name = info.value.member("name")?.value.string {
                kernel.language = name
                offset = offset ?? info.keyOffset
            }
        }
        return (kernel, offset)
    }
}
