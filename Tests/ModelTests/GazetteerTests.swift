import Foundation
import Testing
@testable import Model

/// The entity data files: they load, they say what they should, and a malformed one fails naming itself.
@Suite struct GazetteerTests {
    let gazetteer = Fixtures.lexicon.entities.gazetteer

    @Test func everyEntityFileExistsAndLoads() {
        for file in EntityLexicon.files {
            #expect(FileManager.default.fileExists(atPath: Fixtures.configDirectory.appendingPathComponent(file).path), "\(file)")
        }
        #expect(gazetteer.entries.filter { $0.subtype == "country" }.count >= 240)
        #expect(gazetteer.entries.filter { $0.subtype == "city" }.count > 30_000)
        #expect(Fixtures.lexicon.entities.stopwords.contains("monday"))
    }

    @Test(arguments: [
        ("Kyiv", "Kyiv", "city", "UA"),
        ("Kiev", "Kyiv", "city", "UA"),
        ("UK", "United Kingdom", "country", "GB"),
        ("Britain", "United Kingdom", "country", "GB"),
        ("Karabakh", "Nagorno-Karabakh", "region", "AZ"),
        ("Gaza", "Gaza Strip", "region", "PS"),
        ("Gaza City", "Gaza City", "city", "PS"),
        ("Turks and Caicos", "Turks and Caicos Islands", "country", "TC"),
        ("Ganja", "Ganja", "city", "AZ"),
    ])
    func places(written: String, name: String, subtype: String, code: String) throws {
        let entry = try #require(gazetteer.lookup(written))
        #expect(entry.name == name && entry.type == .location && entry.subtype == subtype && entry.countryCode == code)
    }

    @Test(arguments: [
        ("IDF", "Israel Defense Forces"),
        ("UN", "United Nations"),
        ("ISIL", "Islamic State"),
        ("Kremlin", "Kremlin"),
        ("Associated Press", "Associated Press"),
    ])
    func organisations(written: String, name: String) throws {
        let entry = try #require(gazetteer.lookup(written))
        #expect(entry.name == name && entry.type == .organization)
    }

    @Test(arguments: ["Idf", "Who", "Mobile", "Split", "Of", "Monday"])
    func notEntities(written: String) {
        #expect(gazetteer.lookup(written) == nil, "\(written)")
    }

    @Test func demonymsNameTheirCountry() throws {
        let form = try #require(gazetteer.singleWordForm("armenian", capitals: false))
        #expect(form.kind == .demonym)
        #expect(gazetteer.entries[form.entry].name == "Armenia")
    }

    @Test func wordTableAnswersLikeADictionary() {
        var dictionary: [String: Int] = [:]
        for i in 0..<5000 { dictionary["w" + String(i)] = i }
        let table = WordTable(dictionary)
        #expect(table.count == 5000)
        var wrong: [Int] = []
        for i in 0..<5000 {
            let value: Int? = table["w" + String(i)]
            if value != i { wrong.append(i) }
        }
        #expect(wrong.isEmpty)
        #expect(table["w5000"] == nil && table[""] == nil && table["gaza"] == nil)
        #expect(WordTable([String: Int]())["x"] == nil)
    }

    /// Minimal valid contents of every entity file.
    static let validFiles: [String: String] = [
        "organizations.tsv": "United Nations\tinternational\tUN\n",
        "regions.tsv": "# a comment\nGaza Strip\tregion\tPS\tGaza\n",
        "countries.tsv": "Armenia\tAM\t\n",
        "states.tsv": "Texas\tUS\tstate\n",
        "continents.tsv": "Asia\n",
        "cities.tsv": "Ganja\tAZ\t330663\tGandja\n",
        "demonyms.tsv": "Armenian\tArmenia\tArmenians\n",
        "stopwords.txt": "monday\n",
    ]

    /// Writes the valid files, with `file` replaced by `contents` (or left out when nil), to a new directory.
    static func configDirectory(replacing file: String, with contents: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("entities")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in validFiles {
            let body = name == file ? contents : text
            if let body { try body.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        }
        return root
    }

    @Test func minimalFilesLoad() throws {
        let directory = try Self.configDirectory(replacing: "", with: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lexicon = try EntityLexicon(directory: directory)
        #expect(lexicon.gazetteer.lookup("Gandja")?.name == "Ganja")
        #expect(lexicon.gazetteer.lookup("Gaza")?.name == "Gaza Strip")
    }

    @Test(arguments: [
        ("cities.tsv", "Gotham\tUS\tmany\n", "population"),
        ("countries.tsv", "Nowhere\n", "expected 2 to 3 columns"),
        ("countries.tsv", "Nowhere\tNOW\t\n", "two letters"),
        ("demonyms.tsv", "Martian\tMars\n", "unknown place"),
        ("regions.tsv", "\tregion\tPS\n", "column 1 is empty"),
        ("states.tsv", "Texas\tUS\tstate\textra\n", "expected 3 columns"),
        ("organizations.tsv", nil, "cannot be read"),
    ] as [(String, String?, String)])
    func malformedFileThrowsNamingIt(file: String, contents: String?, reason: String) throws {
        let directory = try Self.configDirectory(replacing: file, with: contents)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try EntityLexicon(directory: directory)
            Issue.record("\(file) loaded")
        } catch let error as LexiconError {
            #expect(error.file.hasSuffix("entities/\(file)"), "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }
}
