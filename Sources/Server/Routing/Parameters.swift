import Model

/// Path and query parameters of one request, with validation that names the parameter at fault.
struct Parameters: Sendable {
    /// Path parameters by name ("id" for "/articles/{id}").
    var path: [String: String]
    /// Query parameters by name.
    private(set) var query: [String: String]

    /// No parameters (a request not routed yet).
    init() {
        path = [:]
        query = [:]
    }

    /// Checks the query against the names a route accepts: an unknown or repeated name is a 400.
    init(path: [String: String], query: [(name: String, value: String)], allowed: Set<String>) throws(APIError) {
        self.path = path
        var values: [String: String] = [:]
        for (name, value) in query {
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "this endpoint takes no query parameters"
                    : "known parameters: \(allowed.sorted().joined(separator: ", "))"
                throw .invalidParameter(name, "unknown query parameter '\(name)'; \(known)")
            }
            guard values[name] == nil else { throw .invalidParameter(name, "'\(name)' is given more than once") }
            values[name] = value
        }
        self.query = values
    }

    /// A path parameter.
    subscript(path name: String) -> String { path[name] ?? "" }

    /// A query value; empty values count as absent.
    func string(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer in `range`, or `defaultValue` when absent.
    func int(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw .invalidParameter(name, "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD`.
    func date(_ name: String) throws(APIError) -> String? {
        guard let text = string(name) else { return nil }
        guard CalendarDate.isValid(text) else {
            throw .invalidParameter(name, "'\(name)' must be a calendar date YYYY-MM-DD, got '\(text)'")
        }
        return text
    }

    /// The `from`/`to` window (and `date`, when the route takes it); `from` after `to` is a 400.
    func window(allowingDate: Bool = true) throws(APIError) -> DateWindow {
        if allowingDate, let day = try date("date") {
            if string("from") != nil || string("to") != nil {
                throw .invalidParameter("date", "'date' cannot be combined with 'from' or 'to'")
            }
            return .day(day)
        }
        let window = DateWindow(from: try date("from"), to: try date("to"))
        if let from = window.from, let to = window.to, from > to {
            throw .invalidParameter("from", "'from' (\(from)) is after 'to' (\(to))")
        }
        return window
    }

    /// One of a fixed set of values.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws(APIError) -> T? where T.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw .invalidParameter(name, "'\(name)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
        }
        return value
    }

    /// One of the given strings.
    func choice(_ name: String, in allowed: [String]) throws(APIError) -> String? {
        guard let text = string(name) else { return nil }
        guard allowed.contains(text) else {
            throw .invalidParameter(name, "'\(name)' must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    /// Folded search words of a parameter ("Hikmet Hajiyev" -> ["hikmet", "hajiyev"]).
    func words(_ name: String) throws(APIError) -> [String] {
        guard let text = string(name) else { return [] }
        let words = TextTokens.words(text)
        guard !words.isEmpty else { throw .invalidParameter(name, "'\(name)' must contain a letter or digit") }
        return words
    }
}
