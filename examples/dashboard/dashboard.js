// Newsdesk dashboard: a static page over the Newsdesk HTTP API (see ../../API.md in the shared docs).
// Plain JavaScript, no build step. The API base URL comes from ?api=http://host:port.
"use strict";

(function () {
    const params = new URLSearchParams(window.location.search);
    const DEFAULT_API = "http://127.0.0.1:8080";
    const SVG_NS = "http://www.w3.org/2000/svg";
    /** The two kinds the chart draws, in drawing order. */
    const CHART_KINDS = [
        { kind: "killed", label: "Killed" },
        { kind: "injured", label: "Injured" },
    ];
    /** Highlight kinds, outermost first when they nest. */
    const MARK_ORDER = { quote: 0, figure: 1, entity: 2 };
    const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

    // ---- small helpers ------------------------------------------------------------------------

    /** The API base from ?api=, without a trailing slash; null when it is not an http(s) URL. */
    function apiBase(raw) {
        const text = (raw || DEFAULT_API).trim().replace(/\/+$/, "");
        try {
            const url = new URL(text);
            return url.protocol === "http:" || url.protocol === "https:" ? text : null;
        } catch (_) {
            return null;
        }
    }

    const API = apiBase(params.get("api"));

    /** `path` with the query parameters that have a value. */
    function withQuery(path, query) {
        const search = new URLSearchParams();
        for (const [name, value] of Object.entries(query)) {
            if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
        }
        const text = search.toString();
        return text ? `${path}?${text}` : path;
    }

    /** GETs `path` from the API; throws an Error with the API's error message on a non-2xx answer. */
    async function getJSON(path) {
        if (!API) throw new Error(`the api parameter must be an http(s) URL, got "${params.get("api")}"`);
        let response;
        try {
            response = await fetch(API + path, { headers: { Accept: "application/json" } });
        } catch (error) {
            throw new Error(`cannot reach the API at ${API} (${error.message})`);
        }
        let body = null;
        try {
            body = await response.json();
        } catch (_) {
            body = null;
        }
        if (!response.ok) {
            const message = body && body.error && body.error.message ? body.error.message : response.statusText;
            throw new Error(`${path}: HTTP ${response.status} ${message}`);
        }
        return body;
    }

    /** Creates an HTML element with attributes (`text` sets textContent) and children. */
    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        setAttributes(node, attributes);
        node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
        return node;
    }

    /** Creates an SVG element with attributes. */
    function svg(tag, attributes, ...children) {
        const node = document.createElementNS(SVG_NS, tag);
        setAttributes(node, attributes);
        node.append(...children.filter((c) => c !== null && c !== undefined));
        return node;
    }

    function setAttributes(node, attributes) {
        for (const [name, value] of Object.entries(attributes || {})) {
            if (value === undefined || value === null || value === false) continue;
            if (name === "text") node.textContent = String(value);
            else node.setAttribute(name, value === true ? "" : String(value));
        }
    }

    /** Marks a region loading, ready, empty or failed: the test and assistive technology read this. */
    function setState(node, state) {
        node.dataset.state = state;
        node.setAttribute("aria-busy", state === "loading" ? "true" : "false");
    }

    function plural(n, one, many) {
        return `${n} ${n === 1 ? one : many || one + "s"}`;
    }

    const $ = (id) => document.getElementById(id);

    // ---- stats and page errors ----------------------------------------------------------------

    function showPageError(message) {
        const node = $("page-error");
        node.textContent = message;
        node.hidden = false;
    }

    async function loadStats() {
        const body = await getJSON("/stats");
        const s = body.data;
        const range = s.dateRange && s.dateRange.from ? `, ${s.dateRange.from} to ${s.dateRange.to}` : "";
        $("stats").textContent = `${plural(s.articles, "article")}, ${plural(s.quotes, "quote")}, ` +
            `${plural(s.entities, "entity", "entities")}, ${plural(s.casualties, "casualty figure")}${range}`;
        return s;
    }

    // ---- casualty chart -----------------------------------------------------------------------

    /**
     * One entry per day of `/casualties/summary` byDay (every day that has any figure), oldest first,
     * with the killed and injured incident totals and running cumulative toll. The running toll is
     * carried forward over days that do not report it, as the server defines it as "highest so far".
     */
    function chartDays(byDay) {
        const days = new Map();
        for (const row of byDay) {
            if (!days.has(row.date)) {
                const day = { date: row.date };
                for (const { kind } of CHART_KINDS) day[kind] = { incident: 0, running: null };
                days.set(row.date, day);
            }
            const entry = days.get(row.date)[row.kind];
            if (entry) {
                entry.incident = row.incident;
                entry.running = row.runningCumulative;
            }
        }
        const list = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const last = {};
        for (const day of list) {
            for (const { kind } of CHART_KINDS) {
                if (day[kind].running === null || day[kind].running === undefined) day[kind].running = last[kind] ?? null;
                else last[kind] = day[kind].running;
            }
        }
        return list;
    }

    /** A round step for about `target` ticks up to `max`. */
    function tickStep(max, target) {
        const raw = Math.max(max / target, 1);
        const power = Math.pow(10, Math.floor(Math.log10(raw)));
        const unit = raw / power;
        return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    }

    /**
     * The vertical scale up to `max`: a linear one with round steps, or a logarithmic one (log of 1 + value,
     * so that 0 stays at the bottom) with ticks at powers of ten, for days whose totals differ by orders of magnitude.
     */
    function valueScale(max, logarithmic) {
        if (logarithmic) {
            const top = Math.pow(10, Math.max(1, Math.ceil(Math.log10(Math.max(max, 1)))));
            const ticks = [0];
            for (let value = 10; value <= top; value *= 10) ticks.push(value);
            return { ticks, fraction: (value) => Math.log10(1 + value) / Math.log10(1 + top) };
        }
        const step = tickStep(max, 4);
        const top = Math.max(step, Math.ceil(max / step) * step);
        const ticks = [];
        for (let value = 0; value <= top; value += step) ticks.push(value);
        return { ticks, fraction: (value) => value / top };
    }

    /** Draws the chart as inline SVG: grouped bars for incidents, a line with points for the running toll. */
    function drawChart(days, logarithmic) {
        const width = 760, height = 280;
        const margin = { top: 16, right: 16, bottom: 44, left: 52 };
        const plotWidth = width - margin.left - margin.right;
        const plotHeight = height - margin.top - margin.bottom;
        let max = 0;
        for (const day of days) {
            for (const { kind } of CHART_KINDS) max = Math.max(max, day[kind].incident, day[kind].running ?? 0);
        }
        const scale = valueScale(max, logarithmic);
        const y = (value) => margin.top + plotHeight - scale.fraction(value) * plotHeight;
        // A few days get columns of at most 90 units, centred, rather than bands across the whole width.
        const band = Math.min(plotWidth / days.length, 90);
        const left = margin.left + (plotWidth - band * days.length) / 2;
        const center = (i) => left + band * (i + 0.5);
        const barWidth = Math.max(2, Math.min(band * 0.36, 22));

        const chart = svg("svg", {
            // A group, not an img: its day columns are buttons, and the children of an img are not announced.
            viewBox: `0 0 ${width} ${height}`, role: "group", "aria-labelledby": "chart-title", "aria-describedby": "chart-desc",
            class: "chart", "data-testid": "chart-svg",
        });
        const total = (kind) => days.reduce((sum, day) => sum + day[kind].incident, 0);
        chart.append(
            svg("title", { id: "chart-title", text: "Killed and injured by day" }),
            svg("desc", {
                id: "chart-desc",
                text: `${plural(days.length, "day")} from ${days[0].date} to ${days[days.length - 1].date}; ` +
                    `${total("killed")} killed and ${total("injured")} injured in single incidents.`,
            }));

        const axes = svg("g", { class: "axes", "aria-hidden": "true" });
        for (const value of scale.ticks) {
            axes.append(
                svg("line", { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: "grid" }),
                svg("text", { x: margin.left - 6, y: y(value) + 4, class: "tick tick-y", text: value.toLocaleString("en") }));
        }
        const labelEvery = Math.ceil(days.length / 8);
        // Every labelEvery-th day, and the last day when it is not too close to the one before.
        const labelled = (i) => i % labelEvery === 0 || (i === days.length - 1 && i % labelEvery >= labelEvery / 2);
        days.forEach((day, i) => {
            if (!labelled(i)) return;
            axes.append(svg("text", {
                x: center(i), y: height - margin.bottom + 18, class: "tick tick-x",
                text: i === 0 || day.date.slice(0, 4) !== days[i - 1].date.slice(0, 4) ? day.date : day.date.slice(5),
            }));
        });
        chart.append(axes);

        // The running toll: one line a kind through the days where it is known.
        for (const { kind } of CHART_KINDS) {
            const points = [];
            days.forEach((day, i) => {
                if (day[kind].running !== null) points.push(`${center(i).toFixed(1)},${y(day[kind].running).toFixed(1)}`);
            });
            if (points.length > 1) {
                chart.append(svg("polyline", { points: points.join(" "), class: `toll toll-${kind}`, "aria-hidden": "true" }));
            }
        }

        // One group a day: bars, toll points, a hit area; focusable and clickable to list that day's articles.
        days.forEach((day, i) => {
            const summary = CHART_KINDS.map(({ kind }) =>
                `${day[kind].incident} ${kind}` + (day[kind].running !== null ? ` (running toll ${day[kind].running})` : ""))
                .join(", ");
            const group = svg("g", {
                class: "day", tabindex: "0", role: "button", "data-testid": "chart-day", "data-date": day.date,
                "data-killed": day.killed.incident, "data-injured": day.injured.incident,
                "aria-label": `${day.date}: ${summary}. Show this day's articles.`,
            }, svg("title", { text: `${day.date}\n${summary}` }));
            group.append(svg("rect", {
                x: left + band * i, y: margin.top, width: band, height: plotHeight, class: "hit",
            }));
            CHART_KINDS.forEach(({ kind }, k) => {
                const value = day[kind].incident;
                const x = center(i) + (k === 0 ? -barWidth : 0);
                group.append(svg("rect", {
                    x: x.toFixed(1), y: y(value).toFixed(1), width: barWidth.toFixed(1),
                    height: (margin.top + plotHeight - y(value)).toFixed(1), class: `bar bar-${kind}`,
                }));
            });
            for (const { kind } of CHART_KINDS) {
                if (day[kind].running === null) continue;
                group.append(svg("circle", {
                    cx: center(i).toFixed(1), cy: y(day[kind].running).toFixed(1), r: 3.5,
                    class: `point point-${kind}`, "data-testid": `chart-point-${kind}`,
                }));
            }
            group.addEventListener("click", () => chooseDay(day.date));
            group.addEventListener("keydown", (event) => {
                if (event.key === "Enter" || event.key === " ") {
                    event.preventDefault();
                    chooseDay(day.date);
                }
            });
            chart.append(group);
        });
        return chart;
    }

    function chartLegend() {
        const items = [];
        for (const { kind, label } of CHART_KINDS) {
            items.push(el("li", {}, el("span", { class: `swatch bar-${kind}`, "aria-hidden": "true" }), `${label} (incidents)`));
            items.push(el("li", {}, el("span", { class: `swatch line toll-${kind}`, "aria-hidden": "true" }), `${label} (running toll)`));
        }
        return el("ul", { class: "legend", "aria-label": "Legend" }, ...items);
    }

    function fillChartTable(days) {
        const body = $("chart-table").tBodies[0];
        body.replaceChildren(...days.map((day) => el("tr", {},
            el("th", { scope: "row", text: day.date }),
            el("td", { text: day.killed.incident }), el("td", { text: day.killed.running ?? "–" }),
            el("td", { text: day.injured.incident }), el("td", { text: day.injured.running ?? "–" }))));
    }

    /** The days the chart shows, kept to redraw it when the scale changes. */
    let chartData = [];

    function redrawChart() {
        if (chartData.length === 0) return;
        $("chart").replaceChildren(drawChart(chartData, $("log-scale").checked), chartLegend());
        markSelectedDay();
    }

    async function loadChart() {
        const node = $("chart");
        setState(node, "loading");
        try {
            const body = await getJSON("/casualties/summary");
            const days = chartDays(body.data.byDay);
            $("chart-method").textContent = body.meta && body.meta.method ? `How the figures add up: ${body.meta.method}` : "";
            fillChartTable(days);
            if (days.length === 0) {
                node.replaceChildren(el("p", { class: "empty", "data-testid": "chart-empty", text: "No casualty figures in this corpus." }));
                setState(node, "empty");
                return;
            }
            chartData = days;
            node.replaceChildren(drawChart(days, $("log-scale").checked), chartLegend());
            markSelectedDay();
            setState(node, "ready");
        } catch (error) {
            node.replaceChildren(el("p", { class: "error", role: "alert", text: `Could not load the casualty summary: ${error.message}` }));
            setState(node, "error");
        }
    }

    // ---- entities -----------------------------------------------------------------------------

    async function loadEntities() {
        const list = $("entity-list");
        const status = $("entity-status");
        setState(list, "loading");
        try {
            const body = await getJSON("/entities?limit=10");
            const top = body.data.reduce((m, e) => Math.max(m, e.mentions), 1);
            list.replaceChildren(...body.data.map((e) => el("li", { "data-testid": "entity-item", "data-entity-id": e.id },
                el("span", { class: "entity-name", "data-testid": "entity-name", text: e.name }),
                el("span", { class: "entity-type", text: e.subtype ? `${e.type}, ${e.subtype}` : e.type }),
                el("span", { class: "entity-count", text: `${plural(e.mentions, "mention")} in ${plural(e.articles, "article")}` }),
                e.type === "person" ? quotesButton(e.name) : null,
                el("span", { class: "meter", "aria-hidden": "true" },
                    el("span", { class: `meter-fill type-${e.type}`, style: `width: ${(100 * e.mentions / top).toFixed(1)}%` })))));
            status.textContent = body.data.length ? "" : "No entities in this corpus.";
            setState(list, body.data.length ? "ready" : "empty");
        } catch (error) {
            status.textContent = `Could not load the entities: ${error.message}`;
            setState(list, "error");
        }
    }

    // ---- quotes by speaker --------------------------------------------------------------------

    async function loadSpeakers() {
        try {
            const body = await getJSON("/speakers?limit=200");
            $("speaker-options").replaceChildren(...body.data.map((s) => el("option", { value: s.name })));
        } catch (_) {
            // Suggestions are a convenience: the search works without them.
        }
    }

    function quoteItem(q) {
        const speaker = q.speaker ? q.speaker.name : "Unnamed speaker";
        const open = el("button", { type: "button", class: "link", text: "Read the article" });
        open.addEventListener("click", () => openArticle(q.articleId));
        return el("li", { "data-testid": "quote-item", "data-quote-id": q.id },
            el("figure", {},
                el("blockquote", { "data-testid": "quote-text", text: q.text }),
                el("figcaption", {},
                    el("span", { class: "speaker", "data-testid": "quote-speaker", text: speaker }),
                    q.speaker && q.speaker.role ? `, ${q.speaker.role}` : "",
                    el("span", { class: "muted", text: ` — ${q.date} ` }), open)));
    }

    /** A button that runs the quote search for a person. */
    function quotesButton(name) {
        const button = el("button", { type: "button", class: "link small", text: "quotes", "aria-label": `Quotes by ${name}` });
        button.addEventListener("click", () => {
            $("speaker-input").value = name;
            searchQuotes(name);
        });
        return button;
    }

    async function searchQuotes(speaker) {
        const list = $("quote-results");
        const status = $("quote-status");
        setState(list, "loading");
        status.textContent = `Searching for quotes by “${speaker}”…`;
        try {
            const body = await getJSON(withQuery("/quotes", { speaker, limit: 50 }));
            list.replaceChildren(...body.data.map(quoteItem));
            const total = body.meta.total;
            status.textContent = total === 0
                ? `No quotes from a speaker matching “${speaker}”.`
                : `${plural(total, "quote")} from speakers matching “${speaker}”` +
                  (total > body.data.length ? `, showing the first ${body.data.length}.` : ".");
            setState(list, total === 0 ? "empty" : "ready");
        } catch (error) {
            list.replaceChildren();
            status.textContent = `Could not search the quotes: ${error.message}`;
            setState(list, "error");
        }
    }

    // ---- articles of a day --------------------------------------------------------------------

    let selectedDay = null;

    function markSelectedDay() {
        for (const group of document.querySelectorAll("[data-testid=chart-day]")) {
            group.classList.toggle("selected", group.dataset.date === selectedDay);
        }
    }

    function chooseDay(date) {
        $("day-input").value = date;
        loadDay(date);
    }

    function countsText(counts) {
        if (!counts) return "";
        return `${plural(counts.quotes, "quote")} · ${plural(counts.casualties, "casualty figure")} · ` +
            plural(counts.entities, "entity", "entities");
    }

    async function loadDay(date) {
        const list = $("article-list");
        const status = $("day-status");
        selectedDay = date;
        markSelectedDay();
        if (!DATE_PATTERN.test(date)) {
            status.textContent = `“${date}” is not a date (YYYY-MM-DD).`;
            setState(list, "error");
            return;
        }
        setState(list, "loading");
        status.textContent = `Loading the articles of ${date}…`;
        try {
            const body = await getJSON(withQuery(`/articles/${date}`, { limit: 100 }));
            if (selectedDay !== date) return; // another day was chosen meanwhile
            list.replaceChildren(...body.data.map((a) => {
                const open = el("button", {
                    type: "button", class: "link article-button", "data-testid": "article-button",
                    "data-article-id": a.id, text: a.title,
                });
                open.addEventListener("click", () => openArticle(a.id));
                const source = [a.source && a.source.outlet, a.source && a.source.file].filter(Boolean).join(" · ");
                return el("li", { "data-testid": "article-item", "data-article-id": a.id },
                    open, el("span", { class: "muted small", text: `${source} — ${countsText(a.counts)}` }));
            }));
            const total = body.meta.total;
            status.textContent = total === 0 ? `No articles on ${date}.`
                : `${plural(total, "article")} on ${date}` + (total > body.data.length ? `, showing the first ${body.data.length}.` : ".");
            setState(list, total === 0 ? "empty" : "ready");
        } catch (error) {
            list.replaceChildren();
            status.textContent = `Could not load the articles of ${date}: ${error.message}`;
            setState(list, "error");
        }
    }

    // ---- one article, with highlights ---------------------------------------------------------

    /** The highlights of an article: quotes, casualty figures and entity mentions, as code point ranges. */
    function annotations(article) {
        const notes = [];
        for (const q of article.quotes || []) {
            notes.push({
                kind: "quote", ref: q.id, start: q.span.start, end: q.span.end,
                title: q.speaker ? `Quote: ${q.speaker.name}` : "Quote (speaker not named)",
            });
        }
        for (const c of article.casualties || []) {
            notes.push({ kind: "figure", ref: c.id, start: c.span.start, end: c.span.end, title: `Casualty figure: ${figureText(c)}` });
        }
        for (const e of article.entities || []) {
            for (const m of e.mentionSpans || []) {
                notes.push({ kind: "entity", ref: e.id, start: m.start, end: m.end, title: `${e.name} (${e.type})` });
            }
        }
        return notes;
    }

    /**
     * Renders `text` as paragraphs (a run of two or more line breaks separates them) with each note
     * wrapped in <mark>. Offsets count Unicode code points, so the text is split with Array.from and
     * never indexed as UTF-16. A note that crosses a paragraph break is marked in each paragraph.
     */
    function renderText(text, notes) {
        const chars = Array.from(text);
        const n = chars.length;
        const valid = notes.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= n);
        const inBreak = new Uint8Array(n);
        const cuts = new Set([0, n]);
        for (let i = 0; i < n;) {
            if (chars[i] !== "\n") { i++; continue; }
            let j = i;
            while (j < n && chars[j] === "\n") j++;
            if (j - i >= 2) {
                inBreak.fill(1, i, j);
                cuts.add(i).add(j);
            }
            i = j;
        }
        for (const a of valid) cuts.add(a.start).add(a.end);
        const points = [...cuts].sort((a, b) => a - b);

        const paragraphs = [];
        let paragraph = null;
        for (let k = 0; k + 1 < points.length; k++) {
            const start = points[k], end = points[k + 1];
            if (inBreak[start]) { paragraph = null; continue; }
            if (!paragraph) {
                paragraph = el("p");
                paragraphs.push(paragraph);
            }
            const covering = valid.filter((a) => a.start <= start && a.end >= end)
                .sort((a, b) => MARK_ORDER[a.kind] - MARK_ORDER[b.kind] || a.start - b.start || b.end - a.end);
            let node = document.createTextNode(chars.slice(start, end).join(""));
            for (let c = covering.length - 1; c >= 0; c--) {
                const a = covering[c];
                const mark = el("mark", { class: `hl hl-${a.kind}`, "data-testid": `hl-${a.kind}`, "data-ref": a.ref, title: a.title });
                mark.append(node);
                node = mark;
            }
            paragraph.append(node);
        }
        return paragraphs;
    }

    function figureText(c) {
        const qualifier = { about: "about ", nearly: "nearly ", at_least: "at least ", more_than: "more than ", up_to: "up to ", fewer_than: "fewer than " };
        let number;
        if (c.qualifier === "range" && c.min !== null && c.max !== null) number = `${c.min}–${c.max}`;
        else if (c.count !== null && c.count !== undefined) number = `${qualifier[c.qualifier] || ""}${c.count}`;
        else if (c.min !== null && c.min !== undefined) number = `at least ${c.min}`;
        else number = "an unknown number of";
        return `${number} ${c.group} ${c.kind}`;
    }

    function renderArticle(article) {
        const view = $("article-view");
        const notes = annotations(article);
        const text = el("div", { class: "article-text", "data-testid": "article-text", lang: "en" }, ...renderText(article.text, notes));
        const toggle = el("input", { type: "checkbox", id: "show-entities", "data-testid": "show-entities" });
        toggle.addEventListener("change", () => text.classList.toggle("show-entities", toggle.checked));

        const source = article.source || {};
        const link = source.url && /^https?:\/\//.test(source.url)
            ? el("a", { href: source.url, rel: "noopener noreferrer", text: source.outlet || source.url }) : source.outlet;
        const quotes = (article.quotes || []).map((q) => el("li", { "data-testid": "article-quote", "data-quote-id": q.id },
            el("span", { class: "speaker", text: q.speaker ? q.speaker.name : "Unnamed speaker" }),
            q.speaker && q.speaker.role ? `, ${q.speaker.role}` : "", `: “${q.text}”`));
        const figures = (article.casualties || []).map((c) => el("li", { "data-testid": "article-figure", "data-figure-id": c.id },
            el("strong", { text: figureText(c) }),
            ` (${c.scope}${c.location ? `, ${c.location.name}` : ""}): `, el("span", { class: "muted", text: c.sentence })));

        view.replaceChildren(
            el("h3", { "data-testid": "article-title", text: article.title }),
            el("p", { class: "muted" }, `${article.date}`, link ? " · " : "", link || "",
                ` · ${source.file || ""} · ${plural(article.wordCount, "word")}`),
            el("div", { class: "legend-row" },
                el("ul", { class: "legend", "aria-label": "Highlights" },
                    el("li", {}, el("mark", { class: "hl hl-quote", text: "quote" }), ` ${plural((article.quotes || []).length, "quote")}`),
                    el("li", {}, el("mark", { class: "hl hl-figure", text: "figure" }), ` ${plural((article.casualties || []).length, "casualty figure")}`)),
                el("span", { class: "toggle" }, toggle, el("label", { for: "show-entities", text: " Underline entity mentions" }))),
            el("div", { class: "article-body" },
                el("div", {}, text, article.related && article.related.length
                    ? el("p", { class: "muted small", text: `Also read: ${article.related.join(" · ")}` }) : null),
                el("aside", { "aria-label": "Quotes and casualty figures of this article" },
                    el("h4", { text: "Quotes" }),
                    quotes.length ? el("ol", { class: "compact" }, ...quotes) : el("p", { class: "muted", text: "No quotes found in this article." }),
                    el("h4", { text: "Casualty figures" }),
                    figures.length ? el("ol", { class: "compact" }, ...figures) : el("p", { class: "muted", text: "No casualty figures found in this article." }))));
        view.dataset.articleId = article.id;
        setState(view, "ready");
    }

    async function openArticle(id) {
        const view = $("article-view");
        setState(view, "loading");
        try {
            const body = await getJSON(`/articles/${encodeURIComponent(id)}`);
            renderArticle(body.data);
            $("article").scrollIntoView({ block: "start" });
        } catch (error) {
            view.replaceChildren(el("p", { class: "error", role: "alert", text: `Could not load the article: ${error.message}` }));
            setState(view, "error");
        }
    }


    // ---- events: table, map and one event's reports ---------------------------------------------

    /** "12–15" with the latest toll in bold, as DOM nodes; "–" when the kind is not reported. */
    function tollCell(event, kind) {
        const toll = (event.tolls || []).find((t) => t.kind === kind);
        if (!toll) return [el("span", { class: "muted", text: "–" })];
        const latest = el("span", { class: "latest", "data-testid": `event-${kind}-latest`, text: toll.latest.toLocaleString("en-US") });
        if (toll.low === toll.high) return [latest];
        return [`${toll.low.toLocaleString("en-US")}–${toll.high.toLocaleString("en-US")} (latest `, latest, ")"];
    }

    /** Where an event goes on the map: its place's coordinates, else its country's centre (approximate). */
    function eventPoint(event, countries) {
        const location = event.location;
        if (!location) return null;
        if (location.coordinates) {
            return { x: location.coordinates.lon + 180, y: 90 - location.coordinates.lat, approximate: false };
        }
        const country = location.countryCode ? countries.get(location.countryCode) : null;
        return country ? { x: country.c[0], y: country.c[1], approximate: true } : null;
    }

    let shownEvents = [];

    function drawMap(events) {
        const host = $("events-map");
        const world = window.NEWSDESK_WORLD;
        if (!world) {
            host.replaceChildren(el("p", { class: "error", text: "The map outlines (world.js) did not load." }));
            setState(host, "error");
            return;
        }
        const countries = new Map();
        const map = svg("svg", { class: "world", viewBox: "0 0 360 150", "data-testid": "map-svg", role: "img",
            "aria-label": "Map of the events listed" });
        // Antarctica is left out of the view (y > 150).
        for (const c of world.countries) {
            if (c.iso2) countries.set(c.iso2, c);
            map.append(svg("path", { class: "country", d: c.d, "data-testid": "map-country", "data-name": c.name },
                svg("title", { text: c.name })));
        }
        const largest = Math.max(1, ...events.map((e) => {
            const t = (e.tolls || []).find((k) => k.kind === "killed");
            return t ? t.latest : 0;
        }));
        let exact = 0, approximate = 0;
        for (const event of events) {
            const point = eventPoint(event, countries);
            if (!point) continue;
            if (point.approximate) approximate += 1; else exact += 1;
            const toll = (event.tolls || []).find((k) => k.kind === "killed");
            const r = 1 + 4 * Math.sqrt((toll ? toll.latest : 0) / largest);
            const dot = svg("circle", { class: `event-dot${point.approximate ? " approximate" : ""}`, cx: point.x.toFixed(2),
                cy: point.y.toFixed(2), r: r.toFixed(2), tabindex: "0", "data-testid": "map-event", "data-event-id": event.id,
                "data-approximate": point.approximate ? "true" : "false" },
                svg("title", { text: `${event.date} ${event.location.name}: ${event.title}` }));
            dot.addEventListener("click", () => openEvent(event.id));
            dot.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(event.id); });
            map.append(dot);
        }
        host.replaceChildren(map);
        const unplaced = events.length - exact - approximate;
        $("map-note").textContent = `${plural(exact, "event")} at its place, ${approximate} at the centre of its country ` +
            `(place not yet located), ${unplaced} without a place. Outlines: Natural Earth (public domain).`;
        setState(host, events.length ? "ready" : "empty");
    }

    async function loadEvents() {
        const table = $("events-table");
        const body = table.tBodies[0];
        setState(table, "loading");
        setState($("events-map"), "loading");
        try {
            const query = { limit: 100, sort: $("events-sort").value, minSources: $("events-min-sources").value };
            const answer = await getJSON(withQuery("/events", query));
            shownEvents = answer.data;
            body.replaceChildren(...shownEvents.map((event) => {
                const outlets = event.sources.outlets || [];
                const row = el("tr", { tabindex: "0", "data-testid": "event-row", "data-event-id": event.id },
                    el("td", { text: event.date }),
                    el("td", { "data-testid": "event-place", text: event.location ? event.location.name : "–" }),
                    el("td", { "data-testid": "event-title", text: event.title }),
                    el("td", { "data-testid": "event-killed" }, ...tollCell(event, "killed")),
                    el("td", { "data-testid": "event-injured" }, ...tollCell(event, "injured")),
                    el("td", { "data-testid": "event-sources",
                        title: outlets.join(", "),
                        text: `${plural(event.sources.articles, "article")}, ${plural(outlets.length, "outlet")}` }));
                row.addEventListener("click", () => openEvent(event.id));
                row.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(event.id); });
                return row;
            }));
            $("events-status").textContent = `${plural(answer.meta.total, "event")}` +
                (answer.meta.total > shownEvents.length ? `, the first ${shownEvents.length} shown` : "");
            setState(table, shownEvents.length ? "ready" : "empty");
            drawMap(shownEvents);
        } catch (error) {
            $("events-status").textContent = `Could not load events: ${error.message}`;
            setState(table, "error");
            setState($("events-map"), "error");
        }
    }

    function figureText(f) {
        const number = f.count !== null && f.count !== undefined ? f.count.toLocaleString("en-US")
            : `at least ${(f.min || 0).toLocaleString("en-US")}`;
        return `${number} ${f.kind}${f.group && f.group !== "people" ? ` (${f.group})` : ""}`;
    }

    async function openEvent(id) {
        const view = $("event-view");
        setState(view, "loading");
        for (const node of document.querySelectorAll("[data-event-id].selected")) node.classList.remove("selected");
        for (const node of document.querySelectorAll(`[data-event-id="${CSS.escape(id)}"]`)) node.classList.add("selected");
        try {
            const event = (await getJSON(`/events/${encodeURIComponent(id)}`)).data;
            const reports = event.figures.map((f) => el("li", { "data-testid": "event-report", "data-figure-id": f.id },
                el("span", { class: "muted", "data-testid": "report-source", text: `${f.outlet || "unknown outlet"} · ${f.date} · ` }),
                el("span", { class: "report-figure", "data-testid": "report-figure", text: figureText(f) }),
                el("p", { class: "report-sentence", "data-testid": "report-sentence", text: f.sentence }),
                el("button", { type: "button", class: "link small", text: f.articleTitle || f.articleId,
                    "data-article-id": f.articleId })));
            for (const button of reports.map((li) => li.querySelector("button"))) {
                button.addEventListener("click", () => openArticle(button.dataset.articleId));
            }
            const where = event.location ? ` · ${event.location.name}` : "";
            view.replaceChildren(
                el("h3", { "data-testid": "event-heading", text: event.title }),
                el("p", { class: "muted", text: `${event.date}${where} · reported ${event.reported.from} to ${event.reported.to} · ` +
                    `${plural(event.sources.articles, "article")}${event.sources.outlets.length ? ` (${event.sources.outlets.join(", ")})` : ""}` }),
                el("ol", { class: "event-reports", "aria-label": "Reports" }, ...reports));
            view.dataset.eventId = event.id;
            setState(view, "ready");
        } catch (error) {
            view.replaceChildren(el("p", { class: "error", role: "alert", text: `Could not load the event: ${error.message}` }));
            setState(view, "error");
        }
    }

    // ---- start --------------------------------------------------------------------------------

    function init() {
        $("api-base").textContent = API || String(params.get("api"));
        if (!API) {
            showPageError(`The api parameter must be an http(s) URL such as ${DEFAULT_API}; got “${params.get("api")}”.`);
            return;
        }
        $("quote-form").addEventListener("submit", (event) => {
            event.preventDefault();
            const speaker = $("speaker-input").value.trim();
            if (speaker) searchQuotes(speaker);
        });
        $("log-scale").addEventListener("change", redrawChart);
        $("day-form").addEventListener("submit", (event) => {
            event.preventDefault();
            if ($("day-input").value) loadDay($("day-input").value);
        });

        loadChart();
        loadEvents();
        $("events-sort").addEventListener("change", loadEvents);
        $("events-min-sources").addEventListener("change", loadEvents);
        loadEntities();
        loadSpeakers();
        loadStats().then((stats) => {
            const range = stats.dateRange || {};
            if (range.from) $("day-input").min = range.from;
            if (range.to) $("day-input").max = range.to;
            const day = params.get("day") || range.to;
            if (day) {
                chooseDay(day);
            } else {
                $("day-status").textContent = "No articles in this corpus.";
                setState($("article-list"), "empty");
            }
        }).catch((error) => {
            showPageError(`${error.message}. Start the server (newsdesk serve) or pass ?api=http://host:port.`);
            setState($("article-list"), "error");
        });
        const speaker = params.get("speaker");
        if (speaker) {
            $("speaker-input").value = speaker;
            searchQuotes(speaker);
        }
        const article = params.get("article");
        if (article) openArticle(article);
        const event = params.get("event");
        if (event) openEvent(event);
    }

    // For the browser test: the text renderer, to check it on hand-made input.
    window.NewsdeskDashboard = { renderText };

    init();
})();
