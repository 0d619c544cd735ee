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
            for m in e.mentionSpans where names.contains(m.text.lowercased()) {
                list.append(Mention(start: m.start, end: m.end, entity: e, rank: rank))
            }
        }
        self.mentions = list.sorted { $0.start < $1.start }
        self.paragraphBounds = document.paragraphStarts.indices.map {
            document.paragraphStarts[$0]..<(document.paragraphStarts[$0] + document.paragraphScalars[$0].count)
        }
    }

    /// Smaller places first: a town or camp beats a region, which beats a country.
    static func rank(_ subtype: String?) -> Int {
        switch subtype?.lowercased() {
        case "city", "town", "village", "camp", "district", "neighbourhood", "neighborhood", "suburb",
             "municipality", "refugee camp": return 0
        case "country": return 2
        case "continent": return 3
        default: return 1
        }
    }

    /// The sentence's smallest named place (the first of equals); else the paragraph's smallest, nearest to
    /// the figure; else nil.
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
