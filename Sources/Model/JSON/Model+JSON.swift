extension TextSpan: JSONWritable {
    /// `{"start": 1, "end": 2}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("start"); w.int(start)
        w.key("end"); w.int(end)
        w.endObject()
    }
}

extension Speaker: JSONWritable {
    /// API.md's speaker object.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("role"); w.string(role)
        w.key("entityId"); w.string(entityId)
        w.endObject()
    }
}

extension Quote: JSONWritable {
    /// API.md's Quote.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("articleId"); w.string(articleId)
        w.key("date"); w.string(date)
        w.key("text"); w.string(text)
        w.key("speaker")
        if let speaker { w.value(speaker) } else { w.null() }
        w.key("cue"); w.string(cue)
        w.key("paragraph"); w.int(paragraph)
        w.key("span"); w.value(span)
        w.endObject()
    }
}

extension MentionSpan: JSONWritable {
    /// `{"start": 12, "end": 22, "text": "Azerbaijan"}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("start"); w.int(start)
        w.key("end"); w.int(end)
        w.key("text"); w.string(text)
        w.endObject()
    }
}

extension ArticleEntity: JSONWritable {
    /// API.md's ArticleEntity.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("name"); w.string(name)
        w.key("type"); w.string(type.rawValue)
        w.key("subtype"); w.string(subtype)
        w.key("countryCode"); w.string(countryCode)
        w.key("geonamesId"); w.int(geonamesId)
        w.key("coordinates")
        if let coordinates { w.value(coordinates) } else { w.null() }
        w.key("admin1Code"); w.string(admin1Code)
        w.key("aliases"); w.array(aliases)
        w.key("mentions"); w.int(mentions)
        w.key("mentionSpans"); w.array(mentionSpans)
        w.endObject()
    }
}

extension Entity: JSONWritable {
    /// API.md's corpus-wide Entity.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        writeFields(to: &w)
        w.endObject()
    }

    /// The fields without the enclosing braces, for handlers that add fields of their own.
    public func writeFields(to w: inout JSONWriter) {
        w.key("id"); w.string(id)
        w.key("name"); w.string(name)
        w.key("type"); w.string(type.rawValue)
        w.key("subtype"); w.string(subtype)
        w.key("countryCode"); w.string(countryCode)
        w.key("geonamesId"); w.int(geonamesId)
        w.key("coordinates")
        if let coordinates { w.value(coordinates) } else { w.null() }
        w.key("admin1Code"); w.string(admin1Code)
        w.key("aliases"); w.array(aliases)
        w.key("mentions"); w.int(mentions)
        w.key("articles"); w.int(articles)
        w.key("firstSeen"); w.string(firstSeen)
        w.key("lastSeen"); w.string(lastSeen)
    }
}

extension Coordinates: JSONWritable {
    /// `{"lat": 40.68, "lon": 46.36}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("lat"); w.double(lat)
        w.key("lon"); w.double(lon)
        w.endObject()
    }
}

extension CasualtyLocation: JSONWritable {
    /// `{"name": "Ganja", "entityId": "ganja"}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("entityId"); w.string(entityId)
        w.endObject()
    }
}

extension Casualty: JSONWritable {
    /// API.md's Casualty.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("articleId"); w.string(articleId)
        w.key("date"); w.string(date)
        w.key("kind"); w.string(kind.rawValue)
        w.key("count"); w.int(count)
        w.key("min"); w.int(min)
        w.key("max"); w.int(max)
        w.key("qualifier"); w.string(qualifier.rawValue)
        w.key("group"); w.string(group.rawValue)
        w.key("scope"); w.string(scope.rawValue)
        w.key("location")
        if let location { w.value(location) } else { w.null() }
        w.key("sentence"); w.string(sentence)
        w.key("span"); w.value(span)
        w.key("paragraph"); w.int(paragraph)
        w.key("eventId"); w.string(eventId)
        w.endObject()
    }
}

extension ArticleSource: JSONWritable {
    /// `{"file": "…", "url": null, "outlet": null}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("file"); w.string(file)
        w.key("url"); w.string(url)
        w.key("outlet"); w.string(outlet)
        w.endObject()
    }
}

extension Article: JSONWritable {
    /// The whole article, as `GET /articles/{id}` serves it.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        writeSummaryFields(to: &w)
        w.key("text"); w.string(text)
        w.key("paragraphs")
        w.beginArray()
        forEachParagraph { w.string(utf8: $0) }
        w.endArray()
        w.key("related"); w.array(related)
        w.key("quotes"); w.array(quotes)
        w.key("entities"); entityList.writeJSON(to: &w)
        w.key("casualties"); w.array(casualties)
        w.endObject()
    }

    /// The list form: everything above `text`.
    public func writeSummaryJSON(to w: inout JSONWriter) {
        w.beginObject()
        writeSummaryFields(to: &w)
        w.endObject()
    }

    private func writeSummaryFields(to w: inout JSONWriter) {
        w.key("id"); w.string(id)
        w.key("date"); w.string(date)
        w.key("title"); w.string(title)
        w.key("summary"); w.string(summary)
        w.key("source"); w.value(source)
        w.key("wordCount"); w.int(wordCount)
        w.key("counts")
        w.beginObject()
        w.key("quotes"); w.int(counts.quotes)
        w.key("entities"); w.int(counts.entities)
        w.key("casualties"); w.int(counts.casualties)
        w.endObject()
    }
}

extension EventLocation: JSONWritable {
    /// `{"name", "entityId", "countryCode", "coordinates"}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("entityId"); w.string(entityId)
        w.key("countryCode"); w.string(countryCode)
        w.key("coordinates")
        if let coordinates { w.value(coordinates) } else { w.null() }
        w.endObject()
    }
}

extension EventToll: JSONWritable {
    /// `{"kind", "low", "high", "latest", "reports"}`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("kind"); w.string(kind.rawValue)
        w.key("low"); w.int(low)
        w.key("high"); w.int(high)
        w.key("latest"); w.int(latest)
        w.key("reports"); w.int(reports)
        w.endObject()
    }
}

extension Event: JSONWritable {
    /// API.md's Event in its list form: everything but `figures`.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        writeFields(to: &w)
        w.endObject()
    }

    /// The fields without the enclosing braces, for the single-event form that adds `figures`.
    public func writeFields(to w: inout JSONWriter) {
        w.key("id"); w.string(id)
        w.key("date"); w.string(date)
        w.key("title"); w.string(title)
        w.key("location")
        if let location { w.value(location) } else { w.null() }
        w.key("reported")
        w.beginObject()
        w.key("from"); w.string(reportedFrom)
        w.key("to"); w.string(reportedTo)
        w.endObject()
        w.key("tolls"); w.array(tolls)
        w.key("sources")
        w.beginObject()
        w.key("articles"); w.int(articleCount)
        w.key("outlets"); w.array(outlets)
        w.endObject()
    }
}
