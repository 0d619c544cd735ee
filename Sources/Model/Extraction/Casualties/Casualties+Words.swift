/// Closed word classes the casualty patterns test against: grammar, not vocabulary, so Swift tables
/// (STYLE rule 10). The open vocabulary (casualty words, groups, units, cues) lives in `config/casualties/`.
enum CasualtyWords {
    /// Auxiliaries and hedges that may stand between the victims and a passive casualty word
    /// ("41 people have reportedly been killed", "6,204 people are known to have died").
    static let auxiliaries = table([
        "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "remain", "remains",
        "remained", "got", "get", "also", "all", "both", "now", "still", "already", "later", "since", "then",
        "known", "said", "reported", "believed", "thought", "feared", "confirmed", "presumed", "to", "that",
        "who", "which", "subsequently", "either", "each", "either", "allegedly", "reportedly", "left",
    ])

    /// Modal and forecast words: a figure they govern is a forecast, not a count ("could rise to 10,000").
    static let modals = table([
        "could", "would", "will", "might", "may", "can", "expected", "likely", "predicted", "projected",
        "forecast",
    ])

    /// Verbs of prevention: the deaths or injuries they govern did not happen ("vaccines prevent more than
    /// 4 million deaths", "the barrier saved 200 lives"), so the number is no figure.
    static let prevention = table([
        "prevent", "prevents", "prevented", "preventing", "avert", "averts", "averted", "averting", "avoid",
        "avoids", "avoided", "avoiding", "save", "saves", "saved", "saving", "spare", "spared", "sparing",
    ])

    /// Verbs and particles that link a casualty noun to its number ("the death toll rose to 40",
    /// "the total number of deaths now stands at 38,919", "the death toll includes 22 civilians").
    static let links = table([
        "rose", "risen", "rises", "rise", "rising", "reached", "reaches", "reach", "stands", "stood", "stand",
        "climbed", "climbs", "surpassed", "exceeded", "passed", "topped", "hit", "numbered", "number",
        "includes", "included", "is", "was", "were", "are", "has", "have", "had", "now", "at", "to", "jumped",
        "increased", "grew", "totalled", "totaled", "totals", "was", "of", "put", "puts", "stands",
    ])

    /// Prepositions that may open a short phrase between the victims and their casualty word
    /// ("one resident in the city of Toretsk was killed", "20 soldiers in uniform captured").
    static let prepositions = table([
        "in", "at", "on", "near", "from", "inside", "across", "of", "around", "outside", "along",
    ])

    /// Words that end a noun phrase: function words, pronouns, auxiliaries.
    static let function = table([
        "the", "a", "an", "of", "in", "on", "at", "to", "from", "by", "with", "for", "and", "or", "but", "nor",
        "have", "has", "had", "were", "was", "are", "is", "be", "been", "being", "that", "who", "which", "whom",
        "whose", "while", "as", "after", "before", "since", "during", "including", "among", "into", "across",
        "near", "than", "also", "still", "all", "both", "their", "his", "her", "its", "our", "them", "they",
        "we", "he", "she", "it", "i", "you", "said", "says", "say", "will", "would", "could", "may", "might",
        "should", "can", "not", "no", "only", "just", "over", "under", "about", "around", "up", "down", "out",
        "off", "per", "each", "every", "another", "this", "these", "those", "there", "here", "when", "where",
        "what", "why", "how", "so", "if", "because", "though", "although", "until", "within", "without",
        "across", "through", "inside", "outside", "against", "toward", "towards", "according", "amid",
        "despite", "due", "like", "many", "some", "several", "most", "few", "such", "whether", "whereas",
        "do", "does", "did", "yet", "ago", "last", "next", "early", "late", "later", "earlier", "reportedly",
    ])

    /// Words before a number that make it an age ("aged 6 and 7", "between the ages of eight and 15").
    static let ageWords = table(["aged", "age", "ages"])

    /// Words that make "one" a pronoun rather than a count ("the one killed", "no one", "every one").
    static let oneBlockers = table(["the", "no", "this", "that", "every", "any", "each", "which", "only"])

    /// Words that may stand between a qualifier and its number ("at least another 37", "a further 83").
    static let fillers = table(["another", "further", "the", "only", "just", "a"])

    /// Words that open a description inserted between the victims and their verb
    /// ("14 people, including 12 officers, were wounded", "200 people, mostly women, were killed").
    static let insertionOpeners = table([
        "including", "aged", "among", "mostly", "mainly", "most", "many", "all", "both", "nearly", "some",
        "almost", "largely", "predominantly",
    ])

    /// Words that mark a number as part of an earlier figure ("including 60 civilians").
    static let subcountOpeners = table(["including", "includes", "included"])

    /// Pronouns after "of" that make a number a part of the figure before it ("six of whom", "three of them").
    static let partitives = table(["whom", "them", "which"])

    /// Words of a prisoner exchange or release: people counted in one are not captured figures.
    static let exchanges = table([
        "exchange", "exchanged", "swap", "swapped", "released", "release", "freed", "free", "handed", "returned",
        "rescue", "rescued", "rescuing",
    ])

    /// Clause openers after a comma: a scope cue does not reach across them ("…, which killed 200").
    static let clauseOpeners = table([
        "while", "but", "whereas", "which", "who", "although", "though", "bringing", "raising", "taking", "pushing",
    ])

    /// Nouns of a crime that kills, counted by a multiplicative adjective ("a double homicide").
    static let killingNouns = ["homicide", "homicides", "murder", "murders", "slaying", "slayings", "killing", "killings"]

    /// `killingNouns` as a table.
    static let killings = table(killingNouns)

    /// Verbs of suffering before a noun of injury ("suffered minor injuries", "with gunshot wounds").
    static let sufferings = table([
        "suffered", "suffering", "suffers", "sustained", "sustaining", "received", "receiving", "treated",
        "with",
    ])

    /// Nouns of injury after a verb of suffering.
    static let injuryNouns = table(["injuries", "injury", "wounds", "wound"])

    /// Verbs of carrying people to care ("taken to the hospital", "rushed to a medical center").
    static let transfers = table([
        "taken", "transported", "rushed", "airlifted", "flown", "sent", "brought", "carried", "driven",
    ])

    /// Places of care that a verb of carrying takes the injured to.
    static let careplaces = table(["hospital", "hospitals", "clinic", "infirmary", "center", "centre"])

    /// What suspects flee ("fled the scene"): people who flee it are not displaced.
    static let getaways = table([
        "scene", "area", "building", "house", "home", "apartment", "car", "vehicle", "store", "bar", "park",
    ])

    /// Units of an age ("two year old", "5 months old").
    static let ageUnits = table(["year", "years", "month", "months", "week", "weeks", "day", "days"])

    /// Determiners that open a coordinated victim without a number ("and an unborn child", "and his wife").
    static let determiners = table(["a", "an", "the", "his", "her", "their"])

    /// Words after "shot at" that make it a miss, not a hit ("were shot at by a man", "shot at them").
    static let missedAfterAt = table([
        "by", "but", "and", "or", "him", "her", "them", "us", "me", "while", "when", "from", "least",
    ])

    /// Currency symbols: a number after one is money.
    static let currency: Set<String> = ["$", "£", "€", "¥", "₹"]

    /// A table of `words` (lower case, so already folded).
    static func table(_ words: [String]) -> WordTable<Bool> {
        WordTable(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }
}
