import ArgumentParser

extension Newsdesk {
    /// `newsdesk serve`: loads the corpus and serves the API.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load the corpus and serve the HTTP API.")

        @OptionGroup var common: CommonOptions

        func run() throws {}
    }
}
