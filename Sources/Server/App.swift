import Foundation
import Model

/// Builds the router with every route: `serve` and the tests call this one function.
func makeRouter(state: ServerState, openAPI: [UInt8]) -> Router {
    var router = Router()
    ArticleHandlers.register(&router, state: state)
    QuoteHandlers.register(&router, state: state)
    EntityHandlers.register(&router, state: state)
    CasualtyHandlers.register(&router, state: state)
    EventHandlers.register(&router, state: state)
    OpsHandlers.register(&router, state: state, openAPI: openAPI)
    return router
}

/// The OpenAPI document shipped with the server (`Sources/Server/openapi.json`).
func loadOpenAPI() throws -> [UInt8] {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
          let data = FileManager.default.contents(atPath: url.path)
    else { throw ValidationErrorText("openapi.json is missing from the server's resources") }
    return Array(data)
}

/// An error with a plain message.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
