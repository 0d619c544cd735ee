import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Server

/// When a worker hands connections to another (`ConnectionBalance`).
@Suite struct ConnectionBalanceTests {
    @Test(arguments: [
        // waits in the window, idle cores, CPU share, own, fewest -> how many
        (0, 0.8, 1.0, 64, 0, 16),    // never waited, a core idle: a quarter of its connections
        (2, 0.5, 1.0, 8, 2, 2),      // never so many that the other ends with more
        (0, 0.8, 1.0, 3, 1, 1),
        (0, 0.8, 1.0, 2, 1, 0),      // one apart: moving one would only swap them
        (3, 0.8, 1.0, 64, 0, 0),     // it waited for its clients: one thread serves them all
        (120, 0.8, 1.0, 64, 0, 0),   // (a client on the other core makes it wait hundreds of times a second)
        (0, 0.2, 0.9, 64, 0, 0),     // saturated, but the client keeps the other core: no core to add
        (0, 0.0, 0.3, 64, 0, 16),    // saturated and kept from its core by other work: a second thread gets a turn
        (5, 0.0, 0.3, 64, 0, 0),
        (0, 0.8, 1.0, 40, 39, 0),
    ])
    func aWorkerHandsConnectionsOverOnlyWhenSaturatedBesideAnIdleCore(waits: Int, idle: Double, share: Double, own: Int,
                                                                      fewest: Int, expected: Int) {
        #expect(ConnectionBalance.handOverCount(waits: waits, idleCores: idle, cpuShare: share, own: own, fewest: fewest)
                == expected)
    }

    @Test func theMachinesIdleTicksAreReadFromProcStat() {
        let text = Array("cpu  4398211 39868 459656 906380 6415 0 95153 12107 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n".utf8)
        #expect(text.withUnsafeBufferPointer { ConnectionBalance.parseIdleTicks($0) } == 906_380 + 6_415)
        for bad in ["cpu0 1 2 3 4 5\n", "cpu  1 2 3\n", "intr 1 2 3 4 5\n", ""] {
            #expect(Array(bad.utf8).withUnsafeBufferPointer { ConnectionBalance.parseIdleTicks($0) } == nil, "\(bad)")
        }
        // On Linux the live file reads, and its idle time only grows.
        if let first = ConnectionBalance.machineIdleTicks() {
            #expect((ConnectionBalance.machineIdleTicks() ?? 0) >= first)
        }
    }

    @Test func aThreadCountsItsWaitsAndItsCPUTime() throws {
        let before = try #require(ConnectionBalance.threadUsage())
        usleep(1000)
        var x = 0
        for i in 0..<3_000_000 { x &+= i &* i }
        #expect(x != 1)
        let after = try #require(ConnectionBalance.threadUsage())
        #expect(after.waits > before.waits, "a sleep gives up the core")
        #expect(after.cpu > before.cpu)
    }
}
