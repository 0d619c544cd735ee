import Foundation

/// Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 (or Latin-1) and encoded again, so that
/// "François" reads "FranÃ§ois" and "don’t" reads "donâ€™t".
///
/// A run of non-ASCII characters that all have a Windows-1252 (or Latin-1) byte is read back as those bytes;
/// the run is replaced by what the bytes decode to only when the whole run is valid UTF-8 and decodes to
/// characters news text uses (Latin letters, punctuation, currency signs, emoji; Greek, Cyrillic, CJK and
/// Hangul in runs longer than one letter). Anything else is left as written: a correct "São" or "café" is no valid
/// UTF-8 as bytes ("ã" alone is a lead byte without its continuation), and neither is a run that mixes
/// mojibake with genuine accents.
///
/// Clean text costs one byte scan: every double-encoded sequence starts with a character from U+00C2 to
/// U+00F4, whose UTF-8 starts with the byte 0xC3; text without that byte is returned untouched.
enum MojibakeRepair {
    /// The article with its title, paragraphs and related headlines repaired.
    static func repair(_ raw: RawArticle) -> RawArticle {
        guard mayHoldMojibake(raw) else { return raw }
        var repaired = raw
        repaired.title = raw.title.map(repair)
        repaired.paragraphs = raw.paragraphs.map(repair)
        repaired.related = raw.related.map(repair)
        return repaired
    }

    /// Each article of a file's read repaired, its failures as they were.
    static func repair(_ read: (articles: [RawArticle], failures: [LoadFailure]))
        -> (articles: [RawArticle], failures: [LoadFailure]) {
        (read.articles.map(repair), read.failures)
    }

    /// `text` with its mojibake runs repaired; `text` itself when it has none.
    static func repair(_ text: String) -> String {
        guard mayHoldMojibake(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var bytes: [UInt8] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].value >= 0x80, byte(scalars[i]) != nil else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var end = i
            bytes.removeAll(keepingCapacity: true)
            while end < scalars.count, scalars[end].value >= 0x80, let b = byte(scalars[end]) {
                bytes.append(b)
                end += 1
            }
            if let decoded = decode(bytes) {
                out.append(contentsOf: decoded.unicodeScalars)
                changed = true
            } else {
                out.append(contentsOf: scalars[i..<end])
            }
            i = end
        }
        return changed ? String(out) : text
    }

    /// Whether any of the article's texts holds the byte 0xC3 (see `mayHoldMojibake(_:)` on a string).
    static func mayHoldMojibake(_ raw: RawArticle) -> Bool {
        raw.paragraphs.contains(where: mayHoldMojibake) || raw.title.map(mayHoldMojibake) == true
            || raw.related.contains(where: mayHoldMojibake)
    }

    /// Whether `text`'s UTF-8 holds the byte 0xC3, with which every double-encoded sequence starts.
    static func mayHoldMojibake(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return false }
            return memchr(base, 0xC3, utf8.count) != nil
        }
    }

    /// What `bytes` (a whole run) decode to, when they are valid UTF-8 of characters that news text uses
    /// (`isPlausible`). A lone letter of another script than Latin is no evidence of mojibake: "é’”" would
    /// read as one CJK ideograph, "Ó…" as one Cyrillic letter; mis-decoded Cyrillic or Chinese comes in words.
    static func decode(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var count = 0
        var otherScript = 0
        for scalar in text.unicodeScalars {
            guard isPlausible(scalar) else { return nil }
            count += 1
            if isOtherScript(scalar) { otherScript += 1 }
        }
        if count == 1 && otherScript == 1 { return nil }
        return text
    }

    /// Characters that repaired news text may hold: Latin letters (Latin-1, Latin Extended-A, Romanian
    /// "ș" and "ț", Latin Extended Additional), punctuation, currency and letterlike signs, emoji, and the
    /// letters of Greek, Cyrillic, CJK and Hangul (`isOtherScript`), never a mark, control or unassigned
    /// character. Left out: the rest of Latin Extended-B, IPA and spacing modifiers (an "Ç" before a no-break
    /// space or an "É" before a curly quote would read as one), Hebrew and Arabic ("×" or "Ú" before one).
    static func isPlausible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .control, .unassigned, .privateUse, .surrogate:
            return false
        default:
            break
        }
        switch scalar.value {
        case 0x00A0...0x017F, 0x0218...0x021B, 0x1E00...0x1EFF, 0x2000...0x206F, 0x20A0...0x20CF,
             0x2100...0x218F, 0x1F000...0x1FAFF:
            return true
        default:
            return isOtherScript(scalar)
        }
    }

    /// Greek, Cyrillic, CJK (with kana and full-width forms) or Hangul.
    static func isOtherScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0370...0x052F, 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// The byte a character had before it was decoded as Windows-1252 (or as Latin-1, whose U+0080 to
    /// U+009F are the bytes Windows-1252 leaves undefined or that a Latin-1 decoder passed through).
    static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x100 { return UInt8(scalar.value) }
        return windows1252[scalar.value]
    }

    /// Windows-1252's bytes 0x80 to 0x9F that are not Latin-1's, by the character they decode to.
    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
