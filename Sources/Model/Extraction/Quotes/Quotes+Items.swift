/// The paragraph as attribution reads it: the document's tokens, with each quoted segment folded into
/// one item, so that the words inside a quotation never pass for a speaker or a cue.
extension QuoteExtractor {
    /// One unit of a paragraph: a word or punctuation token of the document, or a whole quoted segment.
    struct Item {
        /// What the item is.
        enum Kind { case word, punct, quote }
        /// What the item is.
        var kind: Kind
        /// First scalar in the paragraph.
        var start: Int
        /// One past the last scalar, without a possessive ending (the token's end); a segment's end.
        var wordEnd: Int
        /// The folded form (`Document.folded`); the mark for punctuation; empty for a segment.
        var lower: String
        /// The token is `.capitalized`.
        var capitalized: Bool
        /// The token is `.allCaps` ("IDF").
        var acronym: Bool
        /// The token is `.possessive` ("Israel's", "Houthis’").
        var possessive: Bool
        /// For `.quote`: index of the segment in the paragraph's segment list.
        var segment: Int
        /// The token took its full stop: an initial or an abbreviated title ("A.", "Gen.").
        var dotted: Bool = false
        /// What the word lists say about the word.
        var info = QuoteLexicon.WordInfo()

        /// Whether the item is the punctuation mark `c`.
        func isPunct(_ c: String) -> Bool { kind == .punct && lower == c }
        /// Whether the item ends a sentence or clause for attribution: ". ! ? ;".
        var endsClause: Bool { kind == .punct && (lower == "." || lower == "!" || lower == "?" || lower == ";") }
        /// Whether the item separates the parts of a phrase: comma, dash, colon or bracket.
        var separatesParts: Bool {
            kind == .punct && (lower == "," || lower == "\u{2014}" || lower == "\u{2013}" || lower == "\u{2015}" || lower == "-"
                                || lower == "(" || lower == ")" || lower == ":")
        }
    }

    /// The items of paragraph `p` of `document`; each segment becomes a single `.quote` item.
    static func items(_ document: Document, paragraph p: Int, segments: [Segment], lexicon: QuoteLexicon) -> [Item] {
        let offset = document.paragraphStarts[p]
        let range = document.tokenRange(ofParagraph: p)
        var result: [Item] = []
        result.reserveCapacity(range.count)
        var nextSegment = 0
        var k = range.lowerBound
        while k < range.upperBound {
            let token = document.tokens[k]
            let start = Int(token.start) - offset
            if nextSegment < segments.count && start >= segments[nextSegment].open {
                let segment = segments[nextSegment]
                result.append(Item(kind: .quote, start: segment.open, wordEnd: segment.end, lower: "",
                                   capitalized: false, acronym: false, possessive: false, segment: nextSegment))
                while k < range.upperBound && Int(document.tokens[k].start) - offset < segment.end { k += 1 }
                nextSegment += 1
                continue
            }
            if token.isWord {
                result.append(Item(kind: .word, start: start, wordEnd: Int(token.end) - offset,
                                   lower: document.foldedString(token), capitalized: token.is(.capitalized),
                                   acronym: token.is(.allCaps), possessive: token.is(.possessive), segment: -1,
                                   dotted: token.is(.abbreviation), info: lexicon.info(token, in: document)))
            } else if document.isFolded(token, "."), let previous = result.last, previous.kind == .word,
                      previous.wordEnd == start, k + 1 < range.upperBound,
                      document.isFolded(document.tokens[k + 1], ",") || document.isFolded(document.tokens[k + 1], ")") {
                // A full stop right before a comma or closing bracket ends no sentence: it abbreviates
                // ("McConnell, R-Ky., said", "Rep. Gwen Moore (D-Wis.) said").
                result[result.count - 1].dotted = true
            } else {
                result.append(Item(kind: .punct, start: start, wordEnd: Int(token.end) - offset,
                                   lower: document.foldedString(token), capitalized: false, acronym: false,
                                   possessive: false, segment: -1))
            }
            k += 1
        }
        unshout(&result)
        return result
    }

    /// A run of at least this many words in capitals is a run-in heading or shouting, not names.
    static let minimumShoutedWords = 3

    /// Reads a run of words all in capitals ("CONGRESS HAS INVESTIGATED HIM — Oz’s advice …", a run-in
    /// heading) as words that name no one and cue nothing: an acronym or a name alone stays ("NATO", "PENCE:").
    static func unshout(_ items: inout [Item]) {
        var i = 0
        while i < items.count {
            guard items[i].kind == .word, items[i].acronym else { i += 1; continue }
            var end = i
            while end < items.count && items[end].kind == .word && items[end].acronym { end += 1 }
            if end - i >= minimumShoutedWords {
                for k in i..<end {
                    items[k].capitalized = false
                    items[k].acronym = false
                    items[k].info = QuoteLexicon.WordInfo()
                }
            }
            i = max(end, i + 1)
        }
    }
}
