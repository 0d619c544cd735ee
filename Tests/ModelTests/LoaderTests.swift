import Foundation
import Testing
@testable import Model

@Suite struct LoaderTests {
    static let corpus = Fixtures.filesDirectory.appendingPathComponent("corpus")

    static func load() throws -> CorpusLoader.Result {
        try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon), concurrency: 2).load(directory: corpus)
    }

    @Test func goodFilesLoadAndBadOnesAreReportedByName() throws {
        let result = try Self.load()
        let failures = Dictionary(uniqueKeysWithValues: result.failures.map { ($0.file, $0.reason) })
        #expect(failures["no-date.txt"] == "first line does not start with 'date YYYY-MM-DD'")
        #expect(failures["invalid-utf8.txt"] == "invalid UTF-8")
        #expect(failures["empty.txt"] == "empty file")
        #expect(failures["truncated.json"]?.hasPrefix("not JSON") == true)
        #expect(failures["no-date.json"] == "missing field 'date'")
        #expect(failures["records.jsonl:2"] == "line 2: malformed JSON")
        #expect(failures["records.jsonl:3"] == "line 3: invalid date '2021-02-30' (want YYYY-MM-DD)")
        #expect(result.failures.count == 7)
        let dates = result.articles.map(\.date).sorted()
        #expect(dates == ["2021-03-04", "2021-03-05", "2021-03-06", "2021-03-07", "2021-03-08", "2021-03-09"])
    }

    @Test func plainTextFormat() throws {
        let article = try #require(try Self.load().articles.first { $0.source.file == "plain.txt" })
        #expect(article.paragraphs == [
            "Floods hit the valley. Rescue teams arrived on Tuesday.",
            "The river rose overnight. It broke its banks near the bridge.",
            "“We lost everything,” a farmer said.",
        ])
        #expect(article.related == ["Earlier floods in the region"])
        #expect(article.text == article.paragraphs.joined(separator: "\n\n"))
        #expect(article.summary == article.paragraphs[0])
        // index.tsv beside the files gives title and outlet.
        #expect(article.title == "Valley floods")
        #expect(article.source.outlet == "Valley Times")
        #expect(article.id == "2021-03-04-valley-floods")
        #expect(article.wordCount == 26)
    }

    @Test func jsonRecordsKeepTheirMetadata() throws {
        let articles = try Self.load().articles
        let storm = try #require(articles.first { $0.date == "2021-03-05" })
        #expect(storm.title == "Storm warning")
        #expect(storm.source == ArticleSource(file: "articles.json", url: "https://example.org/storm", outlet: "Example"))
        #expect(storm.paragraphs == ["A storm is coming.", "People are told to stay home."])
        let untitled = try #require(articles.first { $0.date == "2021-03-06" })
        #expect(untitled.title == "Second record without a title.")
        #expect(articles.contains { $0.source.file == "nested/deeper.txt" })
    }

    @Test func idsAreStableAndUnique() throws {
        let first = try Self.load().articles.map(\.id)
        let second = try Self.load().articles.map(\.id)
        #expect(first == second)
        #expect(Set(first).count == first.count)
        var ids = IdAllocator()
        #expect(ids.allocate(date: "2021-01-01", title: "Same title here") == "2021-01-01-same-title-here")
        #expect(ids.allocate(date: "2021-01-01", title: "Same title here") == "2021-01-01-same-title-here-2")
    }

    /// An id never looks like a date, which `/articles/{date}` would shadow (issue 9, item 6).
    @Test(arguments: [
        ("…", ["Quiet day in the harbour."], "2015-05-08-quiet-day-in-the-harbour"),
        ("?", ["?", "Second paragraph speaks."], "2015-05-08-second-paragraph-speaks"),
        ("— 12 —", ["Body"], "2015-05-08-12"),
        ("", ["!!!", "???"], "2015-05-08-article"),
        ("A title", ["Body words"], "2015-05-08-a-title"),
    ])
    func idsNeverLookLikeADate(title: String, body: [String], id: String) {
        var ids = IdAllocator()
        let made = ids.allocate(date: "2015-05-08", title: title, body: body)
        #expect(made == id)
        #expect(!CalendarDate.isValid(made))
        #expect(ids.allocate(date: "2015-05-08", title: title, body: body) == id + "-2")
    }

    @Test func missingDirectoryIsAnError() {
        #expect(throws: LoadFailure.self) {
            try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon)).load(directory: URL(fileURLWithPath: "/no/such/dir"))
        }
    }

    @Test(arguments: [
        ("2020-10-12", true), ("2024-02-29", true), ("2023-02-29", false), ("2020-13-40", false),
        ("2020-1-12", false), ("20201012", false), ("2020-10-12x", false), ("", false),
    ])
    func calendarDates(text: String, valid: Bool) {
        #expect(CalendarDate.isValid(text) == valid)
    }

    @Test func seedArticleLoads() throws {
        let seed = Fixtures.repositoryRoot.appendingPathComponent("corpus/sample")
        let result = try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon)).load(directory: seed)
        let article = try #require(result.articles.first)
        #expect(result.failures.isEmpty)
        #expect(article.id == "2020-10-12-azerbaijan-and-armenia-are-fighting")
        #expect(article.title == "Azerbaijan and Armenia are fighting over the Nagorno-Karabakh region.")
        #expect(article.related == [
            "Reports of new Armenia-Azerbaijan clashes dent ceasefire hopes",
            "Armenia and Azerbaijan accuse each other of violating 'fragile' truce",
        ])
        #expect(!article.text.contains("Also read"))
    }

    // MARK: - Bounded loading (issue 9, item 4) and file names (item 10)

    /// A fresh folder with `files` (relative path -> bytes).
    static func corpus(_ files: [String: [UInt8]]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-load-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    static func loader(_ limits: LoadLimits) -> CorpusLoader {
        CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon), concurrency: 2, limits: limits)
    }

    static func article(_ date: String, _ words: String) -> [UInt8] { Array("date \(date) \(words)\n".utf8) }

    static func record(_ date: String, _ text: String) -> String { #"{"date": "\#(date)", "text": "\#(text)"}"# }

    static let small = LoadLimits(maxArticleBytes: 2048, maxFileBytes: 8192, maxArticles: 100)

    @Test func aTextFileOverMaxArticleBytesIsReportedAndSkipped() throws {
        let big = Array("date 2021-05-01 ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 5000)
        let root = try Self.corpus(["a.txt": Self.article("2021-05-02", "Small one."), "big.txt": big])
        let result = try Self.loader(Self.small).load(directory: root)
        #expect(result.articles.map(\.date) == ["2021-05-02"])
        #expect(result.failures == [LoadFailure(file: "big.txt", reason: "5016 bytes is larger than maxArticleBytes (2048); not read")])
    }

    @Test func jsonLinesOverTheCapAreReportedByLineAndTheRestLoads() throws {
        let long = Self.record("2021-05-03", String(repeating: "word ", count: 600))
        let lines = [Self.record("2021-05-01", "First."), long, "", Self.record("2021-05-02", "Third.")]
        let root = try Self.corpus(["feed.jsonl": Array(lines.joined(separator: "\n").utf8)])
        let result = try Self.loader(Self.small).load(directory: root)
        #expect(result.articles.map(\.date) == ["2021-05-01", "2021-05-02"])
        #expect(result.failures.map(\.file) == ["feed.jsonl:2"])
        #expect(result.failures.first?.reason.contains("larger than maxArticleBytes (2048)") == true)
    }

    @Test func jsonArrayRecordsOverTheCapAreReportedByLineAndTheRestLoads() throws {
        let long = Self.record("2021-05-03", String(repeating: "word ", count: 600))
        let json = "[\n  \(Self.record("2021-05-01", "First.")),\n  \(long),\n  \(Self.record("2021-05-02", "Third."))\n]\n"
        let root = try Self.corpus(["all.json": Array(json.utf8)])
        let result = try Self.loader(LoadLimits(maxArticleBytes: 2048, maxFileBytes: 1 << 20, maxArticles: 100)).load(directory: root)
        #expect(result.articles.map(\.date) == ["2021-05-01", "2021-05-02"])
        #expect(result.failures.map(\.file) == ["all.json:3"])
        #expect(result.failures.first?.reason.hasPrefix("item 1: record of 3") == true)
    }

    @Test func aJSONDocumentOverMaxFileBytesIsRefusedButJSONLinesAreNot() throws {
        let records = (1...40).map { Self.record("2021-06-\(String(format: "%02d", $0 % 28 + 1))", "Record number \($0) of many.") }
        let root = try Self.corpus([
            "bulk.json": Array("[\(records.joined(separator: ",\n"))]".utf8),
            "bulk.jsonl": Array(records.joined(separator: "\n").utf8),
        ])
        let result = try Self.loader(LoadLimits(maxArticleBytes: 2048, maxFileBytes: 1024, maxArticles: 1000)).load(directory: root)
        #expect(result.articles.count == 40)
        #expect(result.articles.allSatisfy { $0.source.file == "bulk.jsonl" })
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.file == "bulk.json")
        #expect(result.failures.first?.reason.contains("larger than maxFileBytes (1024)") == true)
    }

    @Test func maxArticlesCapsTheCorpusInPathOrder() throws {
        var files: [String: [UInt8]] = [:]
        for n in 1...6 { files["f\(n).txt"] = Self.article("2021-07-0\(n)", "Article \(n) text.") }
        files["g.jsonl"] = Array([Self.record("2021-07-09", "Nine."), Self.record("2021-07-10", "Ten.")].joined(separator: "\n").utf8)
        let root = try Self.corpus(files)
        let result = try Self.loader(LoadLimits(maxArticleBytes: 2048, maxFileBytes: 8192, maxArticles: 4)).load(directory: root)
        #expect(result.articles.map(\.date) == ["2021-07-01", "2021-07-02", "2021-07-03", "2021-07-04"])
        #expect(!result.failures.isEmpty)
        #expect(result.failures.allSatisfy { $0.reason.contains("maxArticles") })
        #expect(result.failures.first?.file == "f5.txt")
    }

    @Test func aFileNamedInLatin1Loads() throws {
        let root = try Self.corpus(["ok.txt": Self.article("2021-08-01", "Plain name.")])
        // "café.txt" in Latin-1: the é is the single byte 0xE9, not UTF-8.
        let name: [UInt8] = Array(root.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        try #require(fd >= 0)
        let text = Self.article("2021-08-02", "Latin one name.")
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let result = try Self.loader(Self.small).load(directory: root)
        #expect(result.failures.isEmpty)
        #expect(result.articles.map(\.date).sorted() == ["2021-08-01", "2021-08-02"])
        #expect(result.articles.contains { $0.source.file == "caf\u{FFFD}.txt" })
    }

    @Test func anArticleWithoutTitleWordsGetsAnIdThatIsNotADate() throws {
        let result = try Self.loader(LoadLimits()).load(directory: Fixtures.filesDirectory.appendingPathComponent("untitled"))
        #expect(result.articles.map(\.id) == ["2015-05-08-harbour-workers-went-on-strike"])
    }

    // MARK: - The stream readers, across chunk seams

    @Test(arguments: [1, 2, 3, 7, 64])
    func linesAreTheSameWhateverTheChunkSize(chunk: Int) throws {
        let text = "one\n\ntwo is longer than ten\nthree\r\nlast without newline"
        var reader = LineReader(MemoryByteSource(Array(text.utf8), chunkSize: chunk), maxLineBytes: 10)
        var lines: [LineReader<MemoryByteSource>.Line] = []
        while let line = try reader.next() { lines.append(line) }
        #expect(lines == [.text(Array("one".utf8)), .text([]), .oversized(22), .text(Array("three\r".utf8)), .oversized(20)])
        #expect(reader.lineNumber == 5)
    }

    @Test(arguments: [1, 2, 5, 4096])
    func jsonRecordsAreTheSameWhateverTheChunkSize(chunk: Int) throws {
        let json = #"[ {"a": "x,]\"}"}, [1, [2]] , "s\\", 12 ]"#
        var scanner = JSONArrayScanner(MemoryByteSource(Array(json.utf8), chunkSize: chunk), maxRecordBytes: 100)
        var records: [String] = []
        while let r = try scanner.next() { records.append(String(decoding: r.bytes ?? [], as: UTF8.self)) }
        #expect(records == [#"{"a": "x,]\"}"}"#, "[1, [2]]", #""s\\""#, "12 "])
    }

    /// Documents that are not an object or an array of records fail whole, with a reason.
    @Test(arguments: [
        ("[1,]", "not JSON"), ("[,1]", "not JSON"), (#"[{"a":1} {"b":2}]"#, "not JSON: expected ',' or ']'"),
        (#"[{"a":1}] x"#, "not JSON: text after the end"), (#"{"a": [1, 2"#, "not JSON: the file ends inside the object"),
        ("[{}", "not JSON: the file ends inside the array"), ("42", "expected an object or an array of objects"),
        ("   ", "empty file"), ("[1}", "not JSON"),
    ])
    func malformedDocumentsFailWhole(json: String, reason: String) {
        let (articles, failures) = JSONFormat.parseDocument(MemoryByteSource(Array(json.utf8)), file: "x.json", maxRecordBytes: 100)
        #expect(articles.isEmpty)
        #expect(failures.count == 1)
        #expect(failures.first?.reason.hasPrefix(reason) == true, "\(failures)")
    }

    @Test func badRecordsOfAnArrayAreSkippedOneByOne() {
        let json = "[\n\(Self.record("2021-09-01", "Good.")),\n5,\n{\"date\": \"x\", \"text\": \"t\"}\n]"
        let (articles, failures) = JSONFormat.parseDocument(MemoryByteSource(Array(json.utf8)), file: "x.json", maxRecordBytes: 100)
        #expect(articles.map(\.date) == ["2021-09-01"])
        #expect(failures == [
            LoadFailure(file: "x.json:3", reason: "item 1: expected an object"),
            LoadFailure(file: "x.json:4", reason: "item 2: invalid date 'x' (want YYYY-MM-DD)"),
        ])
    }

    /// index.tsv rows as bytes: columns by the header's names in any order, empty fields unset, a row with
    /// another number of fields ignored, a later row of the same file filling only what an earlier one left
    /// unset, blank lines skipped; a table without a `file` column, or not UTF-8, gives nothing.
    @Test func indexMetadataRows() {
        var rows: [String: IndexMetadata.Row] = [:]
        IndexMetadata.parse(Array("url\tfile\ttitle\textra\n\n\ta.txt\tFirst title\tx\nshort\trow\n"
            .utf8) + Array("https://b\tb.txt\tB\ty\nhttps://a\ta.txt\tSecond title\tz\n".utf8), into: &rows)
        #expect(rows.count == 2)
        #expect(rows["a.txt"]?.title == "First title")
        #expect(rows["a.txt"]?.url == "https://a")
        #expect(rows["a.txt"]?.outlet == nil)
        #expect(rows["b.txt"]?.url == "https://b")
        var none: [String: IndexMetadata.Row] = [:]
        IndexMetadata.parse(Array("name\ttitle\na.txt\tT\n".utf8), into: &none)
        IndexMetadata.parse([0x66, 0x69, 0x6C, 0x65, 0x0A, 0xFF, 0x0A], into: &none)
        #expect(none.isEmpty)
        // The name an article is looked up by is its file's, without folders.
        var metadata = IndexMetadata(base: URL(fileURLWithPath: "/nonexistent"), files: [])
        metadata.rows = rows
        var raw = RawArticle(date: "2021-03-04", title: nil, paragraphs: ["x"], related: [],
                             source: ArticleSource(file: "dir/sub/a.txt"))
        metadata.apply(to: &raw)
        #expect(raw.title == "First title")
        #expect(raw.source.url == "https://a")
    }
}
