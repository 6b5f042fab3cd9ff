import Diagnostics
import Foundation

/// Reads the data files shipped in the target's resource bundle.
enum BundledResource {
    /// The UTF-8 text of a bundled resource.
    /// - Parameters:
    ///   - name: The file name without extension.
    ///   - ext: The extension.
    /// - Throws: ``DiagnosticError`` (`requirements.missing-data`) when it cannot be read.
    static func text(named name: String, extension ext: String) throws(DiagnosticError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8)
        else {
            throw DiagnosticError(.error("requirements.missing-data", "cannot read nbship's data file \(name).\(ext)"))
        }
        return text
    }
}
