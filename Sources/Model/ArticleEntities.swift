/// An article's entities, held compactly: one `[UInt32]` per article whose strings (ids, names, aliases, mention
/// texts) and place data (subtype, country, GeoNames id, coordinates, division) are indices into the process-wide
/// `EntityPool`, where each distinct one is held once.
///
/// The `ArticleEntity` values an article was made with come back exactly (strings byte for byte, coordinates bit
/// for bit): a 152-byte struct per entity and article, a 32-byte span and a string per mention, became about 24
/// bytes per entity and 12 per mention.
///
/// Layout of `words`: the entity count `n`, then `n` offsets into `words` (one per entity), then per entity
/// `descriptor, name, mentions, aliasCount, spanCount`, its aliases (string indices), and its spans as
/// `start, end, text` triples.
public struct ArticleEntities: Sendable, Equatable {
    /// The packed entities, as laid out above; empty for none.
    let words: [UInt32]

    /// No entities.
    public init() { words = [] }

    /// Packs `entities`, interning their strings and place data in the pool.
    public init(_ entities: [ArticleEntity]) {
        guard !entities.isEmpty else {
            words = []
            return
        }
        var words: [UInt32] = []
        var size = 1 + entities.count
        for e in entities { size += 5 + e.aliases.count + 3 * e.mentionSpans.count }
        words.reserveCapacity(size)
        words.append(UInt32(entities.count))
        words.append(contentsOf: repeatElement(0, count: entities.count))
        EntityPool.shared.intern { pool in
            for (k, e) in entities.enumerated() {
                words[1 + k] = UInt32(words.count)
                let descriptor = EntityPool.Descriptor(e, strings: &pool)
                words.append(pool.descriptor(descriptor))
                words.append(pool.string(e.name))
                words.append(Self.word(e.mentions))
                words.append(UInt32(e.aliases.count))
                words.append(UInt32(e.mentionSpans.count))
                for alias in e.aliases { words.append(pool.string(alias)) }
                for span in e.mentionSpans {
                    words.append(Self.word(span.start))
                    words.append(Self.word(span.end))
                    words.append(pool.string(span.text))
                }
            }
        }
        self.words = words
    }

    /// A count or offset as a word.
    private static func word(_ value: Int) -> UInt32 {
        precondition(value >= 0 && value <= Int(UInt32.max), "entity field \(value) out of range")
        return UInt32(value)
    }

    /// Number of entities.
    public var count: Int { words.isEmpty ? 0 : Int(words[0]) }

    /// Whether there are none.
    public var isEmpty: Bool { count == 0 }

    /// The entities, as they were packed.
    public var all: [ArticleEntity] { (0..<count).map { self[$0] } }

    /// Entity `k`, as it was packed.
    public subscript(k: Int) -> ArticleEntity {
        entity(k, spans: true)
    }

    /// Entity `k`; without its spans (`mentionSpans` empty, `mentions` as packed) when `spans` is false, for the
    /// corpus gathering, which reads the rest only.
    public func entity(_ k: Int, spans: Bool) -> ArticleEntity {
        let pool = EntityPool.shared
        var at = Int(words[1 + k])
        let d = pool.descriptor(at: words[at])
        let name = pool.string(at: words[at + 1])
        let mentions = Int(words[at + 2])
        let aliasCount = Int(words[at + 3]), spanCount = Int(words[at + 4])
        at += 5
        var aliases: [String] = []
        aliases.reserveCapacity(aliasCount)
        for i in 0..<aliasCount { aliases.append(pool.string(at: words[at + i])) }
        at += aliasCount
        var mentionSpans: [MentionSpan] = []
        if spans {
            mentionSpans.reserveCapacity(spanCount)
            for i in 0..<spanCount {
                let s = at + 3 * i
                mentionSpans.append(MentionSpan(start: Int(words[s]), end: Int(words[s + 1]), text: pool.string(at: words[s + 2])))
            }
        }
        return ArticleEntity(
            id: pool.string(at: d.id), name: name, type: d.type, subtype: pool.optionalString(at: d.subtype),
            countryCode: pool.optionalString(at: d.countryCode), geonamesId: d.geonamesId, coordinates: d.coordinates,
            admin1Code: pool.optionalString(at: d.admin1Code), aliases: aliases, mentions: mentions,
            mentionSpans: mentionSpans)
    }

    /// The id and type of entity `k`, without making the rest.
    public func idAndType(_ k: Int) -> (id: String, type: EntityType) {
        let d = EntityPool.shared.descriptor(at: words[Int(words[1 + k])])
        return (EntityPool.shared.string(at: d.id), d.type)
    }

    /// Writes entity `k` as API.md's ArticleEntity, as `ArticleEntity.writeJSON` does, straight from the pool.
    public func writeJSON(_ k: Int, to w: inout JSONWriter) {
        let pool = EntityPool.shared
        var at = Int(words[1 + k])
        let d = pool.descriptor(at: words[at])
        w.beginObject()
        w.key("id"); w.string(pool.string(at: d.id))
        w.key("name"); w.string(pool.string(at: words[at + 1]))
        w.key("type"); w.string(d.type.rawValue)
        w.key("subtype"); w.string(pool.optionalString(at: d.subtype))
        w.key("countryCode"); w.string(pool.optionalString(at: d.countryCode))
        w.key("geonamesId"); w.int(d.geonamesId)
        w.key("coordinates")
        if let coordinates = d.coordinates { w.value(coordinates) } else { w.null() }
        w.key("admin1Code"); w.string(pool.optionalString(at: d.admin1Code))
        let aliasCount = Int(words[at + 3]), spanCount = Int(words[at + 4])
        w.key("aliases")
        w.beginArray()
        for i in 0..<aliasCount { w.string(pool.string(at: words[at + 5 + i])) }
        w.endArray()
        w.key("mentions"); w.int(Int(words[at + 2]))
        at += 5 + aliasCount
        w.key("mentionSpans")
        w.beginArray()
        for i in 0..<spanCount {
            let s = at + 3 * i
            w.beginObject()
            w.key("start"); w.int(Int(words[s]))
            w.key("end"); w.int(Int(words[s + 1]))
            w.key("text"); w.string(pool.string(at: words[s + 2]))
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// Writes every entity as a JSON array, as `w.array(entities)` would.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginArray()
        for k in 0..<count { writeJSON(k, to: &w) }
        w.endArray()
    }

    /// Entity `k`'s JSON on its own.
    public func jsonBytes(_ k: Int) -> [UInt8] {
        var w = JSONWriter()
        writeJSON(k, to: &w)
        return w.bytes
    }
}

extension ArticleEntities: Codable {
    /// Decodes an array of `ArticleEntity`, as `[ArticleEntity]` is encoded.
    public init(from decoder: any Decoder) throws {
        self.init(try [ArticleEntity](from: decoder))
    }

    /// Encodes an array of `ArticleEntity`, as `[ArticleEntity]` would be.
    public func encode(to encoder: any Encoder) throws {
        try all.encode(to: encoder)
    }
}
