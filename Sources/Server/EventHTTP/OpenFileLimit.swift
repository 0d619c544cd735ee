#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit (`RLIMIT_NOFILE`): every connection holds one descriptor, so it bounds
/// how many connections the server can keep, and `maxConnections` defaults from it.
enum OpenFileLimit {
    /// Descriptors kept back for the server's own files when `maxConnections` is derived: the event bases,
    /// listeners and log, and the corpus files a reload opens while connections stay open.
    static func reserve(for limit: Int) -> Int { max(32, limit / 10) }

    /// The connection cap derived from an open-file limit: the limit less the reserve, at least 1.
    static func defaultMaxConnections(limit: Int) -> Int { max(1, limit - reserve(for: limit)) }

    /// Raises the soft limit to the hard limit (the soft one is often 1024 while the hard one is far higher)
    /// and returns the soft limit now in force.
    @discardableResult
    static func raiseToHardLimit() -> Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return 1024 }
        if limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = limits.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limits = raised }
        }
        // RLIM_INFINITY is the largest value: treat it as "plenty".
        return limits.rlim_cur >= rlim_t(Int32.max) ? Int(Int32.max) : Int(limits.rlim_cur)
    }
}
