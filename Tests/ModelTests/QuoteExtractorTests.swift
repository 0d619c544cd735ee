import Foundation
import Testing
@testable import Model

/// One golden row: an article's paragraphs, a quotation in it, and who said it.
struct QuoteRow: Sendable, CustomTestStringConvertible {
    /// The paragraphs of the article.
    let paragraphs: [String]
    /// The expected quote text.
    let text: String
    /// The expected speaker's name, nil for none.
    let speaker: String?
    /// The expected role, nil for none.
    let role: String?
    /// The other quotations the paragraphs hold, each with its speaker: with the row's own, the whole
    /// list the extractor must return, in text order.
    let others: [(text: String, speaker: String?)]

    /// A row: paragraphs, quote text, speaker and role, and the other quotations of the paragraphs.
    init(_ paragraphs: [String], _ text: String, speaker: String?, role: String? = nil,
         others: [(text: String, speaker: String?)] = []) {
        self.paragraphs = paragraphs
        self.text = text
        self.speaker = speaker
        self.role = role
        self.others = others
    }

    /// Every quotation of the row as "text <speaker>", sorted.
    var all: [String] {
        ([(text, speaker)] + others).map { "\($0.text) <\($0.speaker ?? "none")>" }.sorted()
    }

    /// The start of the quote, to name the row.
    var testDescription: String { String(text.prefix(40)) }
}

/// The quote extractor over golden tables: attributed quotations, quotations with no speaker, and text
/// that holds no quotation at all.
@Suite struct QuoteExtractorTests {
    /// Runs the extractor over paragraphs, after the entity extractor (or with the `entities` given), as the
    /// pipeline does; returns the quotes and the entities, which quotes never change.
    static func quotes(_ paragraphs: [String], entities: [ArticleEntity]? = nil) -> (quotes: [Quote], entities: [ArticleEntity]) {
        let document = Document(id: "test", date: "2020-10-12", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        let entities = entities ?? EntityExtractor(lexicon: Fixtures.lexicon).extract(document)
        let quotes = QuoteExtractor(lexicon: Fixtures.lexicon).extract(document, entities: entities)
        return (quotes, entities)
    }

    /// Quotations and the speaker each must get.
    static let attributed: [QuoteRow] = [
        // The seed article: role before the name, after the quotation, with and without an article.
        QuoteRow(["“We believed in the ceasefire. They were scared. Everybody was scared. Who would have wanted this?”, a Ganja resident, Vesile Mehmedova said."],
                 "We believed in the ceasefire. They were scared. Everybody was scared. Who would have wanted this?",
                 speaker: "Vesile Mehmedova", role: "Ganja resident"),
        QuoteRow(["“Ganja city is more than 100 kilometres away from the scene of military operations. What was the reason to attack the city?”, Azerbaijan's presidential aide, Hikmet Hajiyev said."],
                 "Ganja city is more than 100 kilometres away from the scene of military operations. What was the reason to attack the city?",
                 speaker: "Hikmet Hajiyev", role: "Azerbaijan's presidential aide"),
        // Role after the name, attribution before the quotation.
        QuoteRow(["Hikmet Hajiyev, an aide to the president, said: “We will not stop until the city is safe.”"],
                 "We will not stop until the city is safe.", speaker: "Hikmet Hajiyev", role: "aide to the president"),
        // Inverted: "said X, a role".
        QuoteRow(["“There is no water left in the camp,” said Maria Lopez, a nurse at the clinic."],
                 "There is no water left in the camp,", speaker: "Maria Lopez", role: "nurse at the clinic"),
        QuoteRow(["'We have lost everything in one night,' said Rina Das, a farmer."],
                 "We have lost everything in one night,", speaker: "Rina Das", role: "farmer"),
        // Title before the name; "told Reuters"; partial quotation.
        QuoteRow(["Mayor Anna Kovacs told Reuters the bridge \"could collapse at any moment\"."],
                 "could collapse at any moment", speaker: "Anna Kovacs", role: "Mayor"),
        // "wrote on Twitter", "added".
        QuoteRow(["“We stand with the people of Gaza tonight,” Greta Larsen wrote on Twitter."],
                 "We stand with the people of Gaza tonight,", speaker: "Greta Larsen"),
        QuoteRow(["“We will rebuild every house,” Ahmed Saleh added."],
                 "We will rebuild every house,", speaker: "Ahmed Saleh"),
        // Bodies: statements, "according to", spokespersons speaking for them.
        QuoteRow(["“The strikes hit a school and a hospital,” the defence ministry said in a statement."],
                 "The strikes hit a school and a hospital,", speaker: "Defence Ministry"),
        QuoteRow(["Warplanes struck targets “deep inside enemy territory,” according to the Ukrainian military."],
                 "deep inside enemy territory,", speaker: "Ukrainian Military"),
        QuoteRow(["“We are monitoring the situation closely,” a National Security Council spokesperson said."],
                 "We are monitoring the situation closely,", speaker: "National Security Council"),
        QuoteRow(["The UN Human Rights Office (OHCHR) said it was alarmed.",
                  "“Civilians are paying the price for this war,” the OHCHR said."],
                 "Civilians are paying the price for this war,", speaker: "UN Human Rights Office"),
        // A body named for an official ("the prosecutor’s office"), named in full first and then by its
        // description; a minister's own aide stays a person's role.
        QuoteRow(["A man was held in Lyon on Monday, the Lyon prosecutor’s office told reporters.",
                  "He had planned “attacks meant to disrupt the summit,” the prosecutor’s office said."],
                 "attacks meant to disrupt the summit,", speaker: "Lyon Prosecutor’s Office"),
        QuoteRow(["“The bridge will reopen within a week,” the Dorset governor’s office said in a statement."],
                 "The bridge will reopen within a week,", speaker: "Dorset Governor’s Office"),
        // A sentence opening with "But" or "And": the subject and the role come after it.
        QuoteRow(["But Jamie Ortiz, the aid coordinator in the province, warned the roads were closing fast.",
                  "“We have to move the food before the rains come,” he told reporters."],
                 "We have to move the food before the rains come,", speaker: "Jamie Ortiz",
                 role: "aid coordinator in the province"),
        QuoteRow(["And Mayor Anna Kovacs said the town would “stay open to every family that needs shelter.”"],
                 "stay open to every family that needs shelter.", speaker: "Anna Kovacs", role: "Mayor"),
        QuoteRow(["And senior town councillor Olek Brandt called the plan “a gift to the builders.”"],
                 "a gift to the builders.", speaker: "Olek Brandt", role: "senior town councillor"),
        // An outlet relaying a speaker named before the quotation.
        QuoteRow(["The Lebanese government said it condemned “all acts of violence against civilians,” state news agency NNA reported."],
                 "all acts of violence against civilians,", speaker: "Lebanese Government"),
        // A surname and a pronoun resolve to the full name given earlier.
        QuoteRow(["Prime Minister Ahmet Davutoglu visited the city on Monday.",
                  "“I strongly condemn this attack,” Davutoglu said."],
                 "I strongly condemn this attack,", speaker: "Ahmet Davutoglu", role: "Prime Minister"),
        QuoteRow(["Al Jazeera's Mohammed Vall, reporting from Riyadh, said the Saudis had sent a “massive additional force” to the border.",
                  "“The Houthis have escalated their activities along the border,” he said."],
                 "The Houthis have escalated their activities along the border,", speaker: "Mohammed Vall",
                 others: [("massive additional force", "Mohammed Vall")]),
        QuoteRow(["Another eyewitness, Taymor Wili, who lives near the field, told CNN he saw the strike.",
                  "“Kids were playing and nothing like this ever happened before,” he said."],
                 "Kids were playing and nothing like this ever happened before,", speaker: "Taymor Wili",
                 role: "eyewitness"),
        // An age after the name, a number before it, a possessive role before it: the name is the speaker.
        QuoteRow(["“We saw the water rising all night,” Pavel Dorn, 54, told reporters."],
                 "We saw the water rising all night,", speaker: "Pavel Dorn"),
        QuoteRow(["“The water came up to the roof,” said 72-year-old Olek Brandt."],
                 "The water came up to the roof,", speaker: "Olek Brandt"),
        QuoteRow(["“The rationales do not hold weight at all,” said 9/11 widow Terry Strada."],
                 "The rationales do not hold weight at all,", speaker: "Terry Strada", role: "widow"),
        QuoteRow(["“Nobody warned us about the dam,” said Brandt's neighbor, Nadia Ferro."],
                 "Nobody warned us about the dam,", speaker: "Nadia Ferro", role: "Brandt's neighbor"),
        // An adverb between the appositive and the verb; a quoted title in an opening adverbial; a role
        // before a relative clause; of two appositives, the one right after the name is the role.
        QuoteRow(["At a forum on Monday, Rosa Vint, the head of the teachers union, firmly told parents that “no school will close this year without a vote.”"],
                 "no school will close this year without a vote.", speaker: "Rosa Vint", role: "head of the teachers union"),
        QuoteRow(["On “Morning Report,” Gov. Ada Holt (Ohio), who leads the task force, spoke about the budget. “We will fund every classroom in the state.”"],
                 "We will fund every classroom in the state.", speaker: "Ada Holt", role: "Gov."),
        QuoteRow(["“Nobody in this city was asked about the plan,” said Ivo Marsh, a retired engineer who lives near the school."],
                 "Nobody in this city was asked about the plan,", speaker: "Ivo Marsh", role: "retired engineer"),
        QuoteRow(["Lena Ortiz, the mayor of Dayton, a member of the regional council, said the vote was “a disgrace to every parent.”"],
                 "a disgrace to every parent.", speaker: "Lena Ortiz", role: "mayor of Dayton"),
        // A body's name that the entity list holds runs on through its connectors, with no head word of its own.
        QuoteRow(["“Catches fell by half this year,” said a statement from the Baltic Observatory for Fisheries Research."],
                 "Catches fell by half this year,", speaker: "Baltic Observatory for Fisheries Research"),
        // A participle after a time phrase ("on Sunday vowing") takes the name or the person's office before it.
        QuoteRow(["The attack risks a wider war, with Prime Minister Karel Dvorak’s office on Sunday vowing the attackers will “pay for every life they took.”",
                  "The attack drew wide anger, with opposition leader Mira Stanek on Monday warning of “a spiral of revenge with no end.”"],
                 "pay for every life they took.", speaker: "Karel Dvorak’s office",
                 others: [("a spiral of revenge with no end.", "Mira Stanek")]),
        // "the agency" with one body named before it in the article is that body, whatever its name.
        QuoteRow(["The Regional Flood Authority warned on Monday that the river was rising.",
                  "Residents of the lower town were told to leave their homes.",
                  "“Water levels will peak on Wednesday night,” the agency said in its statement."],
                 "Water levels will peak on Wednesday night,", speaker: "Regional Flood Authority"),
        // A call sign or nickname after a role names the speaker.
        QuoteRow(["The unit commander – call-sign Grom – said on Telegram that his men were cut off. “We have no food and no ammunition left.”"],
                 "We have no food and no ammunition left.", speaker: "Grom", role: "unit commander"),
        QuoteRow(["A smuggler nicknamed Falcon said the border was closed. “Nobody crosses at night anymore,” he said."],
                 "Nobody crosses at night anymore,", speaker: "Falcon"),
        // "she" and "he" pass over a person the text tells is of the other gender ("Ms.", "Mrs.", "his").
        QuoteRow(["Ms. Lena Ortiz, the mayor, met Governor Tobias Renn on Monday.", "Renn said his state would pay for the bridge.",
                  "“I am grateful, but we need the money this year,” she said.", "Tobias Renn then met the press.",
                  "Mrs. Ada Holt said the bridge would take two years.", "“We will build it before the next election,” he said."],
                 "I am grateful, but we need the money this year,", speaker: "Lena Ortiz", role: "mayor",
                 others: [("We will build it before the next election,", "Tobias Renn")]),
        // A person's office speaks under the person's name as written, without the title; a body's agency
        // stays a description.
        QuoteRow(["Prime Minister Karel Dvorak's office said in a statement: “The government will declare three days of mourning.”"],
                 "The government will declare three days of mourning.", speaker: "Karel Dvorak's office"),
        // "the 62-year-old" is the one person the article gave that age, after the name or before it.
        QuoteRow(["“We ran as soon as we heard the first shots,” said 19-year-old Ana Pell, who lives on the street.",
                  "Tomas Hala, 62, said the shooting started after midnight.",
                  "“I heard at least ten shots,” the 62-year-old said.", "“She was the kindest neighbor,” the 19-year-old added."],
                 "I heard at least ten shots,", speaker: "Tomas Hala",
                 others: [("We ran as soon as we heard the first shots,", "Ana Pell"), ("She was the kindest neighbor,", "Ana Pell")]),
        // A role before the name keeps no article, capitalised at a sentence start or not.
        QuoteRow(["The opposition leader, Mira Stanek, visited the town on Monday.", "“This is a tragedy for us all,” Stanek told reporters."],
                 "This is a tragedy for us all,", speaker: "Mira Stanek", role: "opposition leader"),
        // A participle after a document ("issued a statement calling …") speaks for the document's issuer.
        QuoteRow(["Following a short, late-night meeting, the Valley Water Board issued a statement calling the dam “safe for at least another decade.”"],
                 "safe for at least another decade.", speaker: "Valley Water Board"),
        // Words sung are the singer's; a participle with words of its own after the cue quotes anew.
        QuoteRow(["The rally opened with music.", "“Promise me you will keep the lights on,” Lena Ortiz sang."],
                 "Promise me you will keep the lights on,", speaker: "Lena Ortiz"),
        QuoteRow(["“We shall overcome this winter,” Lena Ortiz sings to the crowd before asking them, “Will you all vote tomorrow?”"],
                 "We shall overcome this winter,", speaker: "Lena Ortiz", others: [("Will you all vote tomorrow?", "Lena Ortiz")]),
        // A reporting verb that is also a noun ("claims") after a possessive, a determiner or a preposition
        // and its adjective is the noun: no cue.
        QuoteRow(["FactWatch rated half of Democratic claims as “mostly accurate and well sourced.”"],
                 "mostly accurate and well sourced.", speaker: "FactWatch"),
        QuoteRow(["Olek Brandt spoke on Monday. Journalists checked his claims that the plan would create “ten thousand new jobs.”"],
                 "ten thousand new jobs.", speaker: "Olek Brandt"),
        // A participle right before the next part goes on with the quotation; one with words of its own
        // ("adding later,") quotes anew.
        QuoteRow(["“The budget is balanced this year,” Mayor Ada Holt said, adding later, “Every school will get what it asked for.”",
                  "“The bridge will open in May,” Holt said, adding: “The tunnel will follow in June.”"],
                 "The budget is balanced this year,", speaker: "Ada Holt", role: "Mayor",
                 others: [("Every school will get what it asked for.", "Ada Holt"),
                          ("The bridge will open in May, The tunnel will follow in June.", "Ada Holt")]),
        // A plural role capitalised at a sentence start ("Journalists") is no single person a later "he" could
        // mean; the appositive after a subject's name is its role.
        QuoteRow(["Olek Brandt, the mayor, spoke at the rally on Monday.", "Journalists asked him about the budget.",
                  "“We will not raise taxes this year,” he said."],
                 "We will not raise taxes this year,", speaker: "Olek Brandt", role: "mayor"),
        QuoteRow(["Olek Brandt spoke at the rally on Monday. Journalists asked about his remark that the plan was “a gift to the rich.”"],
                 "a gift to the rich.", speaker: "Olek Brandt"),
        // A quotation of someone's claim or remark is theirs, not the sentence subject's nor the cue's.
        QuoteRow(["Fact-checkers looked at Mayor Ada Holt’s claim that there were “more than ten thousand new jobs” in the city."],
                 "more than ten thousand new jobs", speaker: "Ada Holt", role: "Mayor"),
        QuoteRow(["Olek Brandt spoke at the rally on Monday. Many voters disliked his remark that the plan was “a gift to the rich.”"],
                 "a gift to the rich.", speaker: "Olek Brandt"),
        QuoteRow(["Olek Brandt spoke at the rally on Monday. Journalists asked about Brandt’s remark that the plan was “a gift to the rich.”"],
                 "a gift to the rich.", speaker: "Olek Brandt"),
        // A definite role refers back to the person named with that title ("Sen." is a senator) or role,
        // the one named last when several hold it.
        QuoteRow(["Sen. Mara Quill spoke at the hearing on Tuesday.",
                  "“We will not fund this program for another year,” the senator said."],
                 "We will not fund this program for another year,", speaker: "Mara Quill", role: "Sen."),
        QuoteRow(["Dr. Ilse Varga, the director of the state health agency, testified later.",
                  "“Our clinics would close within a month,” the director said."],
                 "Our clinics would close within a month,", speaker: "Ilse Varga", role: "director of the state health agency"),
        QuoteRow(["Gov. Ada Holt spoke first. Gov. Tobias Renn of Ohio followed her.",
                  "“The program saves lives in every county,” the governor told reporters."],
                 "The program saves lives in every county,", speaker: "Tobias Renn", role: "Gov."),
        // Quoted phrases listed with only commas and "and" between them are one quotation, long or short.
        QuoteRow(["Senator Lena Ortiz warned of “higher bills for every family,” and “longer lines at every clinic” if the budget passed.",
                  "Ortiz called the deal “shameful” and “a disgrace.”"],
                 "higher bills for every family, longer lines at every clinic", speaker: "Lena Ortiz", role: "Senator",
                 others: [("shameful a disgrace.", "Lena Ortiz")]),
        // Interrupted quotations are one quote, the parts joined with a space.
        QuoteRow(["Defence Minister Ali Karimi visited the front on Monday.", "“We will,” he said, “and soon.”"],
                 "We will, and soon.", speaker: "Ali Karimi", role: "Defence Minister"),
        QuoteRow(["“We never lived in fear like this,” Gaza resident Ruwaida Issa told a CNN stringer at a school on Sunday. “We came here to shelter for nothing.”"],
                 "We never lived in fear like this, We came here to shelter for nothing.",
                 speaker: "Ruwaida Issa", role: "Gaza resident"),
        QuoteRow(["“Until when should we keep running?” Riham Al Agha asked. “We have been evacuated ten times.”"],
                 "Until when should we keep running? We have been evacuated ten times.", speaker: "Riham Al Agha"),
        // A quotation running over two paragraphs: the first has no closing mark.
        QuoteRow(["“The first part of the statement goes on", "“and the second part ends here,” the spokesman Omar Haddad said."],
                 "The first part of the statement goes on and the second part ends here,",
                 speaker: "Omar Haddad", role: "spokesman"),
        // A paragraph that is all quotation goes on with the speaker of the paragraph before.
        QuoteRow(["“The extreme level of fighting in Gaza is inexcusable,” Antonio Guterres said.",
                  "“It is high time for the parties to reach a deal.”"],
                 "It is high time for the parties to reach a deal.", speaker: "Antonio Guterres",
                 others: [("The extreme level of fighting in Gaza is inexcusable,", "Antonio Guterres")]),
        // An unclosed quotation before a paragraph with no opening mark ends with its paragraph.
        QuoteRow(["“We will search for the pilot,” Mohammed Vall said.", "\"This is difficult because the aircraft came down in Saada.",
                  "Backed by the United States, the coalition has been conducting air raids."],
                 "This is difficult because the aircraft came down in Saada.", speaker: "Mohammed Vall",
                 others: [("We will search for the pilot,", "Mohammed Vall")]),
        // A partial quotation attributed at the end of its sentence.
        QuoteRow(["All the crew members “fell into the sea and were floating there” wearing life jackets, Hsiao Huan-chang, the head of the fire agency, said."],
                 "fell into the sea and were floating there", speaker: "Hsiao Huan-chang", role: "head of the fire agency"),
        // Courtesy titles and naming phrases.
        QuoteRow(["“Everyone was crying, screaming,” the eyewitness Mr. Marcin told TVN24."],
                 "Everyone was crying, screaming,", speaker: "Marcin", role: "eyewitness"),
        QuoteRow(["A man called Mohammad Abdul Jawad told CNN that “the army called us in the morning.”"],
                 "the army called us in the morning.", speaker: "Mohammad Abdul Jawad", role: "man"),
        // A second verb of the same subject.
        QuoteRow(["Israeli Finance Minister Bezalel Smotrich congratulated the army and said Israel should “adopt the same policy in Lebanon.”"],
                 "adopt the same policy in Lebanon.", speaker: "Bezalel Smotrich", role: "Israeli Finance Minister"),
        // A bare name with asides, then "he" (the name is the last subject).
        QuoteRow(["Nasser, of the Palmyra Media Centre - a monitoring group on the ground - told Al Jazeera that most of those killed were troops.",
                  "\"Water and electricity have been cut off there,\" he said."],
                 "Water and electricity have been cut off there,", speaker: "Nasser"),
        // "the president" is the one person the article gives that title; a participle takes the subject.
        QuoteRow(["Kenyan President William Ruto met protest leaders.",
                  "On Sunday, the president expressed frustration with the protests, declaring that “enough is enough” after failed talks."],
                 "enough is enough", speaker: "William Ruto", role: "Kenyan President"),
        // A bare "the government" is the body named just before, not the outlet relaying it.
        QuoteRow(["The Lebanese government said it condemned “all acts of violence against civilians,” state news agency NNA reported.",
                  "The government also called for “an immediate cessation of hostilities on all fronts,” NNA reported."],
                 "an immediate cessation of hostilities on all fronts,", speaker: "Lebanese Government",
                 others: [("all acts of violence against civilians,", "Lebanese Government")]),
        // A curly possessive before a name is not part of it.
        QuoteRow(["Israel’s emergency chief Eli Bin said the dead included “teenagers and young adults” from the village."],
                 "teenagers and young adults", speaker: "Eli Bin", role: "Israel’s emergency chief"),
        // A spokesperson's body named by its bracketed acronym.
        QuoteRow(["The Israel Defense Forces (IDF) said it struck the launch site.",
                  "“The threat was removed within minutes of the launch,” the IDF said."],
                 "The threat was removed within minutes of the launch,", speaker: "Israel Defense Forces"),
        // "on X." ends a paragraph: not an initial, and the paragraph is no heading.
        QuoteRow(["Israeli President Isaac Herzog visited the town.",
                  "“The world cannot continue to sit in silence,” he said in a post on X."],
                 "The world cannot continue to sit in silence,", speaker: "Isaac Herzog", role: "Israeli President"),
        // A paragraph that lost its opening mark but ends with a closing one is a quotation.
        QuoteRow(["Al Jazeera's Subina Shrestha reported from Kathmandu.",
                  "\"The army and the police all came out almost immediately,\" she said.",
                  "They managed to provide services quickly.\""],
                 "They managed to provide services quickly.", speaker: "Subina Shrestha",
                 others: [("The army and the police all came out almost immediately,", "Subina Shrestha")]),
        // "the militant group" is the body the article introduced with that description.
        QuoteRow(["Israel blamed the strike on the Iran-backed Lebanese militant group Hezbollah.",
                  "The militant group denied involvement in a statement on Telegram.",
                  "“We had nothing to do with the incident whatsoever,” it said."],
                 "We had nothing to do with the incident whatsoever,", speaker: "Hezbollah"),
        // A capitalised word that opens a sentence ("Around", "Despite") is no one's name: "he" is the
        // person named before it.
        QuoteRow(["Donald Glover is retiring his music alter ego.",
                  "Around that same time, Glover both lost his father and welcomed his second child, something that made him more reflective.",
                  "“I’m not 25 anymore, standing in front of a boulder like, ‘This has to move,’” he said."],
                 "I’m not 25 anymore, standing in front of a boulder like, ‘This has to move,’", speaker: "Donald Glover"),
        // A quotation signed with a dash and a name, alone or one after another in a paragraph.
        QuoteRow(["“The vote is ours to lose.” ― Maria Gomez"], "The vote is ours to lose.", speaker: "Maria Gomez"),
        QuoteRow(["“We waited all night for help.” — Tomas Ruiz. “Nobody came for us at all.” — Elena Ruiz"],
                 "We waited all night for help.", speaker: "Tomas Ruiz",
                 others: [("Nobody came for us at all.", "Elena Ruiz")]),
        // "The Russian added": a nationality alone names no one, so "he" is the person named before.
        QuoteRow(["Marat Safin beat Mario Ancic in four sets on Thursday.",
                  "The Russian added that he was not worried by his ankle injury. \"I have had a lot of problems with that ankle before - it will be OK,\" he said."],
                 "I have had a lot of problems with that ankle before - it will be OK,", speaker: "Marat Safin"),
        // Back-ticks open what two apostrophes close (typeset text).
        QuoteRow(["``We will stay here until the end,'' said Maria Lopez."],
                 "We will stay here until the end,", speaker: "Maria Lopez"),
        // A quotation nested at the end: the comma before the closing marks still leads to the attribution.
        QuoteRow(["“You say you ‘accept responsibility for what happened,’” said Jeff Merkley."],
                 "You say you ‘accept responsibility for what happened,’", speaker: "Jeff Merkley"),
        // A fragment too short to stand alone joins the quotation of the same attribution.
        QuoteRow(["Jane Doe described the plan as “disgusting” and “a con on voters.”"],
                 "disgusting a con on voters.", speaker: "Jane Doe"),
        // No reporting verb: the sentence's subject uses the words, after an adverbial or before a colon.
        QuoteRow(["In July, Newt Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg” in a speech."],
                 "suburbs of St. Petersburg", speaker: "Newt Gingrich"),
        QuoteRow(["President Barack Obama is rolling out a new campaign message: “It's about me and my legacy.”"],
                 "It's about me and my legacy.", speaker: "Barack Obama", role: "President"),
        QuoteRow(["In a Bloomberg interview Donald Trump declared “I think NATO may be obsolete.”"],
                 "I think NATO may be obsolete.", speaker: "Donald Trump"),
        // A paragraph ending in a colon introduces the quotation of the next, an outlet's too.
        QuoteRow(["The New York Times reports:", "“Just 24 percent of the contributors gave $200 or less.”"],
                 "Just 24 percent of the contributors gave $200 or less.", speaker: "New York Times"),
        // A participle after a name: that person speaks.
        QuoteRow(["The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”"],
                 "Why aren’t I 50 points ahead, you might ask?", speaker: "Hillary Clinton"),
        // A cue word used as a noun ("tweets") yields to the verb before it.
        QuoteRow(["Hillary Clinton says Donald Trump’s flurry of late-night tweets was “unhinged, even for him.”"],
                 "unhinged, even for him.", speaker: "Hillary Clinton"),
        // Appositives that are no role, party tags and state abbreviations stand between name and verb.
        QuoteRow(["“It’s an invasion of the state regulatory domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said."],
                 "It’s an invasion of the state regulatory domain,", speaker: "Scott Pruitt", role: "attorney general of Oklahoma"),
        QuoteRow(["“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday."],
                 "Our assumption is that the veto will be overridden,", speaker: "Mitch McConnell", role: "Senate Majority Leader"),
        QuoteRow(["“This is their lives,” said Donna Rawlings, of Upper Marlboro, Md., at the museum."],
                 "This is their lives,", speaker: "Donna Rawlings"),
        // After a courtesy title, a title word is a name; a full name takes "of" and a body.
        QuoteRow(["“We will win this race in November,” Mr. King added."], "We will win this race in November,", speaker: "King"),
        QuoteRow(["“It was the least bad outcome,” Mr. Morgan of the Sierra Club said."], "It was the least bad outcome,", speaker: "Morgan"),
        // A body run into a person's name (a missing stop in the source) is no part of the speaker.
        QuoteRow(["Donald Trump spoke on Monday.",
                  "In a meeting with the editorial board of the Washington Post Trump said that NATO may need to be diminished. “We certainly can’t afford to do this anymore,” Trump said, adding later, “NATO is costing us a fortune.”"],
                 "We certainly can’t afford to do this anymore,", speaker: "Donald Trump",
                 others: [("NATO is costing us a fortune.", "Donald Trump")]),
        // A title word that ends a person's name the entity list holds is a surname, not a role.
        QuoteRow(["“Turnout makes a difference,” said Charlie King, a prominent New York Democrat."],
                 "Turnout makes a difference,", speaker: "Charlie King", role: "prominent New York Democrat"),
        // A quotation left open goes on into a paragraph whose first mark closes it.
        QuoteRow(["Interior Minister Moustapha Naite spoke on state television.",
                  "\"We regret to say that there are victims among the population.",
                  "But no-one can say with certainty where those bullets came from,\" he said."],
                 "We regret to say that there are victims among the population. But no-one can say with certainty where those bullets came from,",
                 speaker: "Moustapha Naite", role: "Interior Minister"),
        // Mixed marks as outlets publish them: ‘…,” and “…,’; a nested single quotation still nests.
        QuoteRow(["‘We will not leave our homes,” said Maria Lopez, a farmer."],
                 "We will not leave our homes,", speaker: "Maria Lopez", role: "farmer"),
        QuoteRow(["“We will not leave our homes,’ said Maria Lopez, a farmer.", "The army said it struck the town."],
                 "We will not leave our homes,", speaker: "Maria Lopez", role: "farmer"),
        QuoteRow(["“He told us ‘go home,’ and then he left us there,” said Maria Lopez."],
                 "He told us ‘go home,’ and then he left us there,", speaker: "Maria Lopez"),
        // An apostrophe opening a word ("‘60s") before a double quotation is no quotation mark.
        QuoteRow(["He moved here in the late ‘60s. “It’s about time we had a voice,” Raj Kumar said."],
                 "It’s about time we had a voice,", speaker: "Raj Kumar"),
        // A verb with no subject of its own ("going on to say") yields to the person the sentence names.
        QuoteRow(["“We will not go back,” Bernie Sanders said, going on to say that the country spent “hundreds of years fighting racism.”"],
                 "hundreds of years fighting racism.", speaker: "Bernie Sanders",
                 others: [("We will not go back,", "Bernie Sanders")]),
        // "the UN chief": the one person whose title holds "UN"; a surname spelled another way.
        QuoteRow(["UN Secretary-General Antonio Guterres condemned the strikes.",
                  "Meanwhile, the UN chief said the devastation was “incomprehensible and inexcusable” and called for calm."],
                 "incomprehensible and inexcusable", speaker: "Antonio Guterres", role: "UN Secretary-General"),
        QuoteRow(["Ukrainian President Volodymyr Zelensky spoke on Monday.", "“We will not give up our land,” Zelenskyy said."],
                 "We will not give up our land,", speaker: "Volodymyr Zelensky", role: "Ukrainian President"),
        // A paragraph that is only a quotation, after "X said on Tuesday." or "X said:".
        QuoteRow(["UN Secretary-General Antonio Guterres said on Tuesday.", "“It is high time for a ceasefire.”"],
                 "It is high time for a ceasefire.", speaker: "Antonio Guterres", role: "UN Secretary-General"),
        QuoteRow(["Antonio Guterres said:", "“It is high time for a ceasefire.”"],
                 "It is high time for a ceasefire.", speaker: "Antonio Guterres"),
        // A bracketed party tag ending in a full stop ends no sentence; the quotation it interrupts is one.
        QuoteRow(["“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday. “If indeed he is not legitimate, how can you feel good?”"],
                 "It’s a dog whistle to all Americans, If indeed he is not legitimate, how can you feel good?", speaker: "Gwen Moore", role: "Rep."),
        // An attribution ending in ", but" still interrupts one quotation.
        QuoteRow(["Barack Obama dismissed the criticism. \"You know, I love Larry,\" he said, but \"when it comes to energy issues, Larry has a history.\""],
                 "You know, I love Larry, when it comes to energy issues, Larry has a history.", speaker: "Barack Obama"),
        // A fragment that its full stop ends takes the verb before it, not the next sentence's.
        QuoteRow(["Japan condemned the test. Russia insisted that Pyongyang “stop its dangerous escapades.” The International Atomic Energy Agency said North Korea had shown “complete disregard of the demands.”"],
                 "stop its dangerous escapades.", speaker: "Russia",
                 others: [("complete disregard of the demands.", "International Atomic Energy Agency")]),
        // An outlet inverted after the quotation.
        QuoteRow(["Clinton still leads. This is “roughly the same advantage she has held all month,” reported Reuters."],
                 "roughly the same advantage she has held all month,", speaker: "Reuters"),
        // A horizontal bar sets off an aside like a dash.
        QuoteRow(["When Hillary Clinton noted that Donald Trump had paid no taxes ― as was true for a few years ― Trump boasted, “That makes me smart.”"],
                 "That makes me smart.", speaker: "Donald Trump"),
        // A role, then the name in apposition, is the subject: "Another critic, Laurence H. Tribe, likened …".
        QuoteRow(["Another critic, Laurence H. Tribe, likened the rules to “burning the Constitution” in a brief."],
                 "burning the Constitution", speaker: "Laurence H. Tribe", role: "Another critic"),
        // A straight mark after a word whose opening mark the text lost opens nothing.
        QuoteRow(["Oz took Trump through a cursory review of [his] systems\" including his health. His doctor Harold Bornstein predicted that Trump would be “the healthiest individual ever elected to the presidency.”"],
                 "the healthiest individual ever elected to the presidency.", speaker: "Harold Bornstein", role: "doctor"),
        // A description the word lists do not know, before a person's full name, is the role.
        QuoteRow(["“We kept the ball well and the crowd carried us,” Rovers centre back Tomas Varga told local radio. “We earned it.”"],
                 "We kept the ball well and the crowd carried us, We earned it.", speaker: "Tomas Varga",
                 role: "Rovers centre back"),
        QuoteRow(["“Prices will keep climbing for a long while,” Dublin art dealer Ronald Pemberton said."],
                 "Prices will keep climbing for a long while,", speaker: "Ronald Pemberton", role: "Dublin art dealer"),
        QuoteRow(["“Our plan is to open three new shops,” says developer Nia Kamau, co-founder of a payments firm."],
                 "Our plan is to open three new shops,", speaker: "Nia Kamau", role: "developer"),
        QuoteRow(["“It was never meant as a statement,” the Hawks’ designated hitter Jim Oakley told the local paper."],
                 "It was never meant as a statement,", speaker: "Jim Oakley", role: "Hawks’ designated hitter"),
        // An appositive whose closing comma the text leaves out is still the speaker's role.
        QuoteRow(["“Lawmakers have failed to act on privacy for years,” Dana Whitlock, counsel to the Consumer Data and Privacy Coalition said in a statement."],
                 "Lawmakers have failed to act on privacy for years,", speaker: "Dana Whitlock",
                 role: "counsel to the Consumer Data and Privacy Coalition"),
        // A verb of speech after a comma that closes a clause of its own is inverted: the person after it speaks,
        // and a later "he" is that person, not the body the clause was about.
        QuoteRow(["The streaming firm reported strong results on Tuesday.",
                  "And with its recent push into advertising, the company is starting to look like the networks it set out to replace, said Tom Nolan, an analyst at Harbor Research.",
                  "“Whatever the old networks were at their best, the firm is becoming that now,” he said."],
                 "Whatever the old networks were at their best, the firm is becoming that now,", speaker: "Tom Nolan",
                 role: "analyst at Harbor Research"),
        // A sentence adverb set off by a comma is no subject: the name after it is.
        QuoteRow(["Owen Clarke bought three closed mines last year.",
                  "Ultimately, Clarke hopes to offset all of the emissions with credits. But right now, he offsets only a tenth. “It is all I can afford,” he said."],
                 "It is all I can afford,", speaker: "Owen Clarke"),
        // "she" four paragraphs after the person it stands for, with no one named between.
        QuoteRow(["Michelle Eisen, a nurse in Buffalo, said the clinic has tried to please everyone.",
                  "The best way to keep the cafes alive is to improve ordering on the app, she said.",
                  "That means shorter waits for customers and less strain on the staff.",
                  "Shorter queues also mean fewer complaints at the counter.",
                  "“If the worker feels less stressed, they are able to greet the customer,” she said."],
                 "If the worker feels less stressed, they are able to greet the customer,", speaker: "Michelle Eisen",
                 role: "nurse in Buffalo"),
        // A subtitled title beside a quotation of the same writer: only the quotation is one.
        QuoteRow(["Author Vera Lind wrote “Salt and Iron: The Story of the River Towns and Their Mills” in 2019.",
                  "“Every town on the river lived or died by its mill,” Lind said."],
                 "Every town on the river lived or died by its mill,", speaker: "Vera Lind", role: "Author"),
        // A place set off by commas after a town ("Butler, Pennsylvania, rally") is an address, not the subject;
        // "On Monday, Russia said" keeps its subject.
        QuoteRow(["Agency director Kim Carter, who has faced criticism since the attack at the Butler, Pennsylvania, rally, said the agency is “eager to cooperate with the review of what went wrong.”",
                  "On Monday, Russia said the talks were “a waste of everyone's time and money.”"],
                 "eager to cooperate with the review of what went wrong.", speaker: "Kim Carter", role: "Agency director",
                 others: [("a waste of everyone's time and money.", "Russia")]),
    ]

    /// Each row's quotation is found with its speaker, role and entity id.
    @Test("attributed quotations", arguments: attributed)
    func attributes(_ row: QuoteRow) throws {
        let (quotes, entities) = Self.quotes(row.paragraphs)
        // The whole list: no quotation missing, none extra.
        #expect(quotes.map { "\($0.text) <\($0.speaker?.name ?? "none")>" }.sorted() == row.all)
        let quote = try #require(quotes.first { $0.text == row.text }, "found: \(quotes.map(\.text))")
        #expect(quote.speaker?.name == row.speaker)
        #expect(quote.speaker?.role == row.role)
        // The speaker's entity id is the entity's that carries the speaker's name, and none where the entity
        // list holds no such entity: an id never points at nothing.
        let entity = entities.first { $0.name == row.speaker || $0.aliases.contains { $0 == row.speaker } }
        #expect(quote.speaker?.entityId == entity?.id)
        if let id = quote.speaker?.entityId { #expect(entities.contains { $0.id == id }) }
    }

    /// A speaker the entity list does not hold (here: a list given without the speaker) gets no entity id.
    @Test func aSpeakerOutsideTheEntityListHasNoEntityId() throws {
        let paragraph = ["“Ganja city is far from the front,” Azerbaijan's presidential aide, Hikmet Hajiyev said."]
        let found = Self.quotes(paragraph)
        #expect(found.quotes.first?.speaker?.entityId == "hikmet-hajiyev")
        let others = found.entities.filter { $0.id != "hikmet-hajiyev" }
        let quote = try #require(Self.quotes(paragraph, entities: others).quotes.first)
        #expect(quote.speaker?.name == "Hikmet Hajiyev")
        #expect(quote.speaker?.entityId == nil)
    }

    /// Quotations whose speaker must stay unknown, or must not be taken from a nearby clause.
    static let unattributed: [QuoteRow] = [
        // "the prime minister" is not the employment minister named last: a lower-case modifier must be in the role.
        QuoteRow(["Employment Minister Ada Vance lost her seat in the north.",
                  "“This has been a very strong night for the party,” the prime minister said."],
                 "This has been a very strong night for the party,", speaker: nil),
        // A capitalised plural or adverb opening a sentence with no reporting verb is no one's name.
        QuoteRow(["Burglaries including break-ins at shops rose by a third last year, a “worrying trend for every small shop in the county.”"],
                 "worrying trend for every small shop in the county.", speaker: nil),
        QuoteRow(["Famously worn by two film stars, the red scarf became “the must-have item of the whole winter season.”"],
                 "the must-have item of the whole winter season.", speaker: nil),
        // "the letter reads" is a cue: the quotation it interrupts is one, and the letter's writer, unnamed, no
        // one (not the person named last).
        QuoteRow(["The appeal was signed by retired banker Jonas Weller among others.",
                  "“We see the new schools giving families hope,” the letter reads. “Our children are thriving there.”"],
                 "We see the new schools giving families hope, Our children are thriving there.", speaker: nil),
        // A short exclamation of its own, with no reporting verb, is speech, not a scare quote.
        QuoteRow(["Outside the town hall, “No more floods!” was painted on every wall."],
                 "No more floods!", speaker: nil),
        // The state after a town is no speaker: "retirees from Ankeny, Iowa, wrote".
        QuoteRow(["“We offer this with respect: you cannot win this race,” the Hales, retirees from Ankeny, Iowa, wrote in a letter."],
                 "We offer this with respect: you cannot win this race,", speaker: nil),
        // A name inside a relative clause ("who watched … Lena Brandt") is its object, not a described speaker.
        QuoteRow(["A third council member who watched the mayor’s interview with radio host Lena Brandt on Monday described feeling “deep sadness at a leader who has lost his way.”"],
                 "deep sadness at a leader who has lost his way.", speaker: nil),
        // A run-in heading in capitals names no one: not "HAS ANSWERED HIM", with "MAYOR" as the role.
        QuoteRow(["MAYOR HAS ANSWERED HIM — Berg’s plan earned him the scorn of the council, which called it “a threat to every family in town.”"],
                 "a threat to every family in town.", speaker: nil),
        // An indefinite role, or one with a complement of its own, is not the person named with that role.
        QuoteRow(["Olek Brandt, a farmer from Dayton, said he was worried.",
                  "“The rain came too late for the corn,” a farmer said.",
                  "“Our clinics would close within a month,” the farmer from the next valley said."],
                 "The rain came too late for the corn,", speaker: nil,
                 others: [("Our clinics would close within a month,", nil)]),
        // A role with no name, a plural, a pronoun with nobody before it.
        QuoteRow(["“It was terrifying and we ran for our lives,” a witness said."],
                 "It was terrifying and we ran for our lives,", speaker: nil),
        QuoteRow(["Israeli officials said the rocket was “launched from southern Lebanon”."],
                 "launched from southern Lebanon", speaker: nil),
        QuoteRow(["“We will not leave our homes,” she said."], "We will not leave our homes,", speaker: nil),
        // "he" after an unnamed person is that person, not someone named earlier.
        QuoteRow(["Mayor Anna Kovacs visited the camp.", "A doctor at the clinic described the night.",
                  "“We had no light and no water,” he said."], "We had no light and no water,", speaker: nil),
        // A body only described ("the militant group") is not an earlier one.
        QuoteRow(["The IDF blamed the attack on the group.", "The militant group denied involvement.",
                  "“We had nothing to do with the incident whatsoever,” it said."],
                 "We had nothing to do with the incident whatsoever,", speaker: nil),
        // "while X said" starts another clause: not this quotation's attribution.
        QuoteRow(["Smotrich said Israel must attack “with all its might even in distant places,” while Gallant said “the blood of citizens has a price.”"],
                 "with all its might even in distant places,", speaker: "Smotrich",
                 others: [("the blood of citizens has a price.", "Gallant")]),
        // A slogan in capitals that ends a sentence is a quotation, not a title.
        QuoteRow(["Hundreds of supporters, chanting slogans like \"No to Fascism!\", marched on the square."],
                 "No to Fascism!", speaker: nil),
        // Sentence openers and plural nouns are no names: "Unable", "Records", "Prosecutors".
        QuoteRow(["Unable to leave the country, Alyoshina told CNN she still does not feel safe. “I’m just tired of playing someone else’s role. I’m tired of pretending to be a man,” she said."],
                 "I’m just tired of playing someone else’s role. I’m tired of pretending to be a man,", speaker: "Alyoshina"),
        QuoteRow(["Records show at least some of them have used IV3.Phillips said he has sought to review all their challenges but added the effort has become “a little time-consuming.”"],
                 "a little time-consuming.", speaker: "Phillips"),  // "IV3.Phillips": a stop with no space ends the word
        QuoteRow(["Prosecutors wrote in a filing that “the parties have not been able to agree upon the terms.”"],
                 "the parties have not been able to agree upon the terms.", speaker: nil),
        // A body or a single word after the dash signs nothing; nor does a name that goes on ("― Tom said").
        QuoteRow(["“We will rebuild every house before winter.” ― Red Cross Society."],
                 "We will rebuild every house before winter.", speaker: nil),
        QuoteRow(["“We will rebuild every house before winter.” ― Anonymous."],
                 "We will rebuild every house before winter.", speaker: nil),
        // A nationality alone ("the Australian said", "The Portuguese said") is no speaker's name.
        QuoteRow(["Roger Federer won again.",
                  "When Lleyton Hewitt shook his hand, the Australian said; \"You're the best, no doubt.\""],
                 "You're the best, no doubt.", speaker: nil),
        QuoteRow(["The Portuguese said his side had lost \"concentration, intensity and motivation\" with nothing to play for."],
                 "concentration, intensity and motivation", speaker: nil),
        // "Just" is a sentence opener but may begin a body's name ("Just Stop Oil"): it stays a name word.
        QuoteRow(["Just Stop Oil called the sentence “an obscene perversion of justice.”"],
                 "an obscene perversion of justice.", speaker: "Just Stop Oil"),
        // A role in capitals is a role, not a body's acronym.
        QuoteRow(["CrowdStrike posted an update.", "“We have mobilized all of CrowdStrike to help you,” the CEO told customers."],
                 "We have mobilized all of CrowdStrike to help you,", speaker: nil),
        // Two quotations of their own in one sentence stay two, as our gold counts them.
        QuoteRow(["A rebel leader told AFP the movement had “ambushed the Malian military” and that “the death toll was not yet known”."],
                 "ambushed the Malian military", speaker: nil, others: [("the death toll was not yet known", nil)]),
        // A capitalised adjective opening the sentence is no subject.
        QuoteRow(["Similar to chants used by Hezbollah, the group's slogan reads, “God is the Greatest. Death to America.”"],
                 "God is the Greatest. Death to America.", speaker: nil),
        // "the UN chief" when two people hold UN titles; a surname one consonant from a known one.
        QuoteRow(["UN Secretary-General Antonio Guterres spoke first.", "UN human rights chief Volker Türk spoke next.",
                  "“This cannot go on any longer,” the UN chief said."],
                 "This cannot go on any longer,", speaker: nil),
        QuoteRow(["Senator Mark Johnston spoke first.", "“We will vote against the bill,” Johnson said."],
                 "We will vote against the bill,", speaker: "Johnson"),
        // A subject the parser cannot name is no appositive to pass over for a name before it.
        QuoteRow(["In a statement posted Tuesday to social media platform X, the farm equipment maker also said it would audit its materials “to ensure the absence of socially-motivated messages” in compliance."],
                 "to ensure the absence of socially-motivated messages", speaker: nil),
        // A capitalised preposition opening the sentence is no part of a name.
        QuoteRow(["For Mr. Obama, the issue is personal. “You know, I love this country,” he said."],
                 "You know, I love this country,", speaker: nil),
        // A run-in heading before a colon is no subject.
        // (A quotation of five words or more: one of four with no speaker would be a scare quote.)
        QuoteRow(["Budget Cuts Threaten River Towns: Ending “the yearly flooding of the valley” is one of the aims of the River Board."],
                 "the yearly flooding of the valley", speaker: nil),
        // A cue with no one named keeps the quotation unattributed, rather than giving it the subject.
        QuoteRow(["Police also shared a tribute from the family of Bebe King who said: “No words can describe the devastation.”"],
                 "No words can describe the devastation.", speaker: nil),
    ]

    /// No speaker is better than a wrong one.
    @Test("quotations with no speaker or a guarded one", arguments: unattributed)
    func refusesToGuess(_ row: QuoteRow) throws {
        let quotes = Self.quotes(row.paragraphs).quotes
        #expect(quotes.map { "\($0.text) <\($0.speaker?.name ?? "none")>" }.sorted() == row.all)
        let quote = try #require(quotes.first { $0.text == row.text }, "found: \(quotes.map(\.text))")
        #expect(quote.speaker?.name == row.speaker)
    }

    /// Paragraphs that hold no quotation: scare quotes, titles, headings, apostrophes.
    static let noQuotes: [String] = [
        "The so-called “safe zone” was hit again on Sunday.",
        "Residents described the scene as “hell” after the strike.",
        "He called it a “dangerous escalation.”",
        "Armenia and Azerbaijan accuse each other of violating 'fragile' truce",
        "Hezbollah ‘firmly denies’ involvement",
        "‘Dire sights’",
        "The documentary “Operation Desert Storm Returns” opened on Friday.",
        // A scare quote: a few words inside a sentence with no reporting verb and no one whose words they are.
        "The audit found there had been “3,210 missed payments” since January.",
        "The paper sent its “senior culture reporter” to the fair, with a photographer.",
        "The ferry service cut a third of its crossings over the “coordinated acts of sabotage” on the line.",
        // A book's title with its subtitle, however long, is no quotation.
        "Her professor persuaded her to write “The Quiet Coast: Life and Work in a Small Fishing Town.”",
        "He is the author of “Salt and Iron: The Story of the River Towns and Their Mills”.",
        "The Houthis’ political council met in the rebels’ stronghold, officials said.",
        "They don't know what's next, and they won't leave.",
        "No quotation marks at all in this sentence.",
        "‘Where should we go?’",
        "Fighters of the group, known as “Supporters of God” in Arabic, took the port.",
        // Two apostrophes alone are not read as quotation marks, nor single marks inside such text.
        "''We will stay here until the end,'' said Maria Lopez.",
        "''I had to step back and think, 'This is their lives and our history.' ''",
        // A title whose full stop sits inside the closing mark, American style.
        "He appeared on “Fox and Friends.”",
        // Two scare quotes in one sentence do not join into a quotation.
        "The minister said the “whole country” was shocked by the “truly awful” attack.",
        // An inch sign is no quotation mark.
        "Trump is 6'3\" tall and weighs 236 pounds, his doctor said.",
        // Markup left in the text: attribute values are no quotations.
        "<post post-author=\"the council rated the whole plan as mostly sound and fair\" post-date=\"the council rated the whole plan as mostly sound\">",
        // A transcript printed in quotation marks, a speaker tag in capitals opening each turn.
        "\"HOST: Will you sign the bill when it reaches your desk?",
        "“Q: Did the council approve the budget? A: It did, by a single vote.”",
    ]

    /// Such paragraphs yield nothing.
    @Test("text with no quotation", arguments: noQuotes)
    func yieldsNothing(_ paragraph: String) {
        #expect(Self.quotes([paragraph]).quotes.isEmpty)
    }

    /// A transcript whose turns open paragraphs with a mark they never close is no quotation, nor one
    /// quotation running on over the turns.
    @Test("transcript turns over several paragraphs are no quotation")
    func transcriptTurns() {
        let quotes = Self.quotes(["Part of the interview follows:",
                                  "\"HOST: Will you sign the bill when it reaches your desk?",
                                  "\"MR. GOVERNOR: I will sign it on the first day, and I will sign it gladly.",
                                  "\"HOST: And the tax cut?"]).quotes
        #expect(quotes.map(\.text) == [])
    }

    /// The fields of a quote: id, article, date, paragraph, cue, and a span from mark to mark.
    @Test("ids, dates, paragraphs, cues and spans point into the text")
    func quoteFields() throws {
        let document = Fixtures.document(
            "Fighting resumed on Monday.",
            "“We believed in the ceasefire,” a Ganja resident, Vesile Mehmedova said.",
            "Baku said the strikes were “a war crime against civilians.”")
        let quotes = QuoteExtractor(lexicon: Fixtures.lexicon).extract(document, entities: [])
        try #require(quotes.count == 2)
        #expect(quotes.map(\.id) == ["test-q1", "test-q2"])
        #expect(quotes.allSatisfy { $0.articleId == "test" && $0.date == "2020-10-12" })
        #expect(quotes.map(\.paragraph) == [1, 2])
        #expect(quotes.map(\.cue) == ["said", "said"])
        let scalars = Array(document.text.unicodeScalars)
        for quote in quotes {
            let covered = String(String.UnicodeScalarView(scalars[quote.span.start..<quote.span.end]))
            #expect(covered.hasPrefix("“") && covered.hasSuffix("”"))
            #expect(covered.contains(quote.text))
        }
    }

    /// One direction: the entity extractor finds the people who speak, quotes read them and add nothing.
    @Test("quoted people are the entity extractor's, with their mentions; quotes add none")
    func quotesAddNoEntities() throws {
        let paragraphs = ["Prime Minister Ahmet Davutoglu visited the city.", "“I strongly condemn this attack,” Davutoglu said.",
                          "“We are ready,” said Selin Kaya, a teacher."]
        let known = ArticleEntity(id: "selin-kaya", name: "Selin Kaya", type: .person, mentions: 1,
                                  mentionSpans: [MentionSpan(start: 0, end: 1, text: "x")])
        let (quotes, given) = Self.quotes(paragraphs, entities: [known])
        #expect(given == [known])
        #expect(quotes.map { $0.speaker?.name } == ["Ahmet Davutoglu", "Selin Kaya"])
        let (_, entities) = Self.quotes(paragraphs)
        let people = entities.filter { $0.type == .person }
        #expect(people.map(\.name) == ["Ahmet Davutoglu", "Selin Kaya"])
        #expect(people.first?.mentionSpans.map(\.text) == ["Ahmet Davutoglu", "Davutoglu"])
    }

    /// Persons from the entity extractor resolve surnames.
    @Test("a surname resolves to a person the entity extractor found")
    func usesEntities() throws {
        let person = ArticleEntity(id: "hikmet-hajiyev", name: "Hikmet Hajiyev", type: .person, mentions: 1,
                                   mentionSpans: [])
        let (quotes, entities) = Self.quotes(["“There is no military target in the city,” Hajiyev said."], entities: [person])
        #expect(quotes.first?.speaker?.name == "Hikmet Hajiyev")
        #expect(entities.count == 1)
    }

    /// The seed article: both quotes, names and roles.
    @Test("the seed article comes out exactly right")
    func seedArticle() throws {
        let file = Fixtures.repositoryRoot.appendingPathComponent("corpus/sample/000_53270147d5724fcb.txt")
        let raw = try String(contentsOf: file, encoding: .utf8)
        var paragraphs = raw.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Also read:") }
        // The first line is "date YYYY-MM-DD <lead paragraph>".
        paragraphs[0] = paragraphs[0].split(separator: " ", maxSplits: 2).dropFirst(2).joined()
        let (quotes, entities) = Self.quotes(paragraphs)
        try #require(quotes.count == 2)
        #expect(quotes[0].speaker == Speaker(name: "Vesile Mehmedova", role: "Ganja resident", entityId: "vesile-mehmedova"))
        #expect(quotes[0].text.hasPrefix("We believed in the ceasefire.") && quotes[0].text.hasSuffix("Who would have wanted this?"))
        #expect(quotes[1].speaker == Speaker(name: "Hikmet Hajiyev", role: "Azerbaijan's presidential aide", entityId: "hikmet-hajiyev"))
        #expect(quotes[1].text.hasPrefix("Ganja city is more than 100 kilometres away"))
        #expect(quotes[1].text.hasSuffix("just Armenia's purpose to kill civilians"))
        #expect(entities.filter { $0.type == .person }.map(\.name) == ["Vesile Mehmedova", "Hikmet Hajiyev"])
    }

    /// A malformed data file throws `LexiconError` naming it.
    @Test("a malformed word list fails loading with an error that names the file")
    func malformedFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-\(UUID().uuidString)")
        let quotes = directory.appendingPathComponent(QuoteLexicon.subdirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: Fixtures.configDirectory.appendingPathComponent(QuoteLexicon.subdirectory), to: quotes)
        let english = Fixtures.lexicon.english
        #expect(throws: Never.self) { try QuoteLexicon(directory: directory, english: english) }
        let organisations = quotes.appendingPathComponent("organisation-words.tsv")
        try "ministry\tinstitution\npolice\n".write(to: organisations, atomically: true, encoding: .utf8)
        let error = try #require(throws: LexiconError.self) { try QuoteLexicon(directory: directory, english: english) }
        #expect(error.file == organisations.path)
        #expect(error.reason == "line 2: expected 2 columns, found 1")
        try "ministry\tinstitution\npolice\tsomeone\n".write(to: organisations, atomically: true, encoding: .utf8)
        let unknown = try #require(throws: LexiconError.self) { try QuoteLexicon(directory: directory, english: english) }
        #expect(unknown == LexiconError(file: organisations.path, reason: "line 2: unknown value 'someone'"))
    }
}
