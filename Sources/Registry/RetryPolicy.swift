import Foundation

/// How often, and for how long, a request that failed for a transient reason (a connection
/// error, a 5xx, a 429) is tried again: exponential backoff from ``baseDelay`` doubling up to
/// ``maxDelay``, a server's `Retry-After` honoured (capped at ``maxDelay``), at most
/// ``maxAttempts`` tries and never past ``budget`` seconds after the first.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included (1 = no retry).
    public var maxAttempts: Int
    /// The first wait, in seconds.
    public var baseDelay: Double
    /// The longest single wait, in seconds.
    public var maxDelay: Double
    /// The longest time, in seconds, from the first try to the start of the last.
    public var budget: Double

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: Tries in all.
    ///   - baseDelay: The first wait.
    ///   - maxDelay: The longest wait.
    ///   - budget: The time bound on all tries.
    public init(maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 10, budget: Double = 60) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.budget = budget
    }

    /// The wait before try number `attempt + 1`, or nil when no try is left.
    /// - Parameters:
    ///   - attempt: Tries made so far (1 after the first).
    ///   - retryAfter: The server's `Retry-After`, in seconds, if it sent one.
    ///   - elapsed: Seconds since the first try started.
    /// - Returns: Seconds to wait, or nil to give up.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, elapsed: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        let backoff = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        let wait = min(maxDelay, max(retryAfter ?? 0, backoff))
        guard elapsed + wait <= budget else { return nil }
        return wait
    }

    /// Parses a `Retry-After` value: delay seconds (an HTTP date is not honoured: nil).
    /// - Parameter value: The header value.
    /// - Returns: Seconds, or nil.
    public static func retryAfterSeconds(_ value: String?) -> Double? {
        guard let value, let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return seconds
    }
}
