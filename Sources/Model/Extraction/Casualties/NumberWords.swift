/// English number words: a closed list, so a table rather than a data file (STYLE rule 10).
///
/// Values are what the word states ("nine" → 9, "a dozen" → 12). Vague amounts ("dozens", "hundreds")
/// state no count; their value here is the smallest amount the word allows, as the gold rules define it.
public enum NumberWords {
    /// Words for 0-19.
    public static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]

    /// Words for the tens, 20-90; "twenty-one" joins a ten and a unit with a hyphen.
    public static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    ]

    /// Multipliers that follow a number ("two hundred", "1.5 million", "100 thousand", "two dozen").
    public static let multipliers: [String: Int] = [
        "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    ]

    /// Vague plural amounts and the smallest value each allows ("dozens" is at least two dozen).
    public static let vague: [String: Int] = [
        "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    ]

    /// Vague amounts of two plurals joined by "of" ("tens of thousands"): first word, second word → least value.
    public static let vagueCompounds: [String: [String: Int]] = [
        "tens": ["thousands": 20_000, "millions": 20_000_000],
        "hundreds": ["thousands": 200_000, "millions": 200_000_000],
    ]

    /// Multiplicative adjectives that count the victims of one crime ("a double homicide", "triple murder").
    public static let multiples: [String: Int] = ["double": 2, "triple": 3, "quadruple": 4, "quintuple": 5]

    /// The value of a single number word ("nine", "forty"), or nil.
    public static func value(of word: String) -> Int? {
        units[word] ?? tens[word]
    }

    /// Every word that can start a number phrase, for a fast first test before the tables above.
    static let starters: WordTable<Bool> = CasualtyWords.table(
        Array(units.keys) + Array(tens.keys) + Array(vague.keys)
            + ["a", "an", "half", "several", "many", "few", "dozen", "tens"])
}
