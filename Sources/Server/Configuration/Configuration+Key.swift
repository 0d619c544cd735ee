import Configuration

extension Configuration {
    /// One configuration key: its name, environment variable, the property it sets and its check.
    ///
    /// The value is read through swift-configuration's `ConfigReader`, typed by the property's type.
    struct Key: Sendable {
        /// The key as written in `config/server.json`.
        let name: String
        /// The environment variable that sets it (`NEWSDESK_MAX_URI_LENGTH` for `maxUriLength`).
        let environment: String
        /// The type swift-configuration reads.
        let type: ConfigType
        /// Whether the value is a secret (kept out of access logs).
        let isSecret: Bool
        /// The property's value as configuration content (the defaults layer).
        let content: @Sendable (Configuration) -> ConfigContent
        /// Reads the value from a reader into a configuration.
        let read: @Sendable (ConfigReader, inout Configuration) throws -> Void
        /// Why the configuration's value is bad, or nil when it is good.
        let check: @Sendable (Configuration) -> String?

        /// Declares a key for the property `path`; `environment` overrides the derived variable name.
        init<Value: ConfigurationValue>(
            _ name: String, _ path: WritableKeyPath<Configuration, Value> & Sendable,
            environment: String? = nil, secret: Bool = false,
            check: @escaping @Sendable (Value) -> String? = { _ in nil }
        ) {
            self.name = name
            self.environment = environment ?? Self.environmentName(name)
            self.type = Value.configType
            self.isSecret = secret
            self.content = { $0[keyPath: path].configContent }
            self.read = { reader, configuration in
                configuration[keyPath: path] = try Value.read(reader, key: ConfigKey(name), isSecret: secret)
            }
            self.check = { check($0[keyPath: path]) }
        }

        /// `NEWSDESK_` and the key in upper snake case: `maxUriLength` -> `NEWSDESK_MAX_URI_LENGTH`.
        static func environmentName(_ name: String) -> String {
            var out = "NEWSDESK_"
            var previousLower = false
            for c in name {
                if c.isUppercase && previousLower { out.append("_") }
                out += c.uppercased()
                previousLower = c.isLowercase || c.isNumber
            }
            return out
        }
    }
}

/// A type a configuration key can hold: read through swift-configuration, or turned into its content.
protocol ConfigurationValue: Sendable {
    /// The type swift-configuration converts the raw value to.
    static var configType: ConfigType { get }
    /// Reads the value; throws when it is missing or of the wrong kind.
    static func read(_ reader: ConfigReader, key: ConfigKey, isSecret: Bool) throws -> Self
    /// The value as configuration content.
    var configContent: ConfigContent { get }
}

extension String: ConfigurationValue {
    static var configType: ConfigType { .string }
    static func read(_ reader: ConfigReader, key: ConfigKey, isSecret: Bool) throws -> String {
        try reader.requiredString(forKey: key, isSecret: isSecret)
    }
    var configContent: ConfigContent { .string(self) }
}

extension Int: ConfigurationValue {
    static var configType: ConfigType { .int }
    static func read(_ reader: ConfigReader, key: ConfigKey, isSecret: Bool) throws -> Int {
        try reader.requiredInt(forKey: key, isSecret: isSecret)
    }
    var configContent: ConfigContent { .int(self) }
}

extension Array: ConfigurationValue where Element == String {
    static var configType: ConfigType { .stringArray }
    static func read(_ reader: ConfigReader, key: ConfigKey, isSecret: Bool) throws -> [String] {
        try reader.requiredStringArray(forKey: key, isSecret: isSecret)
    }
    var configContent: ConfigContent { .stringArray(self) }
}
