import Foundation
import Testing
@testable import Model

@Suite struct MojibakeRepairTests {
    /// `text` as a Windows-1252 decoder reads its UTF-8 (what a mis-decoding pipeline stored).
    static func mangled(_ text: String) -> String {
        let table = Dictionary(uniqueKeysWithValues: MojibakeRepair.windows1252.map { ($0.value, $0.key) })
        var out = String.UnicodeScalarView()
        for byte in text.utf8 {
            out.append(Unicode.Scalar(table[byte] ?? UInt32(byte))!)
        }
        return String(out)
    }

    @Test(arguments: [
        "Fran\u{C3}\u{A7}ois Hollande met the press in Paris.",
        "The minister said he didn\u{E2}\u{20AC}\u{2122}t know.",
        "\u{E2}\u{20AC}\u{153}We will stay,\u{E2}\u{20AC}\u{9D} said Jos\u{C3}\u{A9} Mar\u{C3}\u{AD}a Aznar.",
    ])
    func mangledTextIsRepaired(text: String) {
        let repaired = MojibakeRepair.repair(text)
        #expect(!repaired.contains("\u{C3}") && !repaired.contains("\u{E2}\u{20AC}"))
        #expect(Self.mangled(repaired) == text)
    }

    @Test func aRepairedNameReadsAsWritten() {
        #expect(MojibakeRepair.repair("Fran\u{C3}\u{A7}ois Hollande") == "François Hollande")
        #expect(MojibakeRepair.repair(Self.mangled("Lech Wałęsa and Tomáš Garrigue")) == "Lech Wałęsa and Tomáš Garrigue")
        #expect(MojibakeRepair.repair(Self.mangled("Prices rose 5 € — “fast”.")) == "Prices rose 5 € — “fast”.")
    }

    @Test(arguments: [
        "São Paulo and Ceará voted; the café’s owner, Zoë, said “ÉTÉ” was “SÃO”.",
        "Ângela visited Curaçao; Ò… was a typo, and so was Ç\u{A0}here.",
        "PERÚ” and ÉCOLE’ are shouted words; naïve façade; 3×“ marks.",
        "Plain English text with no accent at all.",
        "ÃO ÃA Ã ã é’” à— Â",
    ])
    func correctTextIsUntouched(text: String) {
        #expect(MojibakeRepair.repair(text) == text)
    }

    @Test func aMixedFileRepairsOnlyItsMojibake() throws {
        let text = "São Paulo’s mayor met Fran\u{C3}\u{A7}ois Hollande, who said he didn\u{E2}\u{20AC}\u{2122}t mind.\n\n"
            + "Ceará’s governor, José, was there too."
        let root = try LoaderTests.corpus(["mixed.txt": Array("date 2021-06-01 \(text)\n".utf8)])
        let result = try LoaderTests.loader(LoaderTests.small).load(directory: root)
        let article = try #require(result.articles.first)
        #expect(article.paragraphs == [
            "São Paulo’s mayor met François Hollande, who said he didn’t mind.",
            "Ceará’s governor, José, was there too.",
        ])
        #expect(article.entities.contains { $0.name == "François Hollande" })
    }

    @Test func jsonRecordsAreRepairedToo() throws {
        let line = LoaderTests.record("2021-06-02", "Jos\u{C3}\u{A9} Mar\u{C3}\u{AD}a Aznar arrived in S\u{E3}o Paulo.")
        let root = try LoaderTests.corpus(["records.jsonl": Array((line + "\n").utf8)])
        let article = try #require(try LoaderTests.loader(LoaderTests.small).load(directory: root).articles.first)
        #expect(article.paragraphs == ["José María Aznar arrived in São Paulo."])
    }

    @Test func cleanTextIsNotScannedFurther() {
        #expect(!MojibakeRepair.mayHoldMojibake("The mayor said: “We are ready.”"))
        #expect(MojibakeRepair.mayHoldMojibake("Fran\u{C3}\u{A7}ois"))
        let raw = RawArticle(date: "2021-06-01", title: "Clean", paragraphs: ["No accents."], related: [],
                             source: ArticleSource(file: "a.txt"))
        #expect(MojibakeRepair.repair(raw) == raw)
    }
}
