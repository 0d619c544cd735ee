import Foundation
import Testing
@testable import Model

/// Golden tables for the entity extractor: each row is a text and the (name, type) pairs it must yield,
/// no more and no fewer.
@Suite struct EntityExtractorTests {
    /// An expected entity: its name and type.
    struct Expected: Hashable, CustomStringConvertible {
        let name: String
        let type: EntityType
        var description: String { "\(name) (\(type.rawValue))" }
    }

    static func person(_ name: String) -> Expected { Expected(name: name, type: .person) }
    static func place(_ name: String) -> Expected { Expected(name: name, type: .location) }
    static func org(_ name: String) -> Expected { Expected(name: name, type: .organization) }

    let extractor = EntityExtractor(lexicon: Fixtures.lexicon)

    func entities(_ paragraphs: String...) -> [ArticleEntity] {
        extractor.extract(Document(id: "test", date: "2020-10-12", paragraphs: paragraphs, english: Fixtures.lexicon.english))
    }

    @Test(arguments: [
        // The seed article's sentences.
        ("Azerbaijan and Armenia are fighting over the Nagorno-Karabakh region.",
         [place("Azerbaijan"), place("Armenia"), place("Nagorno-Karabakh")]),
        ("“They were scared. Everybody was scared. Who would have wanted this?”, a Ganja resident, Vesile Mehmedova said.",
         [place("Ganja"), person("Vesile Mehmedova")]),
        ("“What was the reason to attack Mingechevir city of Azerbaijan?”, Azerbaijan's presidential aide, Hikmet Hajiyev said.",
         [place("Mingechevir"), place("Azerbaijan"), person("Hikmet Hajiyev")]),
        ("Baku has admitted launching air strikes on Armenian troops.", [place("Baku")]),
        ("Turkey is blaming Russia for it, asking Moscow to exert more pressure on Armenia.",
         [place("Turkey"), place("Russia"), place("Moscow"), place("Armenia")]),
        ("Eye-witnesses in Karabakh reported blasts in the regional capital.", [place("Karabakh")]),
        // Organisations: curated, by head word, by a defined acronym.
        ("In response to questions, the Israel Defense Forces (IDF) said the IDF struck targets.",
         [org("Israel Defense Forces")]),
        ("The Ministry of Health in Gaza said 30 people were killed.", [org("Ministry of Health"), place("Gaza")]),
        ("Reuters reported that Hamas fighters had entered Khan Younis.",
         [org("Reuters"), org("Hamas"), place("Khan Younis")]),
        ("Fighters from JNIM (Jama’at Nusrat al-Islam wal-Muslimin) attacked the convoy.",
         [org("Jama’at Nusrat al-Islam wal-Muslimin")]),
        // A place inside an organisation's name is a place named too.
        ("The Kenya National Commission on Human Rights said four people died.",
         [place("Kenya"), org("Kenya National Commission on Human Rights")]),
        ("The UN-run school was hit.", [org("UN")]),
        // People: titles, reporting verbs, surnames.
        ("Interior Minister Gordana Jankulovska said police had been deployed.", [person("Gordana Jankulovska")]),
        ("Secretary of Defense Lloyd Austin spoke to reporters.", [person("Lloyd Austin")]),
        ("Federal Reserve Chair Jerome Powell said rates would stay high.", [org("Federal Reserve"), person("Jerome Powell")]),
        // A weekday after a titled name is no part of it; a month may be a surname.
        ("Former President Donald Trump Saturday held a rally, and Prime Minister Theresa May said no.",
         [person("Donald Trump"), person("Theresa May")]),
        ("Foreign Minister Israel Katz said Israel would respond.", [person("Israel Katz"), place("Israel")]),
        ("“It was terrible,” said Ruwaida Issa, 41, a mother of five.", [person("Ruwaida Issa")]),
        ("Gen. Ahmed Asiri told reporters in Riyadh that the strikes would go on.",
         [person("Ahmed Asiri"), place("Riyadh")]),
        // Places by context and head word.
        ("The train was heading to the capital from the town of Gaafour.", [place("Gaafour")]),
        ("Helicopters landed in the districts of Sindhupalchok, Dolakha and Rasuwa.",
         [place("Sindhupalchok"), place("Dolakha"), place("Rasuwa")]),
        ("Troops searched the Sambisa Forest for the missing girls.", [place("Sambisa Forest")]),
        ("The Moscow-mediated peace deal is on the verge of collapse.", [place("Moscow")]),
        // "and" separates names; a date after a name is not part of it; a place before a noun stays a place.
        ("The Taliban and the Haqqani Network claimed the attack.", [org("Taliban"), org("Haqqani Network")]),
        ("The UN Development Programme on Wednesday launched an appeal.", [org("UN Development Programme")]),
        ("Al Jazeera's Mohammed Adow said Garissa police had confirmed the deaths.",
         [org("Al Jazeera"), person("Mohammed Adow"), place("Garissa")]),
        ("Activists in Homs, which includes Palmyra, told reporters that fighting continued.",
         [place("Homs"), place("Palmyra")]),
        // Company suffixes and political and market bodies name organisations, not people.
        ("Intel Corp said sales rose, and Marathon Oil Co agreed.", [org("Intel Corp"), org("Marathon Oil Co")]),
        ("The Federal Reserve held rates as the Republican National Convention opened.",
         [org("Federal Reserve"), org("Republican National Convention")]),
        ("John Smith spoke for the Congressional Black Caucus.", [person("John Smith"), org("Congressional Black Caucus")]),
        // The first word of a company's name alone is the company, not a person; a person's name stays one.
        ("Chrysler Corp said sales rose. Chrysler said it would cut jobs.", [org("Chrysler Corp")]),
        ("Donald Trump spoke at the Trump Organization. Trump said he was pleased.",
         [person("Donald Trump"), org("Trump Organization")]),
    ])
    func finds(text: String, expected: [Expected]) {
        let found = entities(text).map { Expected(name: $0.name, type: $0.type) }
        #expect(found == expected, "\(text)")
    }

    @Test(arguments: [
        "On Monday, the talks resumed.",
        "However, the fighting continued into the night.",
        "Armenian troops shelled the area.",  // a demonym alone makes no entity
        "Who would have wanted this?",
        "Nearly 500 lives have been lost in the fight so far.",
        "The CCTV footage was released in March.",
        "Is a war now inevitable between the two former Soviet Republics?",
        "The Abu Oreiban school was hit, and the Sunni-ruled Gulf states protested.",
        "The fishing vessel, FV Argos Georgia, requested assistance.",
        "The hospital said REUTER and PEKING were shouted.",
        // Named sports events and wildfires are none of the three types.
        "He won his third Grand Slam title as the Park Fire grew.",
    ])
    func findsNothing(text: String) {
        #expect(entities(text).isEmpty, "\(text)")
    }

    @Test func demonymsCountOnlyWhenTheCountryIsNamed() throws {
        let found = entities("Armenian troops crossed into Armenia.")
        let armenia = try #require(found.first)
        #expect(found.count == 1)
        #expect(armenia.id == "armenia" && armenia.subtype == "country" && armenia.countryCode == "AM")
        #expect(armenia.mentions == 2)
        #expect(armenia.mentionSpans.map(\.text) == ["Armenian", "Armenia"])
        #expect(armenia.aliases.isEmpty)
    }

    @Test func aliasesAndPossessivesAreMentionsOfTheCanonicalEntity() throws {
        let found = entities("Armenia called for Nagorno-Karabakh's independence.", "Blasts were heard in Karabakh.")
        let region = try #require(found.first { $0.id == "nagorno-karabakh" })
        #expect(region.name == "Nagorno-Karabakh")
        #expect(region.aliases == ["Karabakh"])
        #expect(region.mentionSpans.map(\.text) == ["Nagorno-Karabakh", "Karabakh"])
        #expect(region.subtype == "region")
    }

    @Test func aSurnameLaterIsTheSamePerson() throws {
        let found = entities("Hikmet Hajiyev, a presidential aide, spoke first.", "Later Hajiyev said more.")
        #expect(found.count == 1)
        let person = try #require(found.first)
        #expect(person.name == "Hikmet Hajiyev" && person.id == "hikmet-hajiyev" && person.type == .person)
        #expect(person.aliases == ["Hajiyev"] && person.mentions == 2)
    }

    @Test func aTownNamedLikeAPersonIsThePerson() {
        let found = entities("“Everyone was crying,” the eyewitness Mr. Marcin told TVN24.", "Marcin said he saw a car.")
        #expect(found.filter { $0.type == .person }.map(\.name) == ["Marcin"])
        #expect(!found.contains { $0.type == .location })
    }

    @Test func organisationFormsAreOneEntity() {
        let found = entities("The Gaza Health Ministry said 20 died.", "The Ministry of Health gave no names.")
        let ministries = found.filter { $0.type == .organization }
        #expect(ministries.count == 1)
        #expect(ministries.first?.name == "Gaza Health Ministry")
        #expect(ministries.first?.aliases == ["Ministry of Health"])
    }

    @Test(arguments: ["Hikmet Hajiyev", "Nagorno-Karabakh", "Azerbaijan's presidential aide", "U.S.", "Gəncə",
                      "Khalil Al-Daqran", "Jama’at Nusrat al-Islam wal-Muslimin", "  --  ", "TVN24", "A. K. Saseendran"])
    func fastSlugIsSlug(name: String) {
        #expect(EntityCollector.slug(name) == Slug.make(name))
    }

    /// The seed article must come out exactly as its gold file says.
    @Test func seedArticle() throws {
        let url = Fixtures.filesDirectory.appendingPathComponent("entities/seed-000.txt")
        let document = try Self.document(url)
        let found = extractor.extract(document)
        let expected: Set<Expected> = [
            Self.person("Vesile Mehmedova"), Self.person("Hikmet Hajiyev"), Self.place("Azerbaijan"),
            Self.place("Armenia"), Self.place("Nagorno-Karabakh"), Self.place("Moscow"), Self.place("Ganja"),
            Self.place("Mingechevir"), Self.place("Baku"), Self.place("Russia"), Self.place("Turkey"),
        ]
        #expect(Set(found.map { Expected(name: $0.name, type: $0.type) }) == expected)
        #expect(found.first { $0.name == "Nagorno-Karabakh" }?.aliases == ["Karabakh"])
        // Every span points at its text, and entities come in order of first mention.
        let scalars = Array(document.text.unicodeScalars)
        for entity in found {
            #expect(entity.mentions == entity.mentionSpans.count)
            for span in entity.mentionSpans {
                #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
            }
        }
        let firsts = found.map { $0.mentionSpans[0].start }
        #expect(firsts == firsts.sorted())
    }

    /// A document from a corpus file in the plain-text format: `date YYYY-MM-DD lead`, blank-line paragraphs,
    /// "Also read:" lines left out.
    static func document(_ url: URL) throws -> Document {
        let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Also read:") }
        let first = paragraphs[0].dropFirst("date ".count)
        paragraphs[0] = String(first.dropFirst(10)).trimmingCharacters(in: .whitespaces)
        return Document(id: "seed", date: String(first.prefix(10)), paragraphs: paragraphs, english: Fixtures.lexicon.english)
    }
}
