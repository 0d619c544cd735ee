import Foundation
import Testing

@testable import Model

/// The writer's escaping and the hash behind every ETag: the fast paths give the bytes the plain ones gave.
@Suite struct JSONWriterFastPathTests {
    @Test(arguments: [
        ("", #""""#),
        ("plain text", #""plain text""#),
        ("say \"no\"", #""say \"no\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{01}x\u{1F}", #""\u0001x\u001f""#),
        ("Gəncə – “quoted”", "\"Gəncə – “quoted”\""),
        ("\"", #""\"""#),
        ("end\\", #""end\\""#),
    ])
    func escapesOnlyWhatJSONRequires(text: String, expected: String) throws {
        var out: [UInt8] = []
        JSONWriter.appendEscaped(text, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    /// The escape of `text` byte by byte, as the writer did before it skipped eight bytes at a time.
    static func escapedByteByByte(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An escape at every offset around the eight-byte steps, with multi-byte scalars before and after it.
    @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\"\\"])
    func escapesAtEveryOffsetOfTheWordSteps(mark: String) {
        for before in 0..<20 {
            for after in [0, 1, 7, 8, 9, 17] {
                let text = String(repeating: "a", count: before) + mark + String(repeating: "é", count: after)
                    + String(repeating: "z", count: before % 9)
                var out: [UInt8] = []
                JSONWriter.appendEscaped(text, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == Self.escapedByteByByte(text))
            }
        }
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 123_456, -1, -9, -10, -123_456, Int.max, Int.min])
    func integersAreWrittenAsTheirDecimalDigits(value: Int) {
        var out: [UInt8] = []
        JSONWriter.appendInt(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
        var writer = JSONWriter()
        writer.int(value)
        #expect(writer.bytes == Array(String(value).utf8))
    }

    @Test func literalAndRunTimeKeysWriteTheSameBytes() {
        var literal = JSONWriter(), runTime = JSONWriter()
        literal.beginObject(); literal.key("id"); literal.int(1); literal.endObject()
        let name = "id"
        runTime.beginObject(); runTime.key(name); runTime.int(1); runTime.endObject()
        #expect(literal.bytes == runTime.bytes)
        #expect(String(decoding: literal.bytes, as: UTF8.self) == #"{"id":1}"#)
    }

    @Test(arguments: [0, 1, 7, 64, 1000])
    func arrayHashEqualsTheGenericHash(count: Int) {
        var rng = SplitMix(seed: UInt64(count))
        let bytes = (0..<count).map { _ in UInt8(rng.next(256)) }
        var array = FNV1a()
        array.combine(bytes: bytes)
        var generic = FNV1a()
        generic.combine(bytes: bytes.lazy.map { $0 })
        #expect(array.value == generic.value)
        #expect(array.value == FNV1a.hash(bytes))
    }
}
