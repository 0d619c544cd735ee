import Dispatch

/// Times the steps of a job for the log (`load_steps`, `index_steps`): each `lap` records the seconds since the
/// previous lap, or since the timer was made.
public struct StepTimer: Sendable {
    private var clock = DispatchTime.now().uptimeNanoseconds
    /// Each step's name and seconds, in order.
    public private(set) var steps: [(step: String, seconds: Double)] = []

    /// Starts timing now.
    public init() {}

    /// Ends the step `step` now.
    public mutating func lap(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((step, Double(now - clock) / 1e9))
        clock = now
    }
}
