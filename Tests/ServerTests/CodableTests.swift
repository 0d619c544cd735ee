import Foundation
import Testing
@testable import Model
@testable import Server

/// The models' `Codable` conformances read what the server writes: a Swift client can decode the served JSON
/// (written by hand for speed, not by `JSONEncoder`) into the same values the snapshot holds.
@Suite struct CodableTests {
    let service = TestCorpus.service()

    struct One<T: Decodable>: Decodable { let data: T }
    struct Many<T: Decodable>: Decodable { let data: [T] }

    func decode<T: Decodable>(_ type: T.Type, _ uri: String) throws -> T {
        let response = service.get(uri)
        #expect(response.status == 200, "\(uri)")
        return try JSONDecoder().decode(T.self, from: Data(response.body))
    }

    @Test func anArticleDecodesToTheArticleServed() throws {
        let source = TestCorpus.articles[0]
        let article = try decode(One<Article>.self, "/articles/\(source.id)").data
        #expect(article.id == source.id && article.title == source.title && article.text == source.text)
        #expect(article.quotes == source.quotes)
        #expect(article.entities.map(\.id) == source.entities.map(\.id))
        #expect(article.entities.map(\.mentionSpans) == source.entities.map(\.mentionSpans))
        #expect(article.casualties.map(\.id) == source.casualties.map(\.id))
        #expect(article.casualties.map(\.kind) == source.casualties.map(\.kind))
    }

    @Test func listsDecodeToTheirModels() throws {
        let quotes = try decode(Many<Quote>.self, "/quotes?speaker=hajiyev").data
        let expected = TestCorpus.articles.flatMap(\.quotes).filter { $0.speaker?.name == "Hikmet Hajiyev" }
        #expect(Set(quotes.map(\.id)) == Set(expected.map(\.id)))
        #expect(quotes.allSatisfy { q in expected.contains { $0.id == q.id && $0.text == q.text && $0.speaker == q.speaker } })

        let figures = try decode(Many<Casualty>.self, "/casualties?limit=500").data
        let all = TestCorpus.articles.flatMap(\.casualties)
        #expect(Set(figures.map(\.id)) == Set(all.map(\.id)))
        for figure in figures {
            let source = try #require(all.first { $0.id == figure.id })
            #expect(figure.kind == source.kind && figure.count == source.count && figure.qualifier == source.qualifier)
            #expect(figure.group == source.group && figure.scope == source.scope && figure.location == source.location)
        }

        let entity = try decode(One<Entity>.self, "/entities/ganja").data
        #expect(entity.id == "ganja" && entity.type == .location && entity.coordinates == TestCorpus.places["ganja"])
    }
}
