import Dispatch
import Model

/// The JSON of every item of the two lists whose pages are the largest to write, encoded once a snapshot when it is
/// installed: each article's list summary (`/articles`, `/articles/{date}`, an entity's `mentionedIn`) and each
/// speaker (`/speakers`). A page is then copied out in slices, not written field by field: writing items per request
/// cost 1.3-3.3 us an item, most of an uncached `/speakers?limit=200` or `/articles/{date}?limit=100`.
///
/// The other lists (quotes, figures, entities) stay written per request (`EncodedList`): their JSON is most of the
/// 2,500 bytes an article that holding every item encoded cost. These two cost about 480 bytes an article (the
/// summaries) and 190 a speaker.
final class EncodedPages: Sendable {
    /// Article summaries, in snapshot order.
    let articleSummaries: PackedJSON
    /// Speakers, in snapshot order.
    let speakers: PackedJSON

    /// Encodes the lists of `snapshot` (the two at once, on two threads). With `previous` (the snapshot it replaces
    /// and that snapshot's pages), an item equal to one of the previous snapshot's is copied from its pages rather
    /// than written again: the article summaries of the articles the new snapshot carried over from it
    /// (`CorpusSnapshot.carriedArticles`, whose summaries are the same by construction), in runs, and the speakers
    /// whose summary is unchanged. The bytes are those encoding everything would give.
    init(_ snapshot: CorpusSnapshot, previous: (snapshot: CorpusSnapshot, pages: EncodedPages)? = nil) {
        let parts = Parts()
        let articleMap = previous.flatMap { snapshot.carriedArticles(from: $0.snapshot) }
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                let write = { (i: Int, w: inout JSONWriter) in snapshot.articles[i].writeSummaryJSON(to: &w) }
                if let previous, let articleMap {
                    parts.articles = PackedJSON(snapshot.articles.count, reusing: previous.pages.articleSummaries,
                                                at: { Int(articleMap[$0]) }, write: write)
                } else {
                    parts.articles = PackedJSON(snapshot.articles.count, write: write)
                }
            } else {
                let write = { (i: Int, w: inout JSONWriter) in snapshot.speakers[i].writeJSON(to: &w) }
                if let previous {
                    let map = Self.sameSpeakers(snapshot.speakers, previous.snapshot.speakers)
                    parts.speakers = PackedJSON(snapshot.speakers.count, reusing: previous.pages.speakers, at: { map[$0] }, write: write)
                } else {
                    parts.speakers = PackedJSON(snapshot.speakers.count, write: write)
                }
            }
        }
        articleSummaries = parts.articles!
        speakers = parts.speakers!
    }

    /// For each speaker of `new`, the position in `old` of the same speaker with the same summary, or -1. A
    /// speaker is keyed as the speaker table keys them: by entity id, or else by name.
    static func sameSpeakers(_ new: [CorpusSnapshot.SpeakerSummary], _ old: [CorpusSnapshot.SpeakerSummary]) -> [Int] {
        func key(_ s: CorpusSnapshot.SpeakerSummary) -> String { s.entityId.map { "e" + $0 } ?? "n" + s.name }
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(old.count)
        for (j, s) in old.enumerated() { byKey[key(s)] = j }
        return new.map { s in byKey[key(s)].flatMap { old[$0] == s ? $0 : nil } ?? -1 }
    }

    /// The two lists while they are made: each written by one thread, read after both are done.
    private final class Parts: @unchecked Sendable {
        var articles: PackedJSON?
        var speakers: PackedJSON?
    }
}

/// The JSON of `count` items, end to end in one array, with where each begins.
struct PackedJSON: Sendable {
    /// Every item's JSON, one after another.
    let bytes: [UInt8]
    /// Where item i begins (`starts[i]`) and ends (`starts[i + 1]`).
    let starts: [UInt32]

    /// Writes items 0..<count with `write`.
    init(_ count: Int, write: (Int, inout JSONWriter) -> Void) {
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        starts.append(0)
        for i in 0..<count {
            var w = JSONWriter(capacity: 512)
            write(i, &w)
            bytes += w.bytes
            starts.append(UInt32(bytes.count))
        }
        // Copied to its exact size: the array grew by doubling, and up to half of it would be spare for as long as
        // the snapshot is served.
        self.bytes = Array(bytes[...])
        self.starts = starts
    }

    /// Items 0..<count, item i copied from `old`'s item `at(i)` when that is not negative (runs of consecutive
    /// items in one copy), else written with `write`. Sized exactly: the fresh items are written first.
    init(_ count: Int, reusing old: PackedJSON, at: (Int) -> Int, write: (Int, inout JSONWriter) -> Void) {
        var fresh: [Int: [UInt8]] = [:]
        var total = 0
        for i in 0..<count {
            let j = at(i)
            if j >= 0 {
                total += Int(old.starts[j + 1] - old.starts[j])
            } else {
                var w = JSONWriter(capacity: 512)
                write(i, &w)
                total += w.bytes.count
                fresh[i] = w.bytes
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        starts.append(0)
        var i = 0
        while i < count {
            let j = at(i)
            guard j >= 0 else {
                bytes += fresh[i]!
                starts.append(UInt32(bytes.count))
                i += 1
                continue
            }
            // The run of items that follow one another in `old` too.
            var end = i + 1
            while end < count && at(end) == j + (end - i) { end += 1 }
            let shift = Int64(bytes.count) - Int64(old.starts[j])
            bytes += old.bytes[Int(old.starts[j])..<Int(old.starts[j + end - i])]
            for k in (j + 1)...(j + end - i) { starts.append(UInt32(Int64(old.starts[k]) + shift)) }
            i = end
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// How many items.
    var count: Int { starts.count - 1 }

    /// Item i's JSON.
    subscript(i: Int) -> ArraySlice<UInt8> { bytes[Int(starts[i])..<Int(starts[i + 1])] }
}
