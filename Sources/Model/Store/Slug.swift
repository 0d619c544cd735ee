import Foundation

/// Slugs for ids: lower-case ASCII letters and digits joined by single hyphens, accents folded.
public enum Slug {
    /// "Nagorno-Karabakh" -> "nagorno-karabakh"; "Gəncə" -> "gence"; at most `maxWords` words.
    public static func make(_ text: String, maxWords: Int = .max) -> String {
        // Over the folded form's UTF-8: ASCII letters and digits make words; apostrophes (' and U+2019, E2 80 99)
        // are skipped ("Azerbaijan's" -> "azerbaijans"); any other byte, non-ASCII scalars' bytes included,
        // ends a word. No `String` per word nor per scalar.
        var folded = text.applyingFolding()
        return folded.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var words = 0
            var inWord = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) {
                    if !inWord {
                        if words == maxWords { break }
                        if words > 0 { out.append(0x2D) }
                        words += 1
                        inWord = true
                    }
                    out.append(b)
                } else if b == 0x27 {
                    // skipped
                } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 {
                    i += 3
                    continue
                } else {
                    inWord = false
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension String {
    /// Lower-cased with diacritics removed ("Gəncə" -> "gence", "Hajıyev" -> "hajiyev"), for matching.
    public func applyingFolding() -> String {
        // ASCII: lower-cased byte by byte, and a string with no capital returned as it is (no copy).
        var text = self
        let ascii: String?? = text.withUTF8 { bytes -> String?? in
            var upper = false
            for b in bytes {
                if b >= 0x80 { return .none }
                if b &- 0x41 < 26 { upper = true }
            }
            guard upper else { return .some(nil) }
            return .some(String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count {
                    let b = bytes[k]
                    out[k] = b &- 0x41 < 26 ? b | 0x20 : b
                }
                return bytes.count
            })
        }
        switch ascii {
        case .some(.none): return self
        case .some(.some(let lowered)): return lowered
        case .none: break
        }
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
