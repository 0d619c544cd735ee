"""Drives the dashboard in headless Chromium against a live Newsdesk server.

The server (``$NEWSDESK_BIN``, default ``.build/debug/newsdesk``) serves ``$NEWSDESK_DATA`` (default
``corpus/sample``) on a free port (``$NEWSDESK_API`` names a server already running instead);
``python3 -m http.server`` serves this folder on another port, so the page and the API are different
origins, as they are in use. A second server serves ``fixtures/astral``. Each test asks the API what it holds and then
checks that the page shows exactly that. Selenium uses the system chromedriver (``/usr/bin/chromedriver``),
never a downloaded one.

Run from the repository root: ``python3 -m pytest examples/dashboard/test_dashboard.py``.
"""

import json
import os
import tempfile
import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED_FILE = "000_53270147d5724fcb.txt"
SEED_DAY = "2020-10-12"
# The committed screenshot is refreshed only when asked (DASHBOARD_SCREENSHOT=1), so that a test run
# leaves the tree clean; otherwise it goes to the temporary directory.
SCREENSHOT = (HERE / "screenshot.png" if os.environ.get("DASHBOARD_SCREENSHOT") == "1"
              else Path(tempfile.gettempdir()) / "newsdesk-dashboard.png")
EVENTS_SCREENSHOT = (HERE / "screenshot-events.png" if os.environ.get("DASHBOARD_SCREENSHOT") == "1"
                     else Path(tempfile.gettempdir()) / "newsdesk-dashboard-events.png")
ASTRAL_CORPUS = HERE / "fixtures" / "astral"
# Six short articles (written for this test) in which four incidents are reported, two of them by two outlets.
EVENTS_CORPUS = HERE / "fixtures" / "events"
ASTRAL_DAY = "2020-11-02"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
WAIT_SECONDS = 20


class Process:
    """A child process whose output is read in the background; starting waits for a line that matches."""

    def __init__(self, argv, pattern, cwd, what):
        self.what = what
        self.lines = []
        self.match = None
        self._pattern = re.compile(pattern)
        self._started = threading.Event()
        self.proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._started.wait(timeout=30) or self.match is None:
            self.stop()
            raise RuntimeError(f"{self.what} did not start:\n{''.join(self.lines)}")

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)
            if self.match is None:
                self.match = self._pattern.search(line)
                if self.match:
                    self._started.set()
        self._started.set()  # the process ended: stop waiting

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server(data):
    """Starts `newsdesk serve` on a free port over the corpus directory `data`."""
    binary = Path(os.environ.get("NEWSDESK_BIN", ".build/debug/newsdesk"))
    binary = binary if binary.is_absolute() else ROOT / binary
    if not binary.exists():
        pytest.fail(f"no server binary at {binary}: run `swift build` first or set NEWSDESK_BIN")
    return Process([str(binary), "serve", "--port", "0", "--host", "127.0.0.1", "--data", str(data)],
                   r"(?=.*\blistening\b).*server\.port=(\d+)", cwd=ROOT, what="newsdesk serve")


@pytest.fixture(scope="module")
def api():
    """Base URL of a live API server on a free port (or $NEWSDESK_API, a server already running)."""
    if os.environ.get("NEWSDESK_API"):
        yield os.environ["NEWSDESK_API"].rstrip("/")
        return
    server = start_server(os.environ.get("NEWSDESK_DATA", "corpus/sample"))
    yield f"http://127.0.0.1:{server.match.group(1)}"
    server.stop()


@pytest.fixture(scope="module")
def astral_api():
    """A server over the fixture corpus whose text has characters outside the BMP before every quote and figure."""
    server = start_server(ASTRAL_CORPUS)
    yield f"http://127.0.0.1:{server.match.group(1)}"
    server.stop()


@pytest.fixture(scope="module")
def events_api():
    """A server over the events fixture corpus: incidents reported by several outlets."""
    server = start_server(EVENTS_CORPUS)
    yield f"http://127.0.0.1:{server.match.group(1)}"
    server.stop()


@pytest.fixture(scope="module")
def page_origin():
    """Base URL of a static server for this folder (another origin than the API)."""
    static = Process([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(HERE)],
                     r"port (\d+)", cwd=HERE, what="python3 -m http.server")
    yield f"http://127.0.0.1:{static.match.group(1)}"
    static.stop()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,2400", "--no-first-run", "--disable-extensions", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def get_json(api, path, **query):
    url = api + path + ("?" + urllib.parse.urlencode(query) if query else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def open_page(browser, page_origin, api, **query):
    """Opens the dashboard (forgetting earlier console messages) and waits until its regions have settled."""
    browser.get_log("browser")  # forget messages from earlier pages
    browser.get(f"{page_origin}/index.html?" + urllib.parse.urlencode({"api": api, **query}))
    settle(browser, "chart", "entity-list", "article-list")


def settle(browser, *testids):
    """Waits until each region named by data-testid is no longer loading (data-state set by the page)."""
    def settled(driver):
        states = [driver.find_element(By.CSS_SELECTOR, f"[data-testid={t}]").get_attribute("data-state") for t in testids]
        return all(state not in (None, "", "loading", "idle") for state in states)
    WebDriverWait(browser, WAIT_SECONDS).until(settled, f"regions still loading: {testids}")


def by_testid(browser, testid, attribute=None):
    elements = browser.find_elements(By.CSS_SELECTOR, f"[data-testid={testid}]")
    return [e.get_attribute(attribute) for e in elements] if attribute else elements


def search_speaker(browser, name):
    """Types `name` into the speaker field, submits, and waits for the results."""
    field = by_testid(browser, "speaker-input")[0]
    field.clear()
    field.send_keys(name)
    by_testid(browser, "speaker-submit")[0].click()
    settle(browser, "quote-results")


def console_errors(browser):
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def summary_days(api):
    """The distinct days of /casualties/summary byDay, oldest first, with killed and injured incident totals."""
    days = {}
    for row in get_json(api, "/casualties/summary")["data"]["byDay"]:
        day = days.setdefault(row["date"], {"killed": 0, "injured": 0})
        if row["kind"] in day:
            day[row["kind"]] = row["incident"]
    return dict(sorted(days.items()))


def seed_article(api):
    for article in get_json(api, f"/articles/{SEED_DAY}", limit=500)["data"]:
        if article["source"]["file"].endswith(SEED_FILE):
            return article
    return None


def text_of(browser, css):
    """Each matching element's textContent (not the rendered text, so no whitespace is collapsed)."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css)


# ---- the tests ---------------------------------------------------------------------------------


def test_page_loads_without_console_errors(browser, page_origin, api):
    open_page(browser, page_origin, api)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Newsdesk dashboard"
    assert by_testid(browser, "api-base")[0].text == api
    assert not by_testid(browser, "page-error")[0].is_displayed()
    stats = get_json(api, "/stats")["data"]
    assert f"{stats['articles']} article" in by_testid(browser, "stats")[0].text
    assert console_errors(browser) == []


def test_chart_has_a_point_per_summary_day(browser, page_origin, api):
    open_page(browser, page_origin, api)
    days = summary_days(api)
    groups = by_testid(browser, "chart-day")
    assert [g.get_attribute("data-date") for g in groups] == list(days)
    for group in groups:
        expected = days[group.get_attribute("data-date")]
        assert int(group.get_attribute("data-killed")) == expected["killed"]
        assert int(group.get_attribute("data-injured")) == expected["injured"]
    chart = by_testid(browser, "chart")[0]
    if days:
        assert chart.get_attribute("data-state") == "ready"
        assert by_testid(browser, "chart-svg")[0].is_displayed()
        # The logarithmic scale redraws the same days.
        by_testid(browser, "log-scale")[0].click()
        assert by_testid(browser, "chart-day", "data-date") == list(days)
        groups = by_testid(browser, "chart-day")
        # Clicking a day lists that day's articles.
        last = groups[-1]
        last.click()
        WebDriverWait(browser, WAIT_SECONDS).until(
            lambda d: last.get_attribute("data-date") in by_testid(browser, "day-status")[0].text
            and by_testid(browser, "article-list")[0].get_attribute("data-state") in ("ready", "empty"))
    else:
        assert chart.get_attribute("data-state") == "empty"
        assert by_testid(browser, "chart-empty")[0].is_displayed()
    assert console_errors(browser) == []


def test_top_entities_match_the_api(browser, page_origin, api):
    open_page(browser, page_origin, api)
    expected = get_json(api, "/entities", limit=10)["data"]
    shown = [e.text for e in by_testid(browser, "entity-name")]
    assert shown == [e["name"] for e in expected]
    assert console_errors(browser) == []
    if not expected:
        pytest.skip("the server extracted no entities from this corpus, so the list is rightly empty")
    assert shown, "the entity list is empty"


def test_quote_search_by_speaker(browser, page_origin, api):
    open_page(browser, page_origin, api)
    expected = get_json(api, "/quotes", speaker="Hajiyev", limit=50)["data"]
    search_speaker(browser, "Hajiyev")
    assert by_testid(browser, "quote-item", "data-quote-id") == [q["id"] for q in expected]
    assert console_errors(browser) == []
    if not expected:
        assert "No quotes" in by_testid(browser, "quote-status")[0].text
        pytest.skip("the server returns no quote for speaker=Hajiyev, so the page rightly shows none")
    hajiyev = [q for q in expected if q["speaker"] and q["speaker"]["name"] == "Hikmet Hajiyev"]
    assert hajiyev, f"the API's quotes for Hajiyev name no Hikmet Hajiyev: {expected}"
    item = browser.find_element(By.CSS_SELECTOR, f"[data-testid=quote-item][data-quote-id='{hajiyev[0]['id']}']")
    assert item.is_displayed()
    assert item.find_element(By.CSS_SELECTOR, "[data-testid=quote-speaker]").text == "Hikmet Hajiyev"
    shown = item.find_element(By.CSS_SELECTOR, "[data-testid=quote-text]").get_attribute("textContent")
    assert shown == hajiyev[0]["text"]
    assert "Ganja" in item.text


def open_article(browser, page_origin, api, day, article_id):
    """Opens `day`, checks its list against the API, clicks the article; returns it as the API gives it."""
    open_page(browser, page_origin, api, day=day)
    listed = get_json(api, f"/articles/{day}", limit=100)["data"]
    assert by_testid(browser, "article-button", "data-article-id") == [a["id"] for a in listed]
    article = get_json(api, f"/articles/{article_id}")["data"]
    button = browser.find_element(By.CSS_SELECTOR, f"[data-testid=article-button][data-article-id='{article_id}']")
    assert button.text == article["title"]
    button.click()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: by_testid(browser, "article-view")[0].get_attribute("data-state") == "ready"
        and by_testid(browser, "article-view")[0].get_attribute("data-article-id") == article_id)
    return article


def open_seed_article(browser, page_origin, api):
    """Opens the seed article; in a corpus without it, the first article of the latest day. Returns the
    article and whether it is the seed."""
    seed = seed_article(api)
    if seed is not None:
        return open_article(browser, page_origin, api, SEED_DAY, seed["id"]), True
    assert os.environ.get("NEWSDESK_DATA") or os.environ.get("NEWSDESK_API"), \
        f"corpus/sample must list its seed article ({SEED_FILE}) on {SEED_DAY}"
    day = get_json(api, "/stats")["data"]["dateRange"]["to"]
    if day is None:
        pytest.skip("the corpus in NEWSDESK_DATA has no articles")
    first = get_json(api, f"/articles/{day}", limit=1)["data"][0]
    return open_article(browser, page_origin, api, day, first["id"]), False


def check_highlights(browser, article):
    """Each quote and figure of the article is marked over exactly the text its span names."""
    text = article["text"]  # Python indexes str by code point, as the API's spans count
    marked = {"quote": article["quotes"], "figure": article["casualties"]}
    for kind, items in marked.items():
        shown = {}
        for ref, piece in browser.execute_script(
                "return Array.from(document.querySelectorAll(arguments[0]), e => [e.dataset.ref, e.textContent])",
                f"[data-testid=article-text] [data-testid=hl-{kind}]"):
            shown[ref] = shown.get(ref, "") + piece
        assert shown == {i["id"]: without_breaks(text[i["span"]["start"]:i["span"]["end"]]) for i in items}, kind
    assert len(by_testid(browser, "article-quote")) == len(article["quotes"])
    assert len(by_testid(browser, "article-figure")) == len(article["casualties"])


def without_breaks(text):
    """The text as the page shows it in paragraphs: runs of two or more line breaks are paragraph gaps."""
    return re.sub(r"\n{2,}", "", text)


def test_day_lists_the_seed_article_and_shows_its_text(browser, page_origin, api):
    article, _ = open_seed_article(browser, page_origin, api)
    assert by_testid(browser, "article-title")[0].text == article["title"]
    paragraphs = text_of(browser, "[data-testid=article-text] p")
    assert paragraphs == [p for p in re.split(r"\n{2,}", article["text"]) if p]
    # For the screenshot, the speaker search filled in too, as a reader would leave it.
    search_speaker(browser, "Hajiyev")
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(SCREENSHOT))
    assert console_errors(browser) == []


def test_seed_article_highlights_quotes_and_figures(browser, page_origin, api):
    article, is_seed = open_seed_article(browser, page_origin, api)
    check_highlights(browser, article)
    assert console_errors(browser) == []
    if not article["quotes"] and not article["casualties"]:
        pytest.skip(f"the server extracted no quotes or figures from {article['id']}, so nothing is highlighted")
    if is_seed and article["quotes"]:
        hajiyev = [q for q in article["quotes"] if q["speaker"] and q["speaker"]["name"] == "Hikmet Hajiyev"]
        assert hajiyev and hajiyev[0]["text"].startswith("Ganja city is more than 100 kilometres")


def test_fixture_article_with_astral_characters(browser, page_origin, astral_api):
    """Spans after emoji and mathematical digits: UTF-16 indexing would shift every highlight."""
    listed = get_json(astral_api, f"/articles/{ASTRAL_DAY}")["data"]
    assert len(listed) == 1, listed
    article = open_article(browser, page_origin, astral_api, ASTRAL_DAY, listed[0]["id"])
    paragraphs = text_of(browser, "[data-testid=article-text] p")
    assert paragraphs == [p for p in re.split(r"\n{2,}", article["text"]) if p]
    check_highlights(browser, article)
    assert console_errors(browser) == []
    spans = [i["span"] for i in article["quotes"] + article["casualties"]]
    if not spans:
        pytest.skip("the server extracted no quotes or figures from the fixture article, so nothing is highlighted")
    before = article["text"][:min(s["start"] for s in spans)]
    assert any(ord(c) > 0xFFFF for c in before), "the fixture must put astral characters before the first span"


def test_highlights_count_code_points_not_utf16(browser, page_origin, api):
    """The page's renderer on a hand-made article whose text has characters outside the BMP before each span."""
    open_page(browser, page_origin, api)
    text = "🇦🇿 Report 𝟏.\n\n“We stay,” 👩‍👩‍👧 said Ana. 𝟐 Killing 9 civilians."
    quote = text.index("“We stay,”")
    figure = text.index("9 civilians")
    notes = [
        {"kind": "quote", "ref": "q1", "start": quote, "end": quote + len("“We stay,”"), "title": "q"},
        {"kind": "figure", "ref": "c1", "start": figure, "end": figure + len("9 civilians"), "title": "c"},
    ]
    result = browser.execute_script("""
        const host = document.createElement('div');
        host.append(...window.NewsdeskDashboard.renderText(arguments[0], arguments[1]));
        return [Array.from(host.querySelectorAll('p'), p => p.textContent),
                Array.from(host.querySelectorAll('mark'), m => [m.dataset.ref, m.textContent])];
    """, text, notes)
    paragraphs, marks = result
    assert paragraphs == text.split("\n\n")
    assert marks == [["q1", "“We stay,”"], ["c1", "9 civilians"]]
    assert console_errors(browser) == []


# ---- events ------------------------------------------------------------------------------------


def open_events(browser, page_origin, api):
    open_page(browser, page_origin, api)
    settle(browser, "events-table", "events-map")


def toll_text(event, kind):
    """The table cell as the page should write it: "low–high (latest N)", or N when all reports agree."""
    toll = next((t for t in event["tolls"] if t["kind"] == kind), None)
    if toll is None:
        return "–"
    if toll["low"] == toll["high"]:
        return f"{toll['latest']:,}"
    return f"{toll['low']:,}–{toll['high']:,} (latest {toll['latest']:,})"


def test_events_table_matches_the_api(browser, page_origin, events_api):
    open_events(browser, page_origin, events_api)
    expected = get_json(events_api, "/events", limit=100, sort="-date", minSources=1)["data"]
    assert len(expected) == 4, "the fixture corpus reports four incidents"
    rows = by_testid(browser, "event-row")
    assert [r.get_attribute("data-event-id") for r in rows] == [e["id"] for e in expected]
    for row, event in zip(rows, expected):
        cell = lambda testid: row.find_element(By.CSS_SELECTOR, f"[data-testid={testid}]").text
        assert cell("event-place") == event["location"]["name"]
        assert cell("event-title") == event["title"]
        assert cell("event-killed") == toll_text(event, "killed")
        assert cell("event-injured") == toll_text(event, "injured")
        outlets = event["sources"]["outlets"]
        assert cell("event-sources").startswith(f"{event['sources']['articles']} article")
        assert f"{len(outlets)} outlet" in cell("event-sources")
    # Only the events that several articles report.
    Select(by_testid(browser, "events-min-sources")[0]).select_by_value("2")
    several = [e["id"] for e in get_json(events_api, "/events", limit=100, sort="-date", minSources=2)["data"]]
    assert len(several) == 2
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: by_testid(browser, "event-row", "data-event-id") == several)
    assert console_errors(browser) == []


def test_event_view_lists_every_report(browser, page_origin, events_api):
    open_events(browser, page_origin, events_api)
    events = get_json(events_api, "/events", limit=100, sort="sources")["data"]
    chosen = events[0]
    assert chosen["sources"]["articles"] >= 2
    browser.find_element(By.CSS_SELECTOR, f"[data-testid=event-row][data-event-id='{chosen['id']}']").click()
    view = by_testid(browser, "event-view")[0]
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: view.get_attribute("data-state") == "ready" and view.get_attribute("data-event-id") == chosen["id"])
    detail = get_json(events_api, f"/events/{chosen['id']}")["data"]
    reports = by_testid(browser, "event-report")
    assert [r.get_attribute("data-figure-id") for r in reports] == [f["id"] for f in detail["figures"]]
    outlets = set()
    for report, figure in zip(reports, detail["figures"]):
        source = report.find_element(By.CSS_SELECTOR, "[data-testid=report-source]").text
        assert source.startswith(f"{figure['outlet']} · {figure['date']}")
        outlets.add(figure["outlet"])
        shown = report.find_element(By.CSS_SELECTOR, "[data-testid=report-figure]").text
        assert shown.startswith(f"{figure['count']:,} {figure['kind']}")
        assert report.find_element(By.CSS_SELECTOR, "[data-testid=report-sentence]").text == figure["sentence"]
    assert len(outlets) >= 2, "the event's reports come from several outlets"
    assert console_errors(browser) == []


def test_map_draws_countries_and_every_placed_event(browser, page_origin, events_api):
    open_events(browser, page_origin, events_api)
    countries = browser.execute_script("return window.NEWSDESK_WORLD.countries.length")
    assert countries > 150
    assert len(by_testid(browser, "map-country")) == countries
    events = get_json(events_api, "/events", limit=100, sort="-date", minSources=1)["data"]
    placed = [e for e in events if e["location"] and (e["location"]["coordinates"] or e["location"]["countryCode"])]
    assert placed, "the fixture's events have places"
    assert all(e["location"]["coordinates"] for e in placed), "the fixture's places are in the gazetteer"
    dots = by_testid(browser, "map-event")
    assert [d.get_attribute("data-event-id") for d in dots] == [e["id"] for e in placed]
    for dot, event in zip(dots, placed):
        approximate = event["location"]["coordinates"] is None
        assert dot.get_attribute("data-approximate") == ("true" if approximate else "false")
        if not approximate:  # at its coordinates, in the equirectangular projection
            assert abs(float(dot.get_attribute("cx")) - (event["location"]["coordinates"]["lon"] + 180)) < 0.01
            assert abs(float(dot.get_attribute("cy")) - (90 - event["location"]["coordinates"]["lat"])) < 0.01
    # Choosing a dot opens its event.
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", dots[0])
    view = by_testid(browser, "event-view")[0]
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: view.get_attribute("data-event-id") == placed[0]["id"])
    assert "Natural Earth" in by_testid(browser, "map-note")[0].text
    browser.execute_script("document.getElementById('events').scrollIntoView()")
    by_testid(browser, "events-map")[0]  # the panel, with the table, map and the event's reports
    browser.find_element(By.ID, "events").screenshot(str(EVENTS_SCREENSHOT))
    assert console_errors(browser) == []
