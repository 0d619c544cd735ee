/// The token attributes the entity extractor reads most, by the names it reads them with.
extension Token {
    /// Starts with an upper-case letter, or is a particle joined to one ("al-Assad").
    @inline(__always) var isCapitalized: Bool { flags.contains(.capitalized) }
    /// Two or more letters, none lower case ("IDF", "U.S.").
    @inline(__always) var isAllCaps: Bool { flags.contains(.allCaps) }
    /// Followed by a possessive "'s" (or a plural "s'") that is not part of it.
    @inline(__always) var isPossessive: Bool { flags.contains(.possessive) }
    /// A word with a hyphen inside ("Moscow-mediated", "Nagorno-Karabakh"); a dash token is not.
    @inline(__always) var isHyphenated: Bool { flags.contains(.word) && flags.contains(.hyphen) }
    /// A capital initial that took its full stop ("A." of "A. Dale").
    @inline(__always) var isInitial: Bool {
        flags.contains(.abbreviation) && flags.contains(.capitalized) && foldedCount == 1
    }
}
