import Foundation

/// Slugs for ids: lower-case ASCII letters and digits joined by single hyphens, accents folded.
public enum Slug {
    /// "Nagorno-Karabakh" -> "nagorno-karabakh"; "Gəncə" -> "gence"; at most `maxWords` words.
    public static func make(_ text: String, maxWords: Int = .max) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.applyingFolding().unicodeScalars {
            if scalar.isASCII && scalar.isWordScalar {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "Azerbaijan's" -> "azerbaijans"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == maxWords { break }
            }
        }
        if !current.isEmpty && words.count < maxWords { words.append(current) }
        return words.joined(separator: "-")
    }
}

extension String {
    /// Lower-cased with diacritics removed ("Gəncə" -> "gence", "Hajıyev" -> "hajiyev"), for matching.
    public func applyingFolding() -> String {
        if self.utf8.allSatisfy({ $0 < 0x80 }) { return self.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in self.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
            switch scalar {
            case "\u{0259}", "\u{018F}": out.append("e")  // schwa, as in Azerbaijani "Gəncə"
            case "\u{0131}": out.append("i")  // dotless i
            case "\u{00DF}": out.append(contentsOf: "ss".unicodeScalars)
            case "\u{00F8}", "\u{00D8}": out.append("o")
            case "\u{0142}", "\u{0141}": out.append("l")
            case "\u{2019}", "\u{2018}": out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }
}
