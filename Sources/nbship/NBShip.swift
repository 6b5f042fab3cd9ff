import ArgumentParser

/// The `nbship` command: turns Jupyter notebooks into tested, pinned, deployable projects.
@main
struct NBShip: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nbship",
        abstract: "Turn a Jupyter notebook into a tested, pinned, deployable project and container image.",
        discussion: """
            nbship is a compiler for notebooks: it reads the .ipynb, analyses the Python in every \
            cell, sorts the cells into data / model / train / evaluate / inference stages, and \
            (in later releases) writes the project and builds an OCI image without a Docker daemon.

            Exit codes: 0 success, 1 findings or a failed build, 2 bad input or usage.
            """,
        version: NBShipVersion.current,
        subcommands: [Build.self, Inspect.self, Base.self]
    )
}
