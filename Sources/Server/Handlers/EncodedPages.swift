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

    /// Encodes the lists of `snapshot` (the two at once, on two threads).
    init(_ snapshot: CorpusSnapshot) {
        let parts = Parts()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                parts.articles = PackedJSON(snapshot.articles.count) { i, w in snapshot.articles[i].writeSummaryJSON(to: &w) }
            } else {
                parts.speakers = PackedJSON(snapshot.speakers.count) { i, w in snapshot.speakers[i].writeJSON(to: &w) }
            }
        }
        articleSummaries = parts.articles!
        speakers = parts.speakers!
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

    /// How many items.
    var count: Int { starts.count - 1 }

    /// Item i's JSON.
    subscript(i: Int) -> ArraySlice<UInt8> { bytes[Int(starts[i])..<Int(starts[i + 1])] }
}
