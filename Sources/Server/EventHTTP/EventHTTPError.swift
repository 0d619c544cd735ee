/// A libevent call that failed, by name.
enum EventHTTPError: Error, CustomStringConvertible, Equatable {
    /// `event_base_new` returned NULL.
    case baseCreationFailed
    /// `pipe` failed (a worker's wake-up pipe).
    case pipeFailed(errno: Int32)
    /// The host is not an IP address libevent can parse.
    case badAddress(host: String, port: Int)
    /// `evconnlistener_new_bind` failed (port in use, no permission, …).
    case bindFailed(host: String, port: Int, errno: Int32)
    /// `pthread_create` failed.
    case threadStartFailed(errno: Int32)

    var description: String {
        switch self {
        case .baseCreationFailed: return "event_base_new failed"
        case .pipeFailed(let e): return "pipe failed: \(String(cString: strerror(e)))"
        case .badAddress(let host, let port): return "evutil_parse_sockaddr_port: cannot parse '\(host)' port \(port) (use an IP address such as 127.0.0.1, 0.0.0.0 or ::1)"
        case .bindFailed(let host, let port, let e): return "evconnlistener_new_bind \(host):\(port) failed: \(String(cString: strerror(e)))"
        case .threadStartFailed(let e): return "pthread_create failed: \(String(cString: strerror(e)))"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
