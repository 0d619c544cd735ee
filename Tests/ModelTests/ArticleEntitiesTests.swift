import Foundation
import Testing
@testable import Model

/// Article entities held packed (`ArticleEntities`, strings and place data in `EntityPool`) come back exactly as
/// they were made, and write the JSON `ArticleEntity` writes.
@Suite struct ArticleEntitiesTests {
    /// Values a pool could merge by mistake: the same name in two Unicode forms (equal as Swift strings, not as
    /// bytes), a coordinate of -0.0 beside 0.0, a GeoNames id of 0 beside none, an empty alias list.
    static let samples: [ArticleEntity] = [
        ArticleEntity(id: "zurich", name: "Z\u{FC}rich", type: .location, subtype: "city", countryCode: "CH",
                      geonamesId: 2657896, coordinates: Coordinates(lat: 47.36667, lon: 8.55), admin1Code: "CH.ZH",
                      aliases: ["Zurich", "Zürich"], mentions: 3,
                      mentionSpans: [MentionSpan(start: 0, end: 6, text: "Z\u{FC}rich"), MentionSpan(start: 20, end: 27, text: "Zu\u{308}rich"),
                                     MentionSpan(start: 40, end: 46, text: "Zurich")]),
        ArticleEntity(id: "zurich", name: "Zu\u{308}rich", type: .location, subtype: "city", countryCode: "CH",
                      geonamesId: 0, coordinates: Coordinates(lat: -0.0, lon: 0.0), admin1Code: nil,
                      aliases: [], mentions: 1, mentionSpans: [MentionSpan(start: 5, end: 12, text: "Zu\u{308}rich")]),
        ArticleEntity(id: "zurich", name: "Zurich", type: .location, subtype: "city", countryCode: "CH",
                      geonamesId: nil, coordinates: Coordinates(lat: 0.0, lon: 0.0), aliases: [], mentions: 0, mentionSpans: []),
        ArticleEntity(id: "hikmet-hajiyev", name: "Hikmet Hajiyev", type: .person, aliases: ["Hajiyev"], mentions: 2,
                      mentionSpans: [MentionSpan(start: 44, end: 58, text: "Hikmet Hajiyev"), MentionSpan(start: 90, end: 97, text: "x")]),
    ]

    /// Every field as bytes and bits, so that values equal as Swift strings but written differently differ.
    static func exact(_ e: ArticleEntity) -> String {
        func bytes(_ s: String?) -> String { s.map { Array($0.utf8).description } ?? "nil" }
        let coordinates = e.coordinates.map { "\($0.lat.bitPattern),\($0.lon.bitPattern)" } ?? "nil"
        let spans = e.mentionSpans.map { "\($0.start)-\($0.end)-\(bytes($0.text))" }
        return [bytes(e.id), bytes(e.name), e.type.rawValue, bytes(e.subtype), bytes(e.countryCode),
                e.geonamesId.map(String.init) ?? "nil", coordinates, bytes(e.admin1Code), e.aliases.map(bytes).description,
                String(e.mentions), spans.description].joined(separator: "|")
    }

    @Test func unpacksExactlyWhatWasPacked() {
        let packed = ArticleEntities(Self.samples)
        #expect(packed.count == Self.samples.count)
        #expect(packed.all.map(Self.exact) == Self.samples.map(Self.exact))
        for k in Self.samples.indices {
            #expect(packed.idAndType(k) == (Self.samples[k].id, Self.samples[k].type))
            var withoutSpans = Self.samples[k]
            withoutSpans.mentionSpans = []
            #expect(Self.exact(packed.entity(k, spans: false)) == Self.exact(withoutSpans))
        }
        #expect(ArticleEntities([]).isEmpty && ArticleEntities().all.isEmpty)
    }

    @Test func writesTheJSONOfTheUnpackedEntities() {
        let packed = ArticleEntities(Self.samples)
        for k in Self.samples.indices { #expect(packed.jsonBytes(k) == Self.samples[k].jsonBytes) }
        var whole = JSONWriter()
        packed.writeJSON(to: &whole)
        var expected = JSONWriter()
        expected.array(Self.samples)
        #expect(whole.bytes == expected.bytes)
    }

    @Test func packedListsCompareByBytes() throws {
        #expect(ArticleEntities(Self.samples) == ArticleEntities(Self.samples))
        #expect(ArticleEntities(Array(Self.samples[0...0])) != ArticleEntities(Array(Self.samples[1...1])))
        // An article's entities survive a Codable round trip as a plain array.
        let data = try JSONEncoder().encode(ArticleEntities(Self.samples))
        #expect(try JSONDecoder().decode([ArticleEntity].self, from: data).count == Self.samples.count)
        #expect(try JSONDecoder().decode(ArticleEntities.self, from: data).all.map(Self.exact) == Self.samples.map(Self.exact))
    }
}
