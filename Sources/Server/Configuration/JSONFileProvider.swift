import Configuration
import Foundation

/// A JSON configuration file read at once, synchronously, as a swift-configuration provider.
///
/// swift-configuration's own `FileProvider<JSONSnapshot>` is created with `await`; the commands are
/// synchronous, so this wraps the library's `JSONSnapshot` (its parsing and type conversions) directly.
struct JSONFileProvider: ConfigProvider {
    /// The file's path.
    let providerName: String
    /// The top-level keys of the file, to reject unknown ones.
    let keys: [String]
    private let contents: JSONSnapshot

    /// Reads and parses `path`; throws `Configuration.Invalid` naming the file when it cannot.
    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Configuration.Invalid(key: path, reason: "cannot read the file")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Configuration.Invalid(key: path, reason: "not a JSON object")
        }
        providerName = path
        keys = object.keys.sorted()
        let bytes = [UInt8](data)
        do {
            contents = try JSONSnapshot(data: bytes.span.bytes, providerName: path, parsingOptions: .default)
        } catch {
            throw Configuration.Invalid(key: path, reason: "malformed: \(error)")
        }
    }

    func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try contents.value(forKey: key, type: type)
    }

    func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        try value(forKey: key, type: type)
    }

    nonisolated(nonsending) func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey, type: ConfigType,
        updatesHandler: nonisolated(nonsending) (ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
    }

    func snapshot() -> any ConfigSnapshot { contents }

    nonisolated(nonsending) func watchSnapshot<Return: ~Copyable>(
        updatesHandler: nonisolated(nonsending) (ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
    }
}
