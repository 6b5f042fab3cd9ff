/// Raised inside the resolver when stated pins disagree (already reported as a diagnostic).
struct PinConflict: Error {}
