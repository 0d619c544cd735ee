/// Chooses the place of a figure among the article's location entities.
struct PlaceFinder {
    /// A place mention: document offset, entity, and how specific the place is (lower is smaller).
    struct Mention {
        /// First scalar of the mention in the document text.
        let start: Int
        /// One past its last scalar.
        let end: Int
        /// The place.
        let entity: ArticleEntity
        /// `PlaceFinder.rank` of its subtype.
        let rank: Int
    }

    /// Location mentions in text order.
    let mentions: [Mention]
    /// Document offsets of each paragraph.
    let paragraphBounds: [Range<Int>]

    /// Collects the name and alias mentions of location entities; demonyms ("Armenian missiles") name the
    /// actor, not the place, and are left out.
    init(document: Document, entities: [ArticleEntity]) {
        var list: [Mention] = []
        for e in entities where e.type == .location {
            let names = Set(([e.name] + e.aliases).map { $0.lowercased() })
            let rank = PlaceFinder.rank(e.subtype)
            for m in e.mentionSpans where names.contains(m.text.lowercased()) && !PlaceFinder.isModifier(m, document) {
                list.append(Mention(start: m.start, end: m.end, entity: e, rank: rank))
            }
        }
        self.mentions = list.sorted { $0.start < $1.start }
        self.paragraphBounds = document.paragraphStarts.indices.map {
            document.paragraphStarts[$0]..<(document.paragraphStarts[$0] + document.paragraphScalars[$0].count)
        }
    }

    /// A mention glued to a hyphenated word modifies a noun rather than naming a place of the event
    /// ("the UK-based Observatory", "Saudi-led coalition", "Iran-backed group").
    static func isModifier(_ m: MentionSpan, _ document: Document) -> Bool {
        var p = document.paragraphStarts.count - 1
        while p > 0 && document.paragraphStarts[p] > m.start { p -= 1 }
        let scalars = document.paragraphScalars[p]
        let end = m.end - document.paragraphStarts[p]
        guard end >= 0, end + 1 < scalars.count, scalars[end] == "-" else { return false }
        return scalars[end + 1].properties.isAlphabetic
    }

    /// Settlements first: a town, camp or district beats a region or a country, which beat a continent.
    static func rank(_ subtype: String?) -> Int {
        switch subtype?.lowercased() {
        case "city", "town", "village", "camp", "district", "neighbourhood", "neighborhood", "suburb",
             "municipality", "refugee camp": return 0
        case "continent": return 2
        default: return 1
        }
    }

    /// The sentence's first settlement, else its first other place; failing that the paragraph's settlement,
    /// else other place, nearest to the figure; else nil. (Measured on dev with the entity extractor: about
    /// 83% of matched figures get the gold place; preferring the place after the number instead of the first
    /// one trades as many right answers as it gains.)
    func place(for f: FoundFigure, sentence: Sentence) -> CasualtyLocation? {
        let inSentence = mentions.filter { $0.start >= sentence.start && $0.end <= sentence.end }
        if let best = inSentence.min(by: { ($0.rank, $0.start) < ($1.rank, $1.start) }) {
            return CasualtyLocation(name: best.entity.name, entityId: best.entity.id)
        }
        let para = paragraphRange(sentence)
        let inParagraph = mentions.filter { $0.start >= para.lowerBound && $0.end <= para.upperBound }
        let distance = { (m: Mention) -> Int in m.end <= f.span.start ? f.span.start - m.end : m.start - f.span.end }
        if let best = inParagraph.min(by: { ($0.rank, distance($0)) < ($1.rank, distance($1)) }) {
            return CasualtyLocation(name: best.entity.name, entityId: best.entity.id)
        }
        return nil
    }

    /// The document offsets of the sentence's paragraph.
    func paragraphRange(_ sentence: Sentence) -> Range<Int> {
        sentence.paragraph < paragraphBounds.count ? paragraphBounds[sentence.paragraph] : sentence.start..<sentence.end
    }
}
