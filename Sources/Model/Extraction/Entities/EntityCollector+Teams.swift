/// Sports teams named after their place ("Leicestershire beat Somerset", "Somerset 83 and 174",
/// "KANSAS CITY AT DETROIT"): a city, state, county or division in a result's context is a team, an
/// organisation, throughout the article. A country keeps its type (a national side is written as its
/// country).
extension EntityCollector {
    /// Lower-case verbs of a result between two sides ("X beat Y", "X drew with Y").
    static let resultVerbs: Set<String> = [
        "beat", "beats", "defeated", "edged", "drew", "thrashed", "routed", "trounced", "hammered", "downed",
        "blanked", "outclassed", "overpowered", "v", "vs",
    ]

    /// Lower-case nouns of a sports side after its place's name ("Surrey captain", "Newcastle team mate").
    static let teamNouns: Set<String> = [
        "captain", "skipper", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "winger",
        "team", "side", "squad", "fans", "supporters", "teammate", "team-mate", "batsman", "bowler", "opener",
        "all-rounder", "pitcher", "quarterback", "forward",
    ]

    /// Whether the words around `a..<b` make a place there a side in a game: a score right after it
    /// ("Somerset 83", "NEW YORK 74 59") with no preposition before it, a result verb after it or before it
    /// ("beat Somerset", "v Somerset", "lost to Somerset"), or a schedule's capital "AT" ("BOSTON AT OAKLAND").
    func isTeamContext(_ a: Int, _ b: Int) -> Bool {
        let n = tokens.count
        if b < n, isScore(b) {
            // "in Kabul 10 …": after a preposition the number is not a score.
            if a == 0 || !tokens[a - 1].isWord || tokens[a - 1].isAllCaps || isScore(a - 1) { return true }
        }
        if lower(b, .resultVerbs) || (lowerWord(b) == "lost" && lowerWord(b + 1) == "to") { return true }
        // "Surrey captain Chris Lewis", "Shearer's Newcastle team mate", "joined Newcastle", "title rivals Essex".
        if lower(b, .teamNouns) { return true }
        if a >= 1, isText(a - 1, "joined") || isText(a - 1, "rivals") { return true }
        if a >= 1, lower(a - 1, .resultVerbs) { return true }
        if a >= 2, lowerWord(a - 1) == "to", lowerWord(a - 2) == "lost" { return true }
        if a >= 2, lowerWord(a - 1) == "with", lowerWord(a - 2) == "drew" { return true }
        let capitalAt = { (i: Int) in i >= 0 && i < n && tokens[i].isAllCaps && isText(i, "at") }
        return tokens[a].isAllCaps && (capitalAt(b) || capitalAt(a - 1))
    }

    /// A number that may be a score or a tally ("83", "429-7", "59.556"), not a year ("1996").
    func isScore(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].isWord, let first = document.folded(tokens[i]).first,
              first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        if tokens[i].foldedCount == 4, let year = Int(word(i)), (1800...2100).contains(year) { return false }
        return true
    }

    /// Whether a gazetteer place of subtype `subtype` can be a team's name: a city, state, county or
    /// division, not a country or continent.
    static func canNameTeam(_ subtype: String?) -> Bool {
        subtype != "country" && subtype != "continent"
    }

    /// Initials before a name ("A. Dale", "A. K. Saseendran"): a person however the surname reads.
    func startsWithInitials(_ a: Int, _ b: Int) -> Bool {
        guard b - a >= 2 else { return false }
        return tokens[a].isWord && tokens[a].isInitial && isNameToken(b - 1) && !tokens[b - 1].isAllCaps
    }
}
