#if canImport(Glibc)
import Glibc
#endif

/// Which thread serves a connection. The first worker accepts every connection, and the others get connections only
/// when a worker is saturated while the machine has a core to spare: when over a window its thread never (or almost
/// never) waited for an event, every turn of its loop finding requests ready, and the machine's CPUs were idle for at
/// least `spareCores` of a core, or the thread itself had less than `starvedShare` of one (other work holds the cores,
/// and a second thread gets a second turn). The saturated worker then hands some of its connections, each between two requests
/// with nothing of the next one received, to the worker with the fewest, and its new connections go there at once.
///
/// Why not one listener per thread (`SO_REUSEPORT`, which spreads connections by a hash of their addresses): a client on
/// the same cores as the server (`scripts/bench-http.sh`: wrk and the server share 2 cores) then meets two server
/// threads that take turns on its core, each sleeping and waking for half of the connections; one thread that keeps its
/// core while the client keeps the other answers more (nginx, whose workers all wait on one listener, serves all 64
/// connections of wrk from one worker). Such a thread waits for the client hundreds of times a second (its voluntary
/// context switches: 500 to 1,000 a second under `wrk -c64` of a cached path), and when it does not, the client leaves no
/// core idle: it keeps its connections. A thread kept busy by uncached queries never waits (none in 3 s) while the client
/// uses a quarter of a core: a second thread then takes part of its connections.
enum ConnectionBalance {
    /// Length of the window over which a worker measures its load.
    static let windowNanoseconds: UInt64 = 200_000_000
    /// Most times a worker's thread may have waited for events in a window to count as saturated.
    static let saturatedWaits = 2
    /// Idle CPU (in cores) the machine must have had over the window for another thread to help.
    static let spareCores = 0.5
    /// CPU time over wall time below which a saturated thread counts as kept from its core by other work.
    static let starvedShare = 0.5

    /// How many connections a worker with `own` connections hands over in the next window to the worker with
    /// `fewest`, its thread having waited `waits` times in the last window and run `cpuShare` of it while the machine
    /// had `idleCores` idle: none unless it is saturated, a core was idle or the thread starved, and the other has
    /// fewer; at most a quarter of its own, and never so many that the other would end with more.
    static func handOverCount(waits: Int, idleCores: Double, cpuShare: Double, own: Int, fewest: Int) -> Int {
        guard waits <= saturatedWaits, idleCores >= spareCores || cpuShare < starvedShare, own > fewest + 1 else { return 0 }
        return max(1, min((own - fewest) / 2, own / 4))
    }

    /// How many times the calling thread has given up its core of its own accord (to wait: `epoll_wait` with nothing
    /// ready), and the CPU time it has used in nanoseconds; nil when they cannot be read.
    static func threadUsage() -> (waits: Int, cpu: UInt64)? {
        var usage = rusage()
        // RUSAGE_THREAD (1, Linux): not exported to Swift.
        guard getrusage(__rusage_who_t(1), &usage) == 0 else { return nil }
        let micros = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return (usage.ru_nvcsw, UInt64(max(0, micros)) * 1000)
    }

    /// Clock ticks a second of `/proc/stat`.
    static let ticksPerSecond = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))

    /// Idle clock ticks of the whole machine since boot (`idle` and `iowait` of `/proc/stat`'s first line), or nil
    /// when it cannot be read (no `/proc`: the threads then never hand connections over).
    static func machineIdleTicks() -> UInt64? {
        let fd = open("/proc/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer -> UInt64? in
            let n = read(fd, buffer.baseAddress, buffer.count)
            guard n > 0 else { return nil }
            return parseIdleTicks(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// The idle and iowait ticks of a `/proc/stat` text's first line (`cpu  user nice system idle iowait ...`).
    static func parseIdleTicks(_ text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard text.count > 4, text[0] == UInt8(ascii: "c"), text[1] == UInt8(ascii: "p"), text[2] == UInt8(ascii: "u"),
              text[3] == UInt8(ascii: " ") else { return nil }
        var fields: [UInt64] = []
        var i = 4
        while i < text.count && text[i] != UInt8(ascii: "\n") && fields.count < 5 {
            while i < text.count && text[i] == UInt8(ascii: " ") { i += 1 }
            var value: UInt64 = 0
            var digits = 0
            while i < text.count, text[i] >= UInt8(ascii: "0"), text[i] <= UInt8(ascii: "9") {
                value = value &* 10 &+ UInt64(text[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            guard digits > 0 else { break }
            fields.append(value)
        }
        guard fields.count == 5 else { return nil }
        return fields[3] + fields[4]
    }
}

/// A worker's load over its current window, and what it hands over in this one: kept behind a pointer, as the
/// worker's `Date`, so that the per-request check reads it without a run-time exclusivity check.
struct BalanceState {
    /// When the window began (monotonic ns), the thread's waits and CPU time then, and the machine's idle ticks.
    var windowStart: UInt64 = 0
    var usageAtStart: (waits: Int, cpu: UInt64)?
    var idleAtStart: UInt64?
    /// Connections left to hand over in this window, and to which worker.
    var budget = 0
    var target: Int = -1
}
