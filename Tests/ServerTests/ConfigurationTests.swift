import Foundation
import Testing
@testable import Server

@Suite struct ConfigurationTests {
    func file(_ json: String) throws -> JSONFileProvider {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return try JSONFileProvider(path: url.path)
    }

    /// The key of the `Invalid` error `body` throws, or nil when it throws none.
    func invalidKey(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as Configuration.Invalid {
            return error.key
        } catch {
            Issue.record("unexpected \(error)")
            return "\(error)"
        }
    }

    @Test func shippedConfigIsValidAndMatchesTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/server.json")
        let config = try Configuration.resolve(file: JSONFileProvider(path: shipped.path), environment: [:])
        try config.validate()
        #expect(config == Configuration())
    }

    @Test func nothingGivenIsTheDefaults() throws {
        #expect(try Configuration.resolve(file: nil, environment: ["PORT": "1", "HOST": "x"]) == Configuration())
    }

    @Test func layersOverrideInOrder() throws {
        let json = try file(#"{"port": 9000, "host": "0.0.0.0", "threads": 3, "apiKeys": ["k1"]}"#)
        let environment = [
            "NEWSDESK_PORT": "9100", "NEWSDESK_THREADS": "5",
            "NEWSDESK_CORS_ORIGINS": "https://a.example, https://b.example",
            "NEWSDESK_MAX_URI_LENGTH": "4096", "NEWSDESK_DATA": "/srv/corpus",
        ]
        let config = try Configuration.resolve(file: json, environment: environment, flags: [
            .init(key: "threads", label: "--threads", value: 7), .init(key: "logLevel", label: "--log-level", value: "debug"),
        ])
        #expect(config.host == "0.0.0.0")          // file over default
        #expect(config.apiKeys == ["k1"])          // file
        #expect(config.port == 9100)               // environment over file
        #expect(config.threads == 7)               // flag over environment over file
        #expect(config.logLevel == "debug")        // flag over default
        #expect(config.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(config.maxUriLength == 4096)       // NEWSDESK_ and the key in upper snake case
        #expect(config.dataDirectory == "/srv/corpus")   // the declared variable NEWSDESK_DATA
        #expect(config.timeoutSeconds == Configuration().timeoutSeconds)
        try config.validate()
    }

    @Test func everyKeyHasOneDistinctVariable() {
        let names = Configuration.keys.map(\.environment)
        #expect(Set(names).count == names.count)
        #expect(Configuration.Key.environmentName("responseCacheEntries") == "NEWSDESK_RESPONSE_CACHE_ENTRIES")
        #expect(Configuration.keys.first { $0.name == "lexiconDirectory" }?.environment == "NEWSDESK_LEXICON")
    }

    @Test(arguments: [
        (#"{"prot": 1}"#, "prot"), (#"{"port": "eighty"}"#, "port"), (#"{"threads": 1.5}"#, "threads"),
        (#"{"corsOrigins": "*"}"#, "corsOrigins"), (#"{"host": 7}"#, "host"), (#"{"apiKeys": [1, 2]}"#, "apiKeys"),
    ])
    func badFilesNameTheKey(json: String, key: String) throws {
        let provider = try file(json)
        #expect(invalidKey { _ = try Configuration.resolve(file: provider, environment: [:]) } == key)
    }

    @Test(arguments: ["[1, 2]", "{not json", ""])
    func aFileThatIsNotAnObjectIsNamed(json: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        #expect(invalidKey { _ = try JSONFileProvider(path: url.path) } == url.path)
    }

    @Test(arguments: [
        ("port", "70000", "port"), ("threads", "-1", "threads"), ("logLevel", "loud", "logLevel"),
        ("corsOrigins", "", "corsOrigins"), ("maxUriLength", "10", "maxUriLength"), ("apiKeys", "a,,b", "apiKeys"),
        ("headerTimeoutSeconds", "0", "headerTimeoutSeconds"), ("maxConnections", "-1", "maxConnections"),
        ("shutdownGraceSeconds", "-5", "shutdownGraceSeconds"),
    ])
    func badValuesNameTheKey(key: String, value: String, named: String) throws {
        let variable = Configuration.Key.environmentName(key)
        let config = try Configuration.resolve(file: nil, environment: [variable: value])
        #expect(invalidKey { try config.validate() } == named)
    }

    @Test(arguments: [("NEWSDESK_PORT", "http"), ("NEWSDESK_RESPONSE_CACHE_ENTRIES", "many"), ("NEWSDESK_THREADS", "2.5")])
    func badEnvironmentNamesTheVariable(variable: String, value: String) {
        #expect(invalidKey { _ = try Configuration.resolve(file: nil, environment: [variable: value]) } == variable)
    }

    @Test func theFaultKeysHaveTheirDefaultsAndLayers() throws {
        let defaults = Configuration()
        #expect(defaults.headerTimeoutSeconds == 10)
        #expect(defaults.maxConnections == 0)   // derived from the open-file limit
        #expect(defaults.shutdownGraceSeconds == 30)
        let config = try Configuration.resolve(
            file: try file(#"{"maxConnections": 500, "headerTimeoutSeconds": 5, "shutdownGraceSeconds": 20}"#),
            environment: ["NEWSDESK_HEADER_TIMEOUT_SECONDS": "3", "NEWSDESK_SHUTDOWN_GRACE_SECONDS": "0"])
        #expect(config.maxConnections == 500)       // file
        #expect(config.headerTimeoutSeconds == 3)   // environment over file
        #expect(config.shutdownGraceSeconds == 0)   // 0: exit as soon as the listeners close
        try config.validate()
        #expect(invalidKey { _ = try Configuration.resolve(file: nil, environment: ["NEWSDESK_MAX_CONNECTIONS": "lots"]) }
                == "NEWSDESK_MAX_CONNECTIONS")
    }

    @Test func aBadFileValueUnderAGoodVariableIsNotReached() throws {
        // The environment wins, so the file's value for the key is never converted.
        let config = try Configuration.resolve(file: try file(#"{"port": "eighty"}"#), environment: ["NEWSDESK_PORT": "81"])
        #expect(config.port == 81)
    }

    @Test func badFlagNamesTheFlag() {
        #expect(invalidKey {
            try Configuration.resolve(file: nil, environment: [:], flags: [.init(key: "logLevel", label: "--log-level", value: "loud")])
                .validate()
        } == "logLevel")
        #expect(invalidKey {
            _ = try Configuration.resolve(file: nil, environment: [:], flags: [.init(key: "port", label: "--port", value: "eighty")])
        } == "--port")
    }

    /// A temporary folder; with `lexicon`, it holds the marker file of a lexicon folder.
    func folder(lexicon: Bool) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("entities"), withIntermediateDirectories: true)
        if lexicon { try Data("x\n".utf8).write(to: url.appendingPathComponent(LexiconLocation.marker)) }
        return url
    }

    @Test func aMissingLexiconFolderIsSaidToBeMissing() throws {
        let empty = try folder(lexicon: false)
        do {
            _ = try LexiconLocation.find(configured: empty.path, configFile: nil)
            Issue.record("should fail")
        } catch let error as Configuration.Invalid {
            #expect(error.key == "lexiconDirectory")
            #expect(error.reason.contains("not a lexicon folder"))
        }
        // Nothing configured, no config file, an executable somewhere without config/: every place is named.
        do {
            let found = try LexiconLocation.find(configured: "", configFile: nil,
                                                 executable: empty.appendingPathComponent("bin/newsdesk"), workingDirectory: empty)
            // Only a machine with /usr/share/newsdesk installed finds one.
            #expect(found.path == "/usr/share/newsdesk")
        } catch let error as Configuration.Invalid {
            #expect(error.reason.contains("is missing"))
            #expect(error.reason.contains("/usr/share/newsdesk"))
            #expect(error.reason.contains(empty.appendingPathComponent("bin/config").path))
            #expect(error.reason.contains(empty.appendingPathComponent("config").path))
        }
    }

    @Test func theLexiconIsFoundBesideTheExecutableOrTheConfigFile() throws {
        let install = try folder(lexicon: false)
        let beside = install.appendingPathComponent("bin/config")
        try FileManager.default.createDirectory(at: beside.appendingPathComponent("entities"), withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: beside.appendingPathComponent(LexiconLocation.marker))
        let executable = install.appendingPathComponent("bin/newsdesk")
        #expect(try LexiconLocation.find(configured: "", configFile: nil, executable: executable).path
                == beside.path)
        // A config file's own folder comes first when it holds the data.
        let withFile = try folder(lexicon: true)
        #expect(try LexiconLocation.find(configured: "", configFile: withFile.appendingPathComponent("server.json"),
                                         executable: executable).path == withFile.path)
        // A config file elsewhere (/etc) without the data falls through to the executable's folder.
        let bare = try folder(lexicon: false)
        #expect(try LexiconLocation.find(configured: "", configFile: bare.appendingPathComponent("server.json"),
                                         executable: executable).path == beside.path)
    }
}
