/// A date that a sentence states, resolved against the article's date: "on Tuesday", "October 7", "25 April",
/// "in July", "in 1998", "last week", "two weeks ago", "yesterday".
struct DateCue: Sendable {
    /// The days meant.
    let range: DayRange
    /// One day exactly.
    let exact: Bool
    /// Token after the cue.
    let end: Int
    /// Follows "since": the start of a running count, not the incident's date.
    let isSince: Bool
    /// Follows a reporting verb ("said on Tuesday"): the date of the statement, not of the incident.
    let isReportingDate: Bool
    /// Holds only for a figure after it ("two weeks after a quake killed 8,000"; not "6 killed, a day after …").
    var onlyBefore = false
    /// A date ahead of the article ("ahead of June 7 elections"): no incident's.
    var isFuture = false

    static let months = ["january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
                         "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
                         "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                         "oct": 10, "nov": 11, "dec": 12]
    static let weekdays = ["monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6]
    static let smallNumbers = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 4]
    static let reportingVerbs: Set<String> = ["said", "says", "told", "announced", "reported", "added", "claimed",
                                              "confirmed", "stated", "statement", "tweeted", "posted", "published"]
    /// Words before a month name that make it a date ("in May", "since March"): "may" and "march" are also verbs.
    static let monthLeads: Set<String> = ["in", "since", "early", "late", "mid", "last", "of", "during", "the", "until", "from", "by"]

    /// The cue that starts at token `i`, if any.
    static func parse(_ t: [CueWord], at i: Int, articleDay d: Int) -> DateCue? {
        let w = t[i].lower
        let previous = i > 0 ? t[i - 1].lower : ""
        let isSince = previous == "since" || (i > 1 && t[i - 2].lower == "since" && previous == "last")
        let reporting = (1...3).contains { k in i - k >= 0 && reportingVerbs.contains(t[i - k].lower) }
        let today = DayNumber.civil(d)
        func make(_ range: DayRange, _ exact: Bool, _ end: Int, reportingAllowed: Bool = false) -> DateCue {
            DateCue(range: range, exact: exact, end: end, isSince: isSince, isReportingDate: reporting && reportingAllowed)
        }
        // Month names: "October 7", "October 7, 2023", "in July", "July 2023".
        if let month = months[w], t[i].isCapitalized {
            if i + 1 < t.count, let day = t[i + 1].number, (1...31).contains(day) {
                var end = i + 2
                var year = today.year
                if end < t.count, let y = t[end].number, (1900...2100).contains(y) {
                    year = y
                    end += 1
                } else if DayNumber.from(year: year, month: month, day: min(day, 28)) > d + 1 {
                    // Within the next six weeks it is a date ahead ("ahead of June 7 elections"); further, last year's.
                    if DayNumber.from(year: year, month: month, day: min(day, 28)) <= d + 45 {
                        var cue = make(DayRange(d, d), true, end)
                        cue.isFuture = true
                        return cue
                    }
                    year -= 1
                }
                let day0 = DayNumber.from(year: year, month: month, day: min(day, DayNumber.daysIn(year: year, month: month)))
                return make(DayRange(day0, day0), true, end)
            }
            guard w != "may" && w != "march" && w.count > 3 || monthLeads.contains(previous) else { return nil }
            var end = i + 1
            var year = today.year
            if end < t.count, let y = t[end].number, (1900...2100).contains(y) {
                year = y
                end += 1
            } else if month > today.month {
                year -= 1
            }
            let first = DayNumber.from(year: year, month: month, day: 1)
            return make(DayRange(first, first + DayNumber.daysIn(year: year, month: month) - 1), false, end)
        }
        // "25 April".
        if let day = t[i].number, (1...31).contains(day), i + 1 < t.count, let month = months[t[i + 1].lower],
           t[i + 1].isCapitalized {
            var year = today.year
            var end = i + 2
            if end < t.count, let y = t[end].number, (1900...2100).contains(y) {
                year = y
                end += 1
            } else if DayNumber.from(year: year, month: month, day: min(day, 28)) > d + 1 {
                year -= 1
            }
            let day0 = DayNumber.from(year: year, month: month, day: min(day, DayNumber.daysIn(year: year, month: month)))
            return make(DayRange(day0, day0), true, end)
        }
        // A year: "in 1998", "the 1998 bombing", "In 2010-2011".
        if let year = t[i].number, (1900...2100).contains(year), year <= today.year,
           ["in", "since", "of", "the", "during", "until", "from", "by"].contains(previous) {
            var last = year
            var end = i + 1
            if end < t.count, let y = t[end].number, (year...2100).contains(y), y <= today.year {
                last = y
                end += 1
            }
            return make(DayRange(DayNumber.from(year: year, month: 1, day: 1), DayNumber.from(year: last, month: 12, day: 31)),
                        false, end)
        }
        // Weekdays: "on Tuesday", "Tuesday's quake", "last Thursday", "Monday evening".
        if let weekday = weekdays[w] {
            var back = (DayNumber.weekday(d) - weekday + 7) % 7
            if previous == "last" && back == 0 { back = 7 }
            if previous == "next" { return nil }
            return make(DayRange(d - back, d - back), true, i + 1, reportingAllowed: true)
        }
        switch w {
        case "yesterday":
            return make(DayRange(d - 1, d - 1), true, i + 1, reportingAllowed: true)
        case "today", "tonight":
            return make(DayRange(d, d), true, i + 1, reportingAllowed: true)
        case "last", "earlier", "this":
            guard i + 1 < t.count else { return nil }
            let next = t[i + 1].lower
            if w == "last" && next == "night" { return make(DayRange(d - 1, d), false, i + 2, reportingAllowed: true) }
            if w == "last" && next == "week" { return make(DayRange(d - 13, d - 4), false, i + 2) }
            if w == "this" && next == "week" { return make(DayRange(d - 6, d), false, i + 2) }
            if w == "earlier" && next == "this" && i + 2 < t.count && t[i + 2].lower == "week" {
                return make(DayRange(d - 6, d - 1), false, i + 3)
            }
            if w == "earlier" && next == "in" && i + 3 < t.count && t[i + 2].lower == "the" && t[i + 3].lower == "week" {
                return make(DayRange(d - 6, d - 1), false, i + 4)
            }
            if w == "last" && next == "month" {
                let m = today.month == 1 ? 12 : today.month - 1
                let y = today.month == 1 ? today.year - 1 : today.year
                let first = DayNumber.from(year: y, month: m, day: 1)
                return make(DayRange(first, first + DayNumber.daysIn(year: y, month: m) - 1), false, i + 2)
            }
            if w == "last" && next == "year" {
                return make(DayRange(DayNumber.from(year: today.year - 1, month: 1, day: 1),
                                     DayNumber.from(year: today.year - 1, month: 12, day: 31)), false, i + 2)
            }
            return nil
        default:
            break
        }
        // "two weeks ago", "a fortnight ago", "two months after", "three days earlier".
        if let n = t[i].number.map({ $0 }) ?? smallNumbers[w], n > 0, i + 2 < t.count,
           ["ago", "earlier", "after"].contains(t[i + 2].lower) {
            let unit = t[i + 1].lower
            let days: Int
            let slack: Int
            switch unit {
            case "day", "days": (days, slack) = (n, 1)
            case "week", "weeks": (days, slack) = (7 * n, 3)
            case "fortnight": (days, slack) = (14 * n, 3)
            case "month", "months": (days, slack) = (30 * n, 12)
            case "year", "years": (days, slack) = (365 * n, 120)
            default: return nil
            }
            var cue = make(DayRange(d - days - slack, d - days + slack), false, i + 3)
            cue.onlyBefore = t[i + 2].lower == "after"
            return cue
        }
        return nil
    }
}

/// Incident nouns: the words that say what kind of incident a figure counts.
enum NounCue {
    static let words: [String: IncidentNouns] = [
        "earthquake": .quake, "earthquakes": .quake, "quake": .quake, "quakes": .quake, "tremor": .quake,
        "tremors": .quake, "aftershock": .quake, "aftershocks": .quake, "temblor": .quake,
        "flood": .weather, "floods": .weather, "flooding": .weather, "landslide": .weather, "landslides": .weather,
        "mudslide": .weather, "mudslides": .weather, "typhoon": .weather, "storm": .weather, "storms": .weather,
        "cyclone": .weather, "hurricane": .weather, "monsoon": .weather, "rains": .weather, "rainfall": .weather,
        "tornado": .weather, "downpours": .weather,
        "fire": .fire, "fires": .fire, "blaze": .fire, "inferno": .fire, "wildfire": .fire, "wildfires": .fire,
        "bomb": .bomb, "bombs": .bomb, "bomber": .bomb, "bombers": .bomb, "bombing": .bomb, "bombings": .bomb,
        "blast": .bomb, "blasts": .bomb, "explosion": [.bomb, .fire], "explosions": [.bomb, .fire],
        "explosives": .bomb,
        "strike": .strike, "strikes": .strike, "airstrike": .strike, "airstrikes": .strike, "missile": .strike,
        "missiles": .strike, "rocket": .strike, "rockets": .strike, "shelling": .strike, "drone": .strike,
        "drones": .strike, "bombardment": .strike, "artillery": .strike, "shell": .strike, "shells": .strike,
        "shooting": .shooting, "shootings": .shooting, "gunman": .shooting, "gunmen": .shooting, "gunfire": .shooting,
        "shot": .shooting,
        "stabbing": .stabbing, "stabbings": .stabbing, "stabbed": .stabbing, "knife": .stabbing,
        "crash": .crash, "crashed": .crash, "collision": .crash, "collided": .crash, "derailed": .crash,
        "derailment": .crash,
        "sank": .sinking, "sinking": .sinking, "capsized": .sinking, "capsizing": .sinking, "shipwreck": .sinking,
        "collapse": .collapse, "collapsed": .collapse,
        "clash": .clash, "clashes": .clash, "battle": .clash, "gunbattle": .clash, "firefight": .clash,
        "offensive": .offensive, "operation": .offensive, "incursion": .offensive, "operations": .offensive,
        // Words of any incident: nearest to a figure, they leave its kind open.
        "attack": [], "attacks": [], "assault": [], "raid": [], "raids": [], "ambush": [], "violence": [], "incident": [],
        "protest": .protest, "protests": .protest, "protesters": .protest, "riot": .protest, "riots": .protest,
        "rally": .protest, "rallies": .protest, "demonstrations": .protest,
    ]

    /// The incident kind that the word at `i` names, if any ("opened fire" is a shooting, "rocket fire" a strike).
    static func parse(_ t: [CueWord], at i: Int) -> IncidentNouns? {
        let w = t[i].lower
        guard var nouns = words[w] else { return nil }
        if w == "fire", i > 0 {
            switch t[i - 1].lower {
            case "opened", "open", "opening", "gun", "sniper": nouns = .shooting
            case "rocket", "mortar", "artillery", "tank", "heavy": nouns = .strike
            case "cross", "under": return nil
            default: break
            }
        }
        if w == "strike" || w == "strikes", i > 0, ["hunger", "general", "labour", "labor"].contains(t[i - 1].lower) { return nil }
        return nouns
    }
}
