import Foundation
@testable import Model

/// Paths and shared values for the model tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's `config/` directory.
    static let configDirectory = repositoryRoot.appendingPathComponent("config")
    /// Test fixture files.
    static let filesDirectory = repositoryRoot.appendingPathComponent("Tests/ModelTests/Fixtures")
    /// The lexicon, loaded once for all tests.
    static let lexicon: Lexicon = {
        do { return try Lexicon(directory: configDirectory) } catch { fatalError("config/ does not load: \(error)") }
    }()

    /// A document of the given paragraphs.
    static func document(_ paragraphs: String..., date: String = "2020-10-12") -> Document {
        Document(id: "test", date: date, paragraphs: paragraphs, english: Fixtures.lexicon.english)
    }
}
