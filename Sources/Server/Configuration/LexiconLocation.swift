import Foundation

/// Finds the folder of extraction data (gazetteers and word lists, the repository's `config/`).
///
/// The configured `lexiconDirectory` wins; otherwise the configuration file's folder when it holds the
/// data, then `config/` beside the executable, `/usr/share/newsdesk`, and `./config`.
struct LexiconLocation {
    /// A file every lexicon folder holds: a folder without it is not a lexicon folder.
    static let marker = "entities/organizations.tsv"

    /// The folders searched when nothing is configured, in order.
    static func candidates(configFile: URL?, executable: URL? = Bundle.main.executableURL,
                           workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> [URL] {
        var folders: [URL] = []
        if let configFile { folders.append(configFile.deletingLastPathComponent()) }
        if let executable {
            let beside = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            folders.append(beside.appendingPathComponent("config"))
            folders.append(beside.deletingLastPathComponent().appendingPathComponent("share/newsdesk"))
        }
        folders.append(URL(fileURLWithPath: "/usr/share/newsdesk"))
        folders.append(workingDirectory.appendingPathComponent("config"))
        return folders
    }

    /// The lexicon folder to load; throws a message that says which folders were tried.
    static func find(configured: String, configFile: URL?, executable: URL? = Bundle.main.executableURL,
                     workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> URL {
        func holdsLexicon(_ url: URL) -> Bool {
            FileManager.default.fileExists(atPath: url.appendingPathComponent(marker).path)
        }
        if !configured.isEmpty {
            let url = URL(fileURLWithPath: configured)
            guard holdsLexicon(url) else {
                throw Configuration.Invalid(key: "lexiconDirectory", reason:
                    "\(configured) is not a lexicon folder (it has no \(marker)); point it at the repository's config/")
            }
            return url
        }
        let folders = candidates(configFile: configFile, executable: executable, workingDirectory: workingDirectory)
        if let found = folders.first(where: holdsLexicon) { return found }
        throw Configuration.Invalid(key: "lexiconDirectory", reason:
            "the lexicon folder (the repository's config/, with \(marker)) is missing; looked in "
            + folders.map(\.path).joined(separator: ", ")
            + "; set lexiconDirectory or NEWSDESK_LEXICON, or install config/ in /usr/share/newsdesk")
    }
}
