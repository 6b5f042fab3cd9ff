import ArgumentParser
import Foundation

/// The `nbship` command: turns Jupyter notebooks into tested, pinned, deployable projects.
@main
struct NBShip: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nbship",
        abstract: "Turn a Jupyter notebook into a tested, pinned, deployable project and container image.",
        discussion: """
            nbship is a compiler for notebooks. `plan` reads the .ipynb, analyses the Python \
            in every cell and sorts the cells into setup / data / model / train / evaluate / \
            inference / explore stages, showing every decision. `convert` writes the project \
            the notebook becomes: stage modules with real signatures, tests, exact pins, a \
            serving API and a Dockerfile. `lint` fails CI on floating versions. `build`, \
            `inspect` and `base` make reproducible OCI images without a Docker daemon. `new`, \
            `templates` and `student` serve course instructors.

            Exit codes: 0 success, 1 findings or a failed build, 2 bad input or usage.
            """,
        version: NBShipVersion.current,
        subcommands: [Plan.self, Convert.self, LintCommand.self, Build.self, Inspect.self, Base.self, New.self, Templates.self, Student.self, Push.self, Pull.self, VerifyCommand.self]
    )

    /// Runs the command, with usage errors exiting 2 (the convention of this tool: 2 is bad
    /// input or usage) instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
