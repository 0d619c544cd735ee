import Foundation
import Testing
@testable import Server

@Suite struct ConfigurationTests {
    func file(_ json: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test func shippedConfigIsValidAndMatchesTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/server.json")
        let config = try Configuration.load(file: shipped)
        try config.validate()
        #expect(config == Configuration())
    }

    @Test func layersOverrideInOrder() throws {
        var config = try Configuration.load(file: try file(#"{"port": 9000, "host": "0.0.0.0"}"#))
        #expect(config.port == 9000)
        try config.apply(environment: ["NEWSDESK_PORT": "9100", "NEWSDESK_CORS_ORIGINS": "https://a.example, https://b.example"])
        #expect(config.port == 9100)
        #expect(config.host == "0.0.0.0")
        #expect(config.corsOrigins == ["https://a.example", "https://b.example"])
        try config.set("port", text: "0", label: "--port")
        #expect(config.port == 0)
        try config.validate()
    }

    @Test(arguments: [
        (#"{"prot": 1}"#, "prot"), (#"{"port": "eighty"}"#, "port"), (#"{"threads": 1.5}"#, "threads"),
        (#"{"corsOrigins": "*"}"#, "corsOrigins"),
    ])
    func badFilesNameTheKey(json: String, key: String) throws {
        let url = try file(json)
        #expect(throws: Configuration.Invalid.self) { try Configuration.load(file: url) }
        do { _ = try Configuration.load(file: url) } catch let error as Configuration.Invalid { #expect(error.key == key) }
    }

    @Test(arguments: [
        ("port", "70000", "port"), ("threads", "-1", "threads"), ("logLevel", "loud", "logLevel"),
        ("corsOrigins", "", "corsOrigins"), ("maxUriLength", "10", "maxUriLength"),
    ])
    func badValuesNameTheKey(key: String, value: String, named: String) throws {
        var config = Configuration()
        try config.set(key, text: value, label: key)
        do {
            try config.validate()
            Issue.record("\(key)=\(value) should not validate")
        } catch let error as Configuration.Invalid {
            #expect(error.key == named)
        }
    }

    @Test func badEnvironmentNamesTheVariable() {
        var config = Configuration()
        do {
            try config.apply(environment: ["NEWSDESK_PORT": "http"])
            Issue.record("should fail")
        } catch let error as Configuration.Invalid {
            #expect(error.key == "NEWSDESK_PORT")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
