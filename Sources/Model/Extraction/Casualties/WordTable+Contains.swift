extension WordTable {
    /// Whether the table holds `word` (folded), for the casualty patterns' tests on a part's text.
    @inline(__always) func contains(_ word: String) -> Bool { self[word] != nil }
}
