import Configuration

extension Configuration {
    /// A value given on the command line for a key.
    struct Flag: Sendable {
        /// The configuration key it sets.
        let key: String
        /// The flag as typed, for errors (`--port`).
        let label: String
        /// The parsed value.
        let value: ConfigContent

        /// A flag that set `key` to `value`.
        init(key: String, label: String, value: some ConfigurationValue) {
            self.key = key
            self.label = label
            self.value = value.configContent
        }
    }

    /// Resolves the configuration with swift-configuration: flags over `NEWSDESK_*` environment variables
    /// over the file over the defaults. A bad or unknown value throws `Invalid` naming the key, the
    /// environment variable or the flag it came from; `validate()` then checks every value's range.
    static func resolve(file: JSONFileProvider?, environment: [String: String], flags: [Flag] = []) throws -> Configuration {
        if let file, let unknown = file.keys.first(where: { name in !keys.contains { $0.name == name } }) {
            throw Invalid(key: unknown, reason: "unknown key in \(file.providerName)")
        }
        let defaults = Configuration()
        let byName = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0) })
        let variables = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0.environment) })
        // Each layer with how an error names the source of a key's value, highest priority first.
        var layers: [(provider: any ConfigProvider, label: @Sendable (Key) -> String)] = []
        layers.append((InMemoryProvider(name: "flags", values: Dictionary(flags.map { flag in
            (AbsoluteConfigKey(ConfigKey(flag.key)), ConfigValue(flag.value, isSecret: byName[flag.key]?.isSecret ?? false))
        }, uniquingKeysWith: { _, last in last })), { key in flags.last { $0.key == key.name }?.label ?? key.name }))
        let secrets = Set(keys.filter(\.isSecret).map(\.environment))
        // The library derives a variable from a key; the mapping hands it the declared name instead.
        let environmentProvider = EnvironmentVariablesProvider(
            environmentVariables: environment, secretsSpecifier: .specific(secrets))
        layers.append((KeyMappingProvider(upstream: environmentProvider) { key in
            let name = key.components.joined(separator: ".")
            return AbsoluteConfigKey([variables[name] ?? name])
        }, { $0.environment }))
        if let file { layers.append((file, { $0.name })) }
        layers.append((InMemoryProvider(name: "defaults", values: Dictionary(uniqueKeysWithValues: keys.map { key in
            (AbsoluteConfigKey(ConfigKey(key.name)), ConfigValue(key.content(defaults), isSecret: key.isSecret))
        })), { $0.name }))

        let reader = ConfigReader(providers: layers.map(\.provider))
        var configuration = defaults
        for key in keys {
            do {
                try key.read(reader, &configuration)
            } catch {
                throw invalid(key, layers: layers, environment: environment, flags: flags)
            }
        }
        return configuration
    }

    /// The error for a value that did not convert: names the first layer whose value is bad.
    private static func invalid(_ key: Key, layers: [(provider: any ConfigProvider, label: @Sendable (Key) -> String)],
                                environment: [String: String], flags: [Flag]) -> Invalid {
        let expected = switch key.type {
        case .int: "expected an integer"
        case .stringArray: "expected a list of strings"
        default: "expected a string"
        }
        for layer in layers {
            do {
                if try layer.provider.value(forKey: AbsoluteConfigKey(ConfigKey(key.name)), type: key.type).value != nil {
                    break
                }
            } catch {
                let label = layer.label(key)
                let raw = environment[label].map { ", got '\($0)'" } ?? ""
                return Invalid(key: label, reason: expected + raw)
            }
        }
        return Invalid(key: key.name, reason: expected)
    }
}
