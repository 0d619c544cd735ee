import Foundation
import Model

/// Builds the router with every route: `serve` and the tests call this one function.
func makeRouter(state: ServerState, openAPI: [UInt8]) -> Router {
    var router = Router()
    ArticleHandlers.register(&router)
    QuoteHandlers.register(&router)
    EntityHandlers.register(&router)
    CasualtyHandlers.register(&router)
    EventHandlers.register(&router)
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
