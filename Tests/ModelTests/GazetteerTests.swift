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
        #expect(gazetteer.places.count > 170_000)
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
        // States that archives name and GeoNames no longer lists: West Germany is not (today's) Germany.
        ("West Germany", "West Germany", "historic state", "DE"),
        ("Zaire", "Zaire", "historic state", "CD"),
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
        #expect(gazetteer.entry(at: form.entry).name == "Armenia")
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
        "places.tsv": "# a comment\n586523\tGanja\tcity\tAZ\t24\t330663\t40.6828\t46.3606\t\tganja|gandja\n"
            + "706482\tKharkiv Oblast\tadmin1\tUA\t07\t3027437\t49.87\t36.33\t\tkharkiv oblast|kharkiv region\n",
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
        let lexicon = try EntityLexicon(directory: directory, english: Fixtures.lexicon.english)
        #expect(lexicon.gazetteer.lookup("Gandja")?.name == "Ganja")
        #expect(lexicon.gazetteer.lookup("Gaza")?.name == "Gaza Strip")
        let ganja = try #require(lexicon.gazetteer.lookup("Ganja"))
        #expect(ganja.geonamesId == 586523 && ganja.coordinates == Coordinates(lat: 40.6828, lon: 46.3606))
        #expect(ganja.admin1Code == "AZ.24" && ganja.subtype == "city" && ganja.population == 330663)
        let oblast = try #require(lexicon.gazetteer.lookup("Kharkiv region"))
        #expect(oblast.name == "Kharkiv Oblast" && oblast.subtype == "province" && oblast.geonamesId == 706482)
        #expect(oblast.admin1Code == "UA.07" && oblast.coordinates != nil)
        #expect(lexicon.gazetteer.lookup("Kharkiv") == nil)
    }

    /// Every place of the real gazetteer: GeoNames id and coordinates, containment by admin1 code.
    @Test(arguments: [
        ("Stepanakert", "Stepanakert", 146970, "AZ"),
        ("Xankendi", "Stepanakert", 146970, "AZ"),
        ("Ganja", "Ganja", 586523, "AZ"),
        ("Kharkiv", "Kharkiv", 706483, "UA"),
        ("Kiev", "Kyiv", 703448, "UA"),
        ("Armenia", "Armenia", 174982, "AM"),
        ("Texas", "Texas", 4736286, "US"),
        // First-level divisions carry GeoNames' own id (admin1CodesASCII), curated ones included.
        ("Kherson Oblast", "Kherson Oblast", 706442, "UA"),
        ("Sindh", "Sindh", 1164807, "PK"),
        ("England", "England", 6269131, "GB"),
        // A curated place that is a GeoNames country takes the country's id.
        ("Kosovo", "Kosovo", 831053, "XK"),
    ])
    func placesCarryGeoNames(written: String, name: String, geonamesId: Int, code: String) throws {
        let entry = try #require(gazetteer.lookup(written))
        #expect(entry.name == name && entry.geonamesId == geonamesId && entry.countryCode == code, "\(entry)")
        let point = try #require(entry.coordinates)
        #expect(abs(point.lat) <= 90 && abs(point.lon) <= 180)
    }

    @Test func divisionsContainTheirCities() throws {
        let city = try #require(gazetteer.lookup("Kharkiv"))
        let oblast = try #require(gazetteer.lookup("Kharkiv Oblast"))
        #expect(oblast.name == "Kharkiv Oblast" && oblast.subtype == "province")
        #expect(city.admin1Code != nil && city.admin1Code == oblast.admin1Code)
        let rayon = try #require(gazetteer.lookup("Barda district"))
        #expect(rayon.name == "Barda Rayon" && rayon.countryCode == "AZ" && rayon.subtype == "province")
        #expect(gazetteer.lookup("Barda")?.admin1Code == rayon.admin1Code)
    }

    @Test(arguments: [
        ("places.tsv", "1\tGotham\tcity\tUS\n", "expected 10"),
        ("countries.tsv", "Nowhere\n", "expected 2 to 6 columns"),
        ("countries.tsv", "Nowhere\tNW\t\tmany\n", "geonamesId"),
        ("countries.tsv", "Nowhere\tNW\t\t1\t95\t10\n", "coordinates"),
        ("countries.tsv", "Nowhere\tNOW\t\n", "two letters"),
        ("demonyms.tsv", "Martian\tMars\n", "unknown place"),
        ("regions.tsv", "\tregion\tPS\n", "column 1 is empty"),
        ("states.tsv", "Texas\tUS\tstate\t1\t2\t3\tTX\textra\n", "expected 3 to 7 columns"),
        ("organizations.tsv", nil, "cannot be read"),
    ] as [(String, String?, String)])
    func malformedFileThrowsNamingIt(file: String, contents: String?, reason: String) throws {
        let directory = try Self.configDirectory(replacing: file, with: contents)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try EntityLexicon(directory: directory, english: Fixtures.lexicon.english)
            Issue.record("\(file) loaded")
        } catch let error as LexiconError {
            #expect(error.file.hasSuffix("entities/\(file)"), "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }
}
