import Diagnostics

/// A call whose result changes from run to run: the notebook drew from a random generator
/// nobody seeded (or that the project no longer draws from in the notebook's order), or read
/// the clock.
public struct UnseededDraw: Sendable, Equatable, Codable {
    /// Where the call is.
    public var location: SourceLocation
    /// The generator.
    public var family: RandomnessFamily
    /// What is unseeded, for people (`train_test_split without random_state`).
    public var reason: String

    /// Creates a draw.
    public init(location: SourceLocation, family: RandomnessFamily, reason: String) {
        self.location = location
        self.family = family
        self.reason = reason
    }
}
