import Foundation
import Testing
@testable import Model

/// The one word table and the one hash.
@Suite struct WordTableTests {
    /// FNV-1a's published test vectors (64 bit).
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func fnv1aVectors(_ text: String, _ expected: UInt64) {
        #expect(FNV1a.hash(text) == expected)
        var streaming = FNV1a()
        streaming.combine(bytes: text.utf8)
        #expect(streaming.value == expected)
    }

    @Test func looksUpEveryKeyAndNothingElse() {
        var dictionary: [String: Int] = [:]
        for i in 0..<1000 { dictionary["w\(i)"] = i }
        dictionary["ganja"] = -1
        dictionary["u.s"] = -2
        let table = WordTable(dictionary)
        #expect(table.count == dictionary.count)
        for (key, value) in dictionary {
            #expect(table[key] == value)
            let bytes = Array(key.utf8)[...]
            #expect(table.value(hash: FNV1a.hash(bytes), bytes: bytes) == value)
            #expect(table[bytes: bytes] == value)
        }
        #expect(table["w1000"] == nil)
        #expect(table[""] == nil)
        #expect(table["gan"] == nil)
        #expect(table["ganjaa"] == nil)
        #expect(WordTable<Int>()["a"] == nil)
    }

    @Test func aHashMatchWithOtherBytesIsNoMatch() {
        let table = WordTable(["said": 1])
        let other = Array("says".utf8)[...]
        // The hash of "said" with the bytes of "says": the bytes decide.
        #expect(table.value(hash: FNV1a.hash("said"), bytes: other) == nil)
    }

    @Test func looksUpTokensByTheirHash() {
        let document = Document(id: "t", date: "2020-10-12", paragraphs: ["Gəncə's mayor SAID"],
                                english: Fixtures.lexicon.english)
        let table = WordTable(["gence": "place", "said": "verb"])
        #expect(document.tokens.map { table.value(of: $0, in: document) } == ["place", nil, "verb"])
    }

    @Test func englishLexiconMergesItsFiles() throws {
        let english = Fixtures.lexicon.english
        #expect(english["said"] == [.reportingVerb])
        #expect(english["told"] == [.reportingVerb, .cueSubject])
        #expect(english["thinks"] == [.personVerb])
        #expect(english["dr"].isSuperset(of: [.abbreviation, .nameAbbreviation, .honorific, .role, .title]))
        #expect(english["etc"] == [.abbreviation])
        #expect(english["of"].isSuperset(of: [.preposition, .connector]))
        #expect(english["monday"].contains(.weekday))
        #expect(english["spokesperson"].contains(.roleVoice))
        #expect(english.phrases["according"]?.first?.next == "to")
        #expect(english["guterres"].isEmpty)
    }

    @Test func aBadEnglishFileNamesItsPathAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("english-\(UUID().uuidString)")
        let english = directory.appendingPathComponent("english")
        try FileManager.default.createDirectory(at: english, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["reporting-verbs.tsv", "roles.tsv", "abbreviations.tsv", "pronouns.tsv", "function-words.tsv",
                     "time-words.tsv"] {
            try FileManager.default.copyItem(at: Fixtures.configDirectory.appendingPathComponent("english/\(name)"),
                                             to: english.appendingPathComponent(name))
        }
        let roles = english.appendingPathComponent("roles.tsv")
        try ("# comment\nmayor\tone\ttitle\nmayor\tone\trole\n").write(to: roles, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: roles.path, reason: "line 3: 'mayor' listed twice")) {
            try EnglishLexicon(directory: directory)
        }
        try ("mayor\tthree\ttitle\n").write(to: roles, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: roles.path, reason: "line 1: unknown number 'three'")) {
            try EnglishLexicon(directory: directory)
        }
    }
}
