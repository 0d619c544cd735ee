/// Headings and shouting written in capitals ("FELLOW DOCTORS DON’T WANT TO ASSOCIATE WITH HIM — …",
/// "SOCCER - JAPAN GET LUCKY WIN"): in a run of three or more capitalised words, capitals are no sign of a
/// name or an acronym. Only what is known by its words stays: a gazetteer name ("JAPAN", "NATO", "KANSAS
/// CITY", a team in "BOSTON AT OAKLAND"), an acronym the article defined, or a short word without a vowel,
/// which is no English word ("NFL", "WKRN" in "WATCH WKRN NEWS AT TEN"); the other words make no entity.
extension EntityCollector {
    /// The least number of consecutive all-capitals words that make a heading.
    static let headingWords = 3

    /// One past the last token of the run of all-capitals words holding token `i`, when that run is a heading
    /// (`headingWords` words or more); nil otherwise.
    func headingEnd(at i: Int) -> Int? {
        guard i < tokens.count, isCapitalsWord(i) else { return nil }
        var a = i
        while a > 0 && isCapitalsWord(a - 1) { a -= 1 }
        var b = i + 1
        while b < tokens.count && isCapitalsWord(b) { b += 1 }
        return b - a >= Self.headingWords ? b : nil
    }

    /// A word in capitals with two letters or more ("WANT", "U.S.", "DON’T"; not "A" nor "I").
    func isCapitalsWord(_ i: Int) -> Bool {
        tokens[i].isWord && tokens[i].isAllCaps && tokens[i].foldedCount >= 2
    }

    /// Whether token `i`'s folded form holds a vowel (a, e, i, o, u or y).
    func hasVowel(_ i: Int) -> Bool {
        word(i).utf8.contains { "aeiouy".utf8.contains($0) }
    }

    /// Classifies the heading's words `a..<b` one name at a time: gazetteer names, defined acronyms and
    /// vowelless acronyms only.
    mutating func classifyHeading(_ a: Int, _ b: Int) {
        var k = a
        while k < b {
            if let m = match(k, b) {
                classify(k..<m.end)
                k = m.end
            } else {
                if acronyms[word(k)] != nil || (isAcronymCandidate(k) && !hasVowel(k)) { classifyUnknown(k, k + 1) }
                k += 1
            }
        }
    }
}
