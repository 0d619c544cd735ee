/// A span of days (day numbers), both ends inclusive.
public struct DayRange: Sendable, Equatable, Hashable {
    /// First day.
    public var lo: Int
    /// Last day.
    public var hi: Int

    /// Creates a range; `hi` below `lo` is raised to `lo`.
    public init(_ lo: Int, _ hi: Int) {
        self.lo = lo
        self.hi = Swift.max(lo, hi)
    }

    /// Whether the two ranges meet when each is widened by `tolerance` days.
    public func overlaps(_ other: DayRange, tolerance: Int) -> Bool {
        lo <= other.hi + tolerance && other.lo <= hi + tolerance
    }

    /// The common part, if any.
    public func intersection(_ other: DayRange) -> DayRange? {
        let l = Swift.max(lo, other.lo), h = Swift.min(hi, other.hi)
        return l <= h ? DayRange(l, h) : nil
    }
}

/// Kinds of incident that an article may report side by side, named by the nouns of its sentences.
/// A figure whose nearest incident noun is of another kind than the event's reports another incident.
public struct IncidentNouns: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt16
    /// Creates a set from bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Earthquake, tremor, aftershock.
    public static let quake = IncidentNouns(rawValue: 1 << 0)
    /// Flood, landslide, storm, typhoon, heavy rain.
    public static let weather = IncidentNouns(rawValue: 1 << 1)
    /// Fire, blaze.
    public static let fire = IncidentNouns(rawValue: 1 << 2)
    /// Bomb, blast, explosion.
    public static let bomb = IncidentNouns(rawValue: 1 << 3)
    /// Air strike, missile, rocket, shelling, drone.
    public static let strike = IncidentNouns(rawValue: 1 << 4)
    /// Shooting, gunmen.
    public static let shooting = IncidentNouns(rawValue: 1 << 5)
    /// Stabbing, knife attack.
    public static let stabbing = IncidentNouns(rawValue: 1 << 6)
    /// Crash, collision, derailment.
    public static let crash = IncidentNouns(rawValue: 1 << 7)
    /// Sinking, capsizing.
    public static let sinking = IncidentNouns(rawValue: 1 << 8)
    /// Collapse of a building or structure.
    public static let collapse = IncidentNouns(rawValue: 1 << 9)
    /// Clashes, battle.
    public static let clash = IncidentNouns(rawValue: 1 << 10)
    /// Ground offensive, military operation, incursion.
    public static let offensive = IncidentNouns(rawValue: 1 << 11)
    /// Protest, riot, rally.
    public static let protest = IncidentNouns(rawValue: 1 << 12)

    /// The nouns that are disasters unfolding over days, whose reports may come a week or more after they began.
    public static let unfolding: IncidentNouns = [.quake, .weather]

    /// A one-word name for ids of events without a place.
    public var name: String {
        let names: [(IncidentNouns, String)] = [
            (.quake, "earthquake"), (.weather, "floods"), (.fire, "fire"), (.bomb, "bombing"), (.strike, "strike"),
            (.shooting, "shooting"), (.stabbing, "stabbing"), (.crash, "crash"), (.sinking, "sinking"),
            (.collapse, "collapse"), (.clash, "clashes"), (.offensive, "offensive"), (.protest, "protest"),
        ]
        return names.first { contains($0.0) }?.1 ?? "incident"
    }
}

/// What a sentence (and the text before it in its paragraph) says about the incident behind one figure:
/// when it happened, what kind of incident it was, and whether the sentence turns to another incident.
public struct IncidentCues: Sendable, Equatable {
    /// The incident's days, when the text states them near the figure ("on Tuesday", "October 7", "in 1998").
    public var when: DayRange?
    /// Whether `when` names one day exactly ("October 7", "on Tuesday").
    public var exactDay = false
    /// The incident noun nearest the figure.
    public var nouns: IncidentNouns = []
    /// The sentence turns to another incident: "another strike", "elsewhere", "meanwhile", "separately".
    public var turnsAway = false
    /// "The following day": the incident is the day after the one before.
    public var nextDay = false
    /// The sentence goes on with the victims just counted: "One of them …", "Among the dead …".
    public var continues = false
    /// A running count's start: "since Wednesday", "since October".
    public var since: DayRange?
    /// Words of a whole war's or season's toll: "the war", "the conflict", "have since killed", "in recent weeks".
    public var warWide = false

    /// Creates empty cues.
    public init() {}
}

extension IncidentCues {
    /// Reads the cues for the figure whose number starts at scalar `figureOffset` of `sentence`, in an article
    /// dated `articleDay`; `before` is the text of the paragraph before the sentence, read for a date only
    /// when the sentence states none.
    public static func read(sentence: String, figureOffset: Int, before: String, articleDay: Int) -> IncidentCues {
        let tokens = CueWord.tokenize(sentence)
        var cues = IncidentCues()
        let at = tokens.firstIndex { $0.start >= figureOffset } ?? tokens.count
        var dates: [(index: Int, end: Int, range: DayRange, exact: Bool)] = []
        var nouns: [(index: Int, nouns: IncidentNouns)] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let d = DateCue.parse(tokens, at: i, articleDay: articleDay) {
                if d.isSince {
                    cues.since = d.range
                } else if !d.isReportingDate && !d.isFuture && !(d.onlyBefore && i >= at) {
                    dates.append((i, d.end, d.range, d.exact))
                }
                i = d.end
                continue
            }
            if let n = NounCue.parse(tokens, at: i) { nouns.append((i, n)) }
            // A turn to another incident holds for the figures it leads up to: at the sentence's start, or a few
            // words before the figure with no comma between ("elsewhere in the region three people were injured").
            let leadsToFigure = i < 2 || (i < at && at - i <= 8 && !tokens[(i + 1)...min(at, tokens.count - 1)].contains { $0.afterComma })
            switch t.lower {
            case "elsewhere", "meanwhile", "separately":
                if leadsToFigure { cues.turnsAway = true }
            case "another", "separate", "other":
                // "another strike", "a separate attack" before the figure: another incident ("another 37 people" is not).
                if i < at || leadsToFigure, tokens[(i + 1)..<min(tokens.count, i + 4)].contains(where: { NounCue.parse([$0], at: 0) != nil }) {
                    cues.turnsAway = true
                }
            case "following", "next":
                if i > 0, tokens[i - 1].lower == "the", i + 1 < tokens.count, tokens[i + 1].lower == "day" { cues.nextDay = true }
            case "war", "conflict", "ongoing", "campaign":
                cues.warWide = true
            case "since":
                // "have since killed", "since then": counted since the war began.
                if i + 1 < tokens.count, ["then", "the", "its"].contains(tokens[i + 1].lower) { cues.warWide = true }
                if i > 0, ["have", "has", "had"].contains(tokens[i - 1].lower) { cues.warWide = true }
            case "recent":
                if i + 1 < tokens.count, ["weeks", "months", "years"].contains(tokens[i + 1].lower) { cues.warWide = true }
            default:
                break
            }
            i += 1
        }
        if let first = tokens.first {
            let opening = tokens.prefix(3).map(\.lower).joined(separator: " ")
            if ["one of them", "among them", "of them", "among the dead", "of those", "most of them", "some of them",
                "two of them", "three of them"].contains(where: { opening.hasPrefix($0) }) || first.lower == "including" {
                cues.continues = true
            }
        }
        if let d = nearest(dates.map { ($0.index, $0) }, to: at, in: tokens) {
            cues.when = d.range
            cues.exactDay = d.exact
        } else if !before.isEmpty {
            // The sentence states no date: the last one stated earlier in its paragraph holds for it.
            let previous = CueWord.tokenize(before)
            var j = 0
            var last: (range: DayRange, exact: Bool)? = nil
            while j < previous.count {
                if let d = DateCue.parse(previous, at: j, articleDay: articleDay) {
                    if !d.isSince && !d.isReportingDate && !d.isFuture { last = (d.range, d.exact) }
                    j = d.end
                } else {
                    j += 1
                }
            }
            if let last {
                cues.when = last.range
                cues.exactDay = last.exact
            }
        }
        if let n = nearest(nouns.map { ($0.index, $0.nouns) }, to: at, in: tokens) { cues.nouns = n }
        return cues
    }

    /// The cue nearest token `at`; a cue after the figure counts only when no clause boundary
    /// (", where", ", while", ";", a dash) lies between ("… Garissa, where fighters killed 148 students in April").
    static func nearest<T>(_ cues: [(Int, T)], to at: Int, in tokens: [CueWord]) -> T? {
        var best: (distance: Int, value: T)? = nil
        for (index, value) in cues {
            var distance = abs(index - at)
            if index >= at {
                if tokens[at..<index].contains(where: \.isBoundary) { continue }
            } else {
                distance += 0  // a cue before the figure is as near as one after
            }
            if best == nil || distance < best!.distance { best = (distance, value) }
        }
        return best?.value
    }
}

/// A word or punctuation mark of a sentence, with its scalar offset.
struct CueWord: Sendable {
    /// Lower-cased text.
    let lower: String
    /// Whether the word begins with a capital letter.
    let isCapitalized: Bool
    /// Scalar offset in the sentence.
    let start: Int
    /// A clause boundary: ";", a dash, or ", where" / ", while" / ", which" / ", but" / ", and".
    var isBoundary = false
    /// A comma comes just before the word.
    var afterComma = false
    /// The value of an all-digit word.
    var number: Int? { lower.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && lower.utf8.count <= 4 ? Int(lower) : nil }

    /// Splits text into words (letters and digits) and the punctuation that bounds clauses.
    static func tokenize(_ text: String) -> [CueWord] {
        var tokens: [CueWord] = []
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var offset = 0
        var afterComma = false
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(word)
            var token = CueWord(lower: text.lowercased(), isCapitalized: word.first.map { $0.properties.isUppercase } ?? false,
                                 start: wordStart)
            token.afterComma = afterComma
            if afterComma, ["where", "while", "which", "but", "and", "whereas"].contains(token.lower) { token.isBoundary = true }
            afterComma = false
            tokens.append(token)
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if word.isEmpty { wordStart = offset }
                word.append(scalar)
            } else {
                flush()
                switch scalar {
                case ",": afterComma = true
                case ";", "\u{2014}", "\u{2013}":
                    tokens.append(CueWord(lower: String(scalar), isCapitalized: false, start: offset, isBoundary: true))
                    afterComma = false
                case " ", "'", "\u{2019}", "-": break
                default: afterComma = false
                }
            }
            offset += 1
        }
        flush()
        return tokens
    }
}
