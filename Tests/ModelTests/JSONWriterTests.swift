import Foundation
import Testing
@testable import Model

/// The JSON writer's string escaping (items are encoded per request now, through the run-copying path) and the
/// lists that encode items on demand.
@Suite struct JSONWriterTests {
    static func escaped(_ s: String) -> String {
        var out: [UInt8] = []
        JSONWriter.appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(Self.escaped("") == #""""#)
        #expect(Self.escaped("plain text") == #""plain text""#)
        #expect(Self.escaped(#"he said "no" \ then"#) == #""he said \"no\" \\ then""#)
        #expect(Self.escaped("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(Self.escaped("\u{0}\u{1}\u{1F}x\u{0B}") == #""\u0000\u0001\u001fx\u000b""#)
        #expect(Self.escaped("\"") == #""\"""#)
        #expect(Self.escaped("Gəncə — “quoted” 🚀") == "\"Gəncə — “quoted” 🚀\"")
    }

    @Test func escapedStringsParseBackToThemselves() throws {
        var sample = "start "
        for scalar in 0..<0x80 { sample.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        sample += " Zürich “x” end"
        let json = Self.escaped(sample)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == sample)
    }

    @Test func encodedListWritesWhatEachItemEncodes() {
        let quotes = [
            Quote(id: "a-q0", articleId: "a", date: "2020-10-12", text: "We are \"ready\".", speaker: Speaker(name: "John Smith"),
                  cue: "said", paragraph: 1, span: TextSpan(start: 3, end: 18)),
            Quote(id: "a-q1", articleId: "a", date: "2020-10-12", text: "Line\nbreak", speaker: nil, cue: nil,
                  paragraph: 2, span: TextSpan(start: 30, end: 41)),
        ]
        let list = EncodedList(quotes)
        #expect(list.count == 2)
        #expect(list[0] == quotes[0].jsonBytes)
        #expect(list[1] == quotes[1].jsonBytes)
        var w = JSONWriter()
        w.beginArray()
        list.write(1, to: &w)
        list.write(0, to: &w)
        w.endArray()
        #expect(w.bytes == Array("[".utf8) + list[1] + Array(",".utf8) + list[0] + Array("]".utf8))
        #expect(list == EncodedList(quotes))
        #expect(list != EncodedList(Array(quotes.reversed())))
        #expect(list != EncodedList(Array(quotes.prefix(1))))
    }
}
