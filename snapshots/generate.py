#!/usr/bin/env python3
"""Generates the bundled example project's data (format v1, see docs/format.md).

    python3 snapshots/generate.py            # rewrites the generated files in place
    python3 snapshots/generate.py --out DIR  # writes DIR/snapshots/... and DIR/content/... instead

Python 3 standard library only, a fixed seed and fixed 2026 daylight-saving rules (no tzdata), so running it again
reproduces every file byte for byte. It writes, for two tenants and two dated snapshots each:

  snapshots/acme-outdoor/<date>/   crawl/manifest.ndjson + crawl/bodies/ (40 pages incl. a 301 and a 404),
                                   touchpoints.csv, conversions.csv (EUR and GBP), identities.csv, rates.csv,
                                   reviews.ndjson, subscribers.csv
  snapshots/bistro-verde/<date>/   crawl/site/ (40 HTML files mapped onto the base URL), reviews.ndjson
  content/<tenant>/pages/*.md      markdown pages (GFM tables, footnotes; one with TOML front matter)
  content/acme-outdoor/newsletter/ two issues (subject, preheader, date, segment)

The tenant.yml files and herald.yml are written by hand and are not touched. The data carries deliberate problems
for the reports to find: SEO problems in the crawls (missing and over-long titles, duplicate descriptions, images
without alt, a broken internal link, a link to a 404, a noindex page, a relative canonical), untrusted text with
<script> and quotes in reviews and subscriber names, exact duplicate touchpoint rows, late-arriving rows, and mixed
UTC offsets.
"""
import json
import os
import random
import shutil
from datetime import datetime, timedelta, timezone

import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) == 3 and sys.argv[1] == "--out":
    ROOT = os.path.abspath(sys.argv[2])
elif len(sys.argv) != 1:
    sys.exit("usage: generate.py [--out DIR]")
SNAPSHOTS = os.path.join(ROOT, "snapshots")
CONTENT = os.path.join(ROOT, "content")
DATES = ["2026-11-01", "2026-12-01"]
UTC = timezone.utc


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def reset(path):
    if os.path.isdir(path):
        shutil.rmtree(path)


# --- time zones with fixed 2026 rules -------------------------------------------------------------------------------

EU_DST = (datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC))
US_DST = (datetime(2026, 3, 8, 7, tzinfo=UTC), datetime(2026, 11, 1, 6, tzinfo=UTC))


def offset_minutes(zone, instant):
    if zone == "London":
        return 60 if EU_DST[0] <= instant < EU_DST[1] else 0
    if zone in ("Berlin", "Vienna"):
        return 120 if EU_DST[0] <= instant < EU_DST[1] else 60
    if zone == "NewYork":
        return -240 if US_DST[0] <= instant < US_DST[1] else -300
    if zone == "India":
        return 330
    return 0


def stamp(instant, zone, millis=False, z=False):
    """RFC 3339 in the zone's offset at that instant."""
    if z:
        text = instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        if millis:
            text += ".%03d" % (instant.microsecond // 1000)
        return text + "Z"
    minutes = offset_minutes(zone, instant)
    local = instant.astimezone(timezone(timedelta(minutes=minutes)))
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if millis:
        text += ".%03d" % (instant.microsecond // 1000)
    sign = "+" if minutes >= 0 else "-"
    return text + "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)


def csv_field(value):
    value = "" if value is None else str(value)
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv(header, rows):
    lines = [",".join(header)]
    lines += [",".join(csv_field(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


# --- HTML for the crawls --------------------------------------------------------------------------------------------

def page_html(lang, title, description, canonical, h1, paragraphs, links, images, robots=None, nav=()):
    head = ['<!DOCTYPE html>', '<html lang="%s">' % lang if lang else "<html>", "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if title is not None:
        head.append("<title>%s</title>" % title)
    if description is not None:
        head.append('<meta name="description" content="%s">' % description)
    if robots:
        head.append('<meta name="robots" content="%s">' % robots)
    if canonical:
        head.append('<link rel="canonical" href="%s">' % canonical)
    head.append('<link rel="stylesheet" href="/assets/site.css">')
    head.append("</head>")
    body = ["<body>", "<header><nav>" + " ".join('<a href="%s">%s</a>' % n for n in nav) + "</nav></header>", "<main>"]
    if h1:
        body.append("<h1>%s</h1>" % h1)
    body += ["<p>%s</p>" % p for p in paragraphs]
    for src, alt in images:
        body.append('<img src="%s" width="640" height="400">' % src if alt is None else '<img src="%s" alt="%s" width="640" height="400">' % (src, alt))
    if links:
        body.append("<ul>" + "".join('<li><a href="%s">%s</a></li>' % l for l in links) + "</ul>")
    body += ["</main>", "<footer><p>&copy; 2026</p></footer>", "</body>", "</html>", ""]
    return "\n".join(head + body)


ACME_BASE = "https://www.acme-outdoor.example/"
ACME_NAV = (("/", "Home"), ("/products/", "Products"), ("/guides/", "Guides"), ("/stores/", "Stores"), ("/about/", "About"))
ACME_PRODUCTS = [
    "alpine-4-season-tent", "ridge-2-person-tent", "summit-backpack-45l", "daypack-22l", "trail-runner-boots",
    "granite-hiking-boots", "merino-base-layer", "storm-shell-jacket", "down-sleeping-bag", "camp-stove-mini",
    "titanium-mug", "trekking-poles-carbon", "headlamp-400", "water-filter-pro", "insulated-bottle",
    "fleece-midlayer", "rain-trousers", "gaiters", "camp-chair", "first-aid-kit", "map-case", "compass-classic",
    "bivvy-bag", "sleeping-mat",
]
ACME_GUIDES = ["hiking-basics", "winter-camping-checklist", "layering-explained", "choosing-a-tent", "boot-fitting",
               "leave-no-trace", "packing-light", "navigation-101"]


def words(slug):
    return " ".join(w.capitalize() for w in slug.split("-"))


def acme_crawl(rng, date, newest):
    """(path, status, headers, html or None) for the Acme crawl; the newest snapshot has more problems."""
    pages = []
    generic = "Quality outdoor gear from Acme Outdoor."
    products = ACME_PRODUCTS if newest else ACME_PRODUCTS[:-2]
    for i, slug in enumerate(products):
        path = "products/%s/" % slug
        title = "%s | Acme Outdoor" % words(slug)
        description = "Buy the %s: tested on British hills, with free returns for 60 days." % words(slug).lower()
        images = [("/img/%s.jpg" % slug, words(slug))]
        if slug == "alpine-4-season-tent":
            title = "Alpine 4-Season Expedition Tent with Snow Skirts and Double Doors | Acme Outdoor"
        if slug == "trail-runner-boots" and newest:
            title = None
        if slug in ("titanium-mug", "insulated-bottle", "gaiters"):
            description = generic
        if slug == "summit-backpack-45l":
            images = [("/img/%s.jpg" % slug, None), ("/img/%s-back.jpg" % slug, None)]
        if slug == "camp-chair":
            images.append(("/img/divider.svg", ""))
        links = [("/products/%s/" % products[(i + 1) % len(products)], "Next product"), ("/guides/choosing-a-tent/", "Guide")]
        pages.append((path, title, description, words(slug), images, links, None, ACME_BASE + path))
    for slug in ACME_GUIDES:
        path = "guides/%s/" % slug
        title = "%s – Acme Outdoor Guides" % words(slug)
        if slug == "winter-camping-checklist":
            title = "The Complete Winter Camping Checklist: Everything You Need for Cold Nights Outdoors"
        links = [("/products/", "All products"), ("/guides/", "All guides")]
        if slug == "hiking-basics" and newest:
            links.append(("/products/discontinued-stove/", "Our old stove"))
        if slug == "packing-light" and newest:
            links.append(("/sale/black-friday/", "Black Friday"))
        pages.append((path, title, "Acme's guide: %s, step by step." % words(slug).lower(), words(slug),
                      [("/img/guide-%s.jpg" % slug, words(slug))], links, None, ACME_BASE + path))
    pages.append(("", "Acme Outdoor – Gear for Wild Places", "Tents, packs and boots for wild places, from Acme Outdoor.",
                  "Gear for wild places", [("/img/hero.jpg", "Hikers on a ridge at dawn")],
                  [("/products/", "Shop"), ("/guides/", "Read the guides")], None, ACME_BASE))
    pages.append(("products/", "All Products | Acme Outdoor", "Every tent, pack and boot Acme Outdoor sells.", "Products", [],
                  [("/products/%s/" % s, words(s)) for s in products], None, ACME_BASE + "products/"))
    pages.append(("guides/", "Guides | Acme Outdoor", "Practical outdoor guides from the Acme Outdoor team.", "Guides", [],
                  [("/guides/%s/" % s, words(s)) for s in ACME_GUIDES], None, ACME_BASE + "guides/"))
    pages.append(("stores/", "Our Stores | Acme Outdoor", "Visit Acme Outdoor in Keswick, Fort William and Betws-y-Coed.",
                  "Stores", [("/img/store-keswick.jpg", "The Keswick store")], [("/about/", "About us")], None, "/stores/"))
    pages.append(("about/", "About Acme Outdoor", "Since 1987 Acme Outdoor has equipped walkers and climbers.", "About us",
                  [], [("/stores/", "Stores")], None, ACME_BASE + "about/"))
    pages.append(("contact/", "Contact Us | Acme Outdoor", "Phone, e-mail and store addresses for Acme Outdoor.", "Contact",
                  [], [("/stores/", "Stores")], None, ACME_BASE + "contact/"))
    pages.append(("delivery/", "Delivery & Returns | Acme Outdoor", "Free UK delivery over £50; 60-day returns.", "Delivery",
                  [], [("/contact/", "Contact")], None, ACME_BASE + "delivery/"))
    pages.append(("checkout/", "Checkout | Acme Outdoor", "Your basket.", "Checkout", [], [], "noindex, nofollow",
                  ACME_BASE + "checkout/"))
    out = []
    for path, title, description, h1, images, links, robots, canonical in pages:
        html = page_html("en-GB", title, description, canonical, h1,
                         ["%s. Designed in the Lake District and built to last." % h1,
                          "Questions? Our staff walk the fells every weekend and are happy to help."],
                         links, images, robots, ACME_NAV)
        out.append((ACME_BASE + path, 200, [("content-type", "text/html; charset=utf-8")], html))
    out.append((ACME_BASE + "shop/", 301, [("location", ACME_BASE + "products/")], None))
    if newest:
        out.append((ACME_BASE + "sale/black-friday/", 404, [("content-type", "text/html; charset=utf-8")],
                    page_html("en-GB", "Page not found | Acme Outdoor", None, None, "Not found", ["Sorry."], [], [], "noindex", ACME_NAV)))
    return out


BISTRO_BASE = "https://bistro-verde.example/"
BISTRO_NAV = (("/", "Start"), ("/speisekarte/", "Speisekarte"), ("/events/", "Events"), ("/kontakt/", "Kontakt"))
BISTRO_DISHES = [
    "wiener-schnitzel", "kaesespaetzle", "tafelspitz", "gemuese-strudel", "kuerbiscremesuppe", "gruener-salat",
    "risotto-verde", "spinatknoedel", "forelle-muellerin", "kaiserschmarrn", "apfelstrudel", "sachertorte",
    "marillenknoedel", "linsen-curry", "ofengemuese", "baerlauch-gnocchi", "zwiebelrostbraten", "backhendl",
    "erdaepfelsalat", "topfenpalatschinken", "holunderblueten-sorbet", "rote-rueben-carpaccio", "schwammerlsauce",
    "brettljause", "grammelknoedel", "fritattensuppe",
]


def dish_name(slug):
    """Display name with umlauts (the slugs are ASCII)."""
    name = words(slug)
    for a, b in (("Kaese", "Käse"), ("spaetzle", "spätzle"), ("Gemuese", "Gemüse"), ("gemuese", "gemüse"),
                 ("Kuerbis", "Kürbis"), ("Gruener", "Grüner"), ("Muellerin", "Müllerin"), ("knoedel", "knödel"),
                 ("Baerlauch", "Bärlauch"), ("Erdaepfel", "Erdäpfel"), ("blueten", "blüten"), ("Rueben", "Rüben")):
        name = name.replace(a, b)
    return name
BISTRO_EVENTS = ["weinabend", "kochkurs", "brunch", "live-jazz", "ganslessen", "heuriger-abend", "silvester", "sommerfest"]


def bistro_crawl(rng, newest):
    """(relative file, html) for the Bistro crawl/site folder."""
    files = []
    dishes = BISTRO_DISHES if newest else BISTRO_DISHES[:-3]
    for i, slug in enumerate(dishes):
        name = dish_name(slug)
        title = "%s – Bistro Verde Wien" % name
        description = "%s aus regionalen Zutaten, frisch gekocht im Bistro Verde." % name
        images = [("/bilder/%s.jpg" % slug, name)]
        if slug == "kaiserschmarrn":
            title = "Kaiserschmarrn mit Zwetschkenröster nach dem Rezept unserer Großmutter – Bistro Verde Wien"
        if slug == "tafelspitz":
            title = "Tafelspitz mit Apfelkren, Schnittlauchsauce und Rösterdäpfeln | Bistro Verde, Wien Neubau"
        if slug == "gruener-salat" and newest:
            title = ""
        if slug in ("apfelstrudel", "sachertorte", "marillenknoedel"):
            description = "Hausgemachte Desserts im Bistro Verde."
        if slug in ("backhendl", "brettljause"):
            images = [("/bilder/%s.jpg" % slug, None)]
        links = [("/gerichte/%s.html" % dishes[(i + 1) % len(dishes)], "Nächstes Gericht"), ("/speisekarte/", "Speisekarte")]
        files.append(("gerichte/%s.html" % slug, title, description, name, images, links, None,
                      BISTRO_BASE + "gerichte/%s.html" % slug, "de-AT"))
    for slug in BISTRO_EVENTS:
        links = [("/events/", "Alle Events")]
        if slug == "weinabend" and newest:
            links.append(("/reservierung/", "Tisch reservieren"))
        files.append(("events/%s.html" % slug, "%s – Bistro Verde" % words(slug), "%s im Bistro Verde." % words(slug),
                      words(slug), [], links, None, BISTRO_BASE + "events/%s.html" % slug, "de-AT"))
    files.append(("index.html", "Bistro Verde – Saisonale Küche in Wien", "Saisonale, regionale Küche & Wein in Wien-Neubau.",
                  "Willkommen im Bistro Verde", [("/bilder/gastraum.jpg", "Der Gastraum mit grünen Wänden")],
                  [("/speisekarte/", "Speisekarte"), ("/events/", "Events")], None, BISTRO_BASE, "de-AT"))
    files.append(("speisekarte/index.html", "Speisekarte – Bistro Verde", "Unsere Speisekarte: Vorspeisen, Hauptgerichte, Desserts.",
                  "Speisekarte", [], [("/gerichte/%s.html" % s, words(s)) for s in dishes], None, BISTRO_BASE + "speisekarte/", "de-AT"))
    files.append(("events/index.html", "Events – Bistro Verde", "Weinabende, Kochkurse und Brunch im Bistro Verde.", "Events",
                  [], [("/events/%s.html" % s, words(s)) for s in BISTRO_EVENTS], None, BISTRO_BASE + "events/", "de-AT"))
    files.append(("kontakt/index.html", "Kontakt & Anfahrt – Bistro Verde", "So finden Sie uns: Zollergasse 7, 1070 Wien.",
                  "Kontakt", [("/bilder/karte.png", "Karte: Zollergasse 7")], [("/impressum.html", "Impressum")], None,
                  "/kontakt/", "de-AT"))
    files.append(("impressum.html", "Impressum – Bistro Verde", "Impressum der Bistro Verde GmbH.", "Impressum", [], [], None,
                  BISTRO_BASE + "impressum.html", None))
    files.append(("intern/index.html", "Intern – Dienstplan", "Dienstplan (intern).", "Dienstplan", [], [], "noindex",
                  BISTRO_BASE + "intern/", "de-AT"))
    out = []
    for rel, title, description, h1, images, links, robots, canonical, lang in files:
        html = page_html(lang, title, description, canonical, h1,
                         ["%s – saisonal, regional und mit Liebe gekocht." % h1, "Reservierungen: +43 1 555 0123."],
                         links, images, robots, BISTRO_NAV)
        out.append((rel, html))
    return out


# --- attribution data -----------------------------------------------------------------------------------------------

CHANNELS = [("Direct", "(direct)", "(none)", None, 0.0), ("Organic Search", "google", "organic", None, 0.0),
            ("Paid Search", "google", "cpc", "autumn_tents", 0.85), ("Paid Social", "facebook", "paid_social", "Spring_Sale", 0.55),
            ("Email", "newsletter", "email", "autumn-gear", 0.0), ("Referral", "ukhillwalking.example", "referral", None, 0.0),
            ("Display", "gdn", "display", 'Winter "Warm" Week', 0.12)]
ZONES = ["London", "London", "London", "Berlin", "NewYork", "India"]


def acme_events(rng):
    start = datetime(2026, 9, 1, tzinfo=UTC)
    end = datetime(2026, 12, 1, tzinfo=UTC)
    touches, conversions, identities = [], [], []
    order_no = 4100
    for person in range(140):
        user = "usr_%04d" % person
        zone = ZONES[person % len(ZONES)]
        devices = [uuid(rng) for _ in range(1 + (person % 7 == 0))]
        first = start + timedelta(seconds=rng.randrange(int((end - start).total_seconds()) - 86400 * 5))
        t = first
        n = 1 + int(rng.random() * 5)
        buys = rng.random() < 0.35
        logged_in = False
        for k in range(n):
            channel = CHANNELS[0] if rng.random() < 0.3 else CHANNELS[1 + int(rng.random() * (len(CHANNELS) - 1))]
            name, source, medium, campaign, cpc = channel
            device = devices[k % len(devices)]
            millis = rng.random() < 0.45
            t = t + timedelta(seconds=int(rng.random() * 86400 * 4) + 60, milliseconds=int(rng.random() * 1000) if millis else 0)
            if t >= end:
                break
            server_side = name == "Email" and rng.random() < 0.4
            cost = "%.2f" % (cpc * (0.5 + rng.random())) if cpc else ""
            touches.append([uuid(rng), "" if server_side else device, user if (server_side or logged_in) else "",
                            stamp(t, zone, millis=millis, z=server_side), name, source, medium, campaign or "", cost, t])
            if rng.random() < 0.3 and not server_side:
                logged_in = True
                identities.append([uuid(rng), "identify", device, user, stamp(t + timedelta(seconds=90), zone, millis=True), t + timedelta(seconds=90)])
        if buys and t < end - timedelta(hours=3):
            for b in range(1 + (rng.random() < 0.15)):
                when = t + timedelta(minutes=5 + int(rng.random() * 600) + b * 1440)
                if when >= end:
                    break
                identities.append([uuid(rng), "identify", devices[0], user, stamp(when - timedelta(minutes=3), zone, millis=True),
                                   when - timedelta(minutes=3)])
                currency = "GBP" if zone == "London" and rng.random() < 0.7 else "EUR"
                order_no += 1 + int(rng.random() * 3)
                value = "%.2f" % (15 + rng.random() * 320)
                conversions.append(["ORD-%06d" % order_no, user, stamp(when, "London"), value, currency, when])
    return touches, conversions, identities


def arrival_order(rng, rows):
    """Rows sorted by time, with about 4 % arriving up to two days late (file order is not time order)."""
    keyed = []
    for row in rows:
        delay = timedelta(hours=rng.random() * 48) if rng.random() < 0.04 else timedelta(0)
        keyed.append((row[-1] + delay, len(keyed), row))
    keyed.sort(key=lambda x: (x[0], x[1]))
    return [row for _, _, row in keyed]


# --- reviews and subscribers ----------------------------------------------------------------------------------------

PRAISE = ["Brilliant service and the %s has been everywhere with me.", "Fast delivery, great quality. Would buy again!",
          "Staff really know their stuff – they sorted my %s in ten minutes.", "Lovely shop, fair prices & friendly people.",
          "Exactly as described. 10/10."]
MIXED = ["Decent %s, but delivery took a week.", "Good product; the website's checkout is confusing.",
         "OK overall. Sizing runs small, order one up."]
COMPLAINT = ["The %s leaked on the first night. Very disappointed.", "Rude staff and a 3-week wait for a refund.",
             "Package arrived damaged and nobody answers the phone.", "Worst purchase this year – the zip broke after 2 days."]
HOSTILE = ['Great tent <script>alert("xss")</script> would recommend', 'They said it was "waterproof". It wasn\'t.',
           "5 stars if you like <b>bold</b> claims & 'quotes'", '<img src=x onerror=alert(1)> broken images everywhere']
AUTHORS = ["Sam W.", "Priya K.", "Tom O'Neill", "Jo Bloggs", "Marta", "Li Wei", "Hannah S.", "Chris P.", "Aisha B.",
           "Greg", "Zoë R.", "Dan \"the hiker\" M."]
RESPONSES = ["Thank you for your kind words, %s!", "Thanks %s – we're glad you're happy.",
             "Sorry to hear this, %s. Please email care@ so we can put it right.", "Hi %s, thanks for the feedback."]


def reviews(rng, sources, items, start, end, zone, count):
    out = []
    span = int((end - start).total_seconds())
    for i in range(count):
        created = start + timedelta(seconds=rng.randrange(span))
        r = rng.random()
        rating = 5 if r < 0.45 else 4 if r < 0.68 else 3 if r < 0.8 else 2 if r < 0.9 else 1
        item = items[int(rng.random() * len(items))].replace("-", " ")
        pool = PRAISE if rating >= 4 else MIXED if rating == 3 else COMPLAINT
        text = pool[int(rng.random() * len(pool))]
        text = text % item if "%s" in text else text
        if i % 23 == 5:
            text = HOSTILE[(i // 23) % len(HOSTILE)]
        author = AUTHORS[int(rng.random() * len(AUTHORS))]
        review = {"id": "rev-%04d" % (i + 1), "source": sources[int(rng.random() * len(sources))], "author": author,
                  "rating": rating}
        if rng.random() < 0.5:
            review["title"] = ["Great", "Fine", "Meh", "Never again", 'Not "as advertised"'][5 - rating]
        review["text"] = text
        review["created_at"] = stamp(created, zone)
        answered = rng.random() < (0.8 if rating >= 3 else 0.55)
        if answered:
            responded = created + timedelta(hours=2 + rng.random() * 96)
            if responded < end:
                review["response"] = {"text": RESPONSES[int(rng.random() * len(RESPONSES))] % author.split(" ")[0],
                                      "responded_at": stamp(responded, zone)}
        out.append((created, review))
    out.sort(key=lambda x: (x[0], x[1]["id"]))
    return out


def subscribers(rng):
    first = ["Alex", "Bea", "Cal", "Dee", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jas", "Kit", "Lou", "Mo", "Nia"]
    last = ["Smith", "Jones", "Okafor", "Müller", "García", "Nguyen", "O'Brien", "Kowalski", "Patel", "Lindqvist"]
    tags = ["outdoor", "trail", "vip", "camping", "climbing"]
    rows = []
    for i in range(1, 53):
        f, l = first[int(rng.random() * len(first))], last[int(rng.random() * len(last))]
        if i == 7:
            f, l = '<b>"quote\'', "Tester"
        picked = sorted({tags[int(rng.random() * len(tags))] for _ in range(1 + int(rng.random() * 2))})
        email = "%s.%s%d@mail.example" % (f.lower(), l.lower().replace("'", "").replace("ü", "ue").replace("í", "i"), i)
        if i == 7:
            email = "quote.tester7@mail.example"
        email = email.replace("ü", "ue").replace("í", "i")
        status = "unsubscribed" if i % 11 == 0 else "subscribed"
        rows.append(["sub-%03d" % i, email, f, l, "|".join(picked), status,
                     ["Keswick", "Leeds", "Glasgow", "Cardiff", "Bristol"][i % 5], ["web", "store", "event"][i % 3]])
    return rows


# --- content --------------------------------------------------------------------------------------------------------

ACME_PAGES = {
    "pages/about.md": """---
title: About Acme Outdoor
description: Since 1987 we have equipped walkers, climbers and campers from three shops in the hills.
---
# About us

Acme Outdoor started in a garage in Keswick in 1987.[^garage] Today we run three shops:

| Shop | Opened | Staff |
|:-----|-------:|------:|
| Keswick | 1987 | 12 |
| Fort William | 2004 | 8 |
| Betws-y-Coed | 2019 | 5 |

Every product we sell has been tested ~~in the lab~~ on the fells by our own team.

[^garage]: The garage is now our repair workshop.
""",
    "pages/size-guide.md": """---
title: Size guide
description: Boot and jacket sizes compared across UK, EU and US.
---
# Size guide

| UK | EU | US (men) | Foot length (cm) |
|---:|---:|---------:|-----------------:|
| 7 | 41 | 8 | 25.4 |
| 8 | 42 | 9 | 26.2 |
| 9 | 43 | 10 | 27.1 |
| 10 | 44.5 | 11 | 27.9 |

Between sizes? Go one up for walking boots.[^socks]

[^socks]: Measured with a medium-weight walking sock.
""",
    "pages/returns.md": """+++
title = "Returns & repairs"
description = "60-day returns, free repairs for life on our own-brand gear."
date = 2026-10-12

[extra]
owner = "Customer care"
+++
# Returns & repairs

- [x] 60 days to return unused items
- [x] Free repairs for life on Acme-brand tents and packs
- [ ] Returns of worn boots (sorry!)

Questions: write to care@acme-outdoor.example or visit https://www.acme-outdoor.example/stores/.
""",
    "pages/stores.md": """---
title: "Find a store"
description: "Keswick, Fort William and Betws-y-Coed: opening hours and directions."
---
# Find a store

| Store | Hours | Phone |
|-------|-------|-------|
| Keswick | Mon–Sun 9–18 | 017687 00000 |
| Fort William | Mon–Sat 9–17:30 | 01397 000000 |
| Betws-y-Coed | Thu–Mon 10–17 | 01690 000000 |
""",
    "newsletter/2026-11-05-autumn-gear.md": """---
subject: "Autumn gear: 5 things for shorter days"
preheader: Head torches, warm layers and a stove that boils in 3 minutes.
date: 2026-11-05
segment: outdoor
---
# Autumn gear for shorter days

Hi {{ subscriber.first_name | default: "there" }},

The clocks have gone back. Here is what our staff carry now:

1. **Headlamp 400** – 400 lumens, USB-C.
2. **Merino base layer** – warm when wet.
3. **Camp stove mini** – boils 500 ml in 3 minutes.

| Item | Price |
|------|------:|
| Headlamp 400 | £39 |
| Merino base layer | £55 |

[Shop autumn gear](https://www.acme-outdoor.example/products/)
""",
    "newsletter/2026-11-20-black-friday.md": """---
subject: "Black Friday: 20 % off tents & packs"
preheader: Four days only, in store and online.
date: 2026-11-20
segment: vip
---
# Black Friday at Acme Outdoor

From Friday to Monday, **20 % off** every tent and pack.[^1]

[See the offers](https://www.acme-outdoor.example/products/)

[^1]: Not combinable with other offers. While stocks last.
""",
}

BISTRO_PAGES = {
    "pages/ueber-uns.md": """---
title: Über uns
description: Bistro Verde kocht seit 2015 saisonal und regional in Wien-Neubau.
---
# Über uns

Wir kochen mit dem, was die Bauern aus dem Umland gerade ernten.[^bauern]

| Lieferant | Ort | Seit |
|-----------|-----|-----:|
| Biohof Maier | Tullnerfeld | 2015 |
| Weingut Steiner | Wachau | 2017 |

[^bauern]: Die aktuelle Liste hängt im Gastraum.
""",
    "pages/speisekarte.md": """---
title: Speisekarte
description: "Vorspeisen, Hauptgerichte & Desserts – saisonal wechselnd."
---
# Speisekarte

| Gericht | Preis |
|---------|------:|
| Kürbiscremesuppe | € 6,50 |
| Wiener Schnitzel mit Erdäpfelsalat | € 19,80 |
| Käsespätzle | € 14,90 |
| Kaiserschmarrn | € 9,50 |

~~Montags Ruhetag~~ Jetzt auch montags geöffnet!
""",
    "pages/anfahrt.md": """+++
title = "Anfahrt"
description = 'Zollergasse 7, 1070 Wien – U3 Neubaugasse.'
+++
# Anfahrt

- U3 bis **Neubaugasse**, dann 3 Minuten zu Fuß
- Fahrradständer vor dem Haus

Karte: https://www.openstreetmap.org/
""",
}


# --- main -----------------------------------------------------------------------------------------------------------

def main():
    rng = random.Random(20261201)

    # Acme Outdoor (pro): manifest crawl, attribution data, reviews, subscribers.
    touches, conversions, identities = acme_events(rng)
    acme_reviews = reviews(rng, ["google", "trustpilot"], ACME_PRODUCTS, datetime(2026, 5, 1, tzinfo=UTC),
                           datetime(2026, 12, 1, tzinfo=UTC), "London", 160)
    subs = subscribers(rng)
    for date in DATES:
        folder = os.path.join(SNAPSHOTS, "acme-outdoor", date)
        reset(folder)
        cut = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC)
        newest = date == DATES[-1]
        crawl_rng = random.Random(date)
        manifest = []
        fetched = cut - timedelta(hours=5)
        for k, (url, status, headers, html) in enumerate(acme_crawl(crawl_rng, date, newest)):
            entry = {"url": url, "status": status, "headers": dict(headers),
                     "fetched_at": stamp(fetched + timedelta(seconds=k * 3), "London")}
            if html is not None:
                body = "bodies/%03d.html" % k
                write(os.path.join(folder, "crawl", body), html)
                entry["body"] = body
            manifest.append(entry)
        manifest.sort(key=lambda e: e["url"])
        write(os.path.join(folder, "crawl", "manifest.ndjson"),
              "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in manifest))

        rows = arrival_order(random.Random("touch" + date), [t for t in touches if t[-1] < cut])
        if newest:  # two webhook re-sends: exact duplicates, removed by the loader with an info note
            rows.insert(40, list(rows[10]))
            rows.insert(90, list(rows[70]))
        write(os.path.join(folder, "touchpoints.csv"),
              csv(["touchpoint_id", "anonymous_id", "user_id", "timestamp", "channel", "source", "medium", "campaign", "cost"],
                  [r[:-1] for r in rows]))
        write(os.path.join(folder, "conversions.csv"),
              csv(["conversion_id", "user_id", "timestamp", "value", "currency"],
                  [r[:-1] for r in arrival_order(random.Random("conv" + date), [c for c in conversions if c[-1] < cut])]))
        write(os.path.join(folder, "identities.csv"),
              csv(["event_id", "event", "anonymous_id", "user_id", "timestamp"],
                  [r[:-1] for r in arrival_order(random.Random("id" + date), [i for i in identities if i[-1] < cut])]))
        write(os.path.join(folder, "rates.csv"), csv(["currency", "rate"], [["GBP", "1.1530" if newest else "1.1470"]]))
        write(os.path.join(folder, "reviews.ndjson"),
              "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for created, r in acme_reviews if created < cut))
        write(os.path.join(folder, "subscribers.csv"),
              csv(["id", "email", "first_name", "last_name", "tags", "status", "city", "signup_source"],
                  subs if newest else subs[:45]))

    # Bistro Verde (starter): crawl/site folder and reviews.
    bistro_reviews = reviews(rng, ["google", "tripadvisor"], BISTRO_DISHES, datetime(2026, 5, 1, tzinfo=UTC),
                             datetime(2026, 12, 1, tzinfo=UTC), "Vienna", 150)
    for date in DATES:
        folder = os.path.join(SNAPSHOTS, "bistro-verde", date)
        reset(folder)
        cut = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC)
        for rel, html in bistro_crawl(random.Random(date), date == DATES[-1]):
            write(os.path.join(folder, "crawl", "site", rel), html)
        write(os.path.join(folder, "reviews.ndjson"),
              "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for created, r in bistro_reviews if created < cut))

    for tenant, pages in (("acme-outdoor", ACME_PAGES), ("bistro-verde", BISTRO_PAGES)):
        reset(os.path.join(CONTENT, tenant))
        for rel, text in pages.items():
            write(os.path.join(CONTENT, tenant, rel), text)


if __name__ == "__main__":
    main()
