#!/usr/bin/env python3
"""bench/corpus.py - a deterministic corpus of realistic sources for `make bench`.

    python3 bench/corpus.py DIR N

writes, for N sources (the same prose in three forms):

  DIR/annalist/   an input folder: briefing.md, actors/<id>.md (a pool of
                  300 actors: states, organisations that belong to them,
                  people, media and groups that belong to the organisations),
                  sources/s<NNNNN>.md
  DIR/hugo/       a Hugo site with minimal layouts whose content/ holds the
                  same sources (front matter with a `date` Hugo understands)
  DIR/markdown/   the sources' bodies alone, for the floor (cmark) and pandoc

Each source is about 4 KB of prose in 8 to 12 paragraphs with 5 to 20
annotations of all four kinds: actor mentions (by name or alias, and some
names left unannotated), typed and untyped actions (some with a title that
says who acts on whom), times of every precision (relative phrases resolved
against `published`, explicit days, months, years, seasons, ISO weeks,
intervals, qualified and unspecified values, date-times), topics, and event
keys shared across sources so that events merge.  Published dates run over
ten years.  The same N and the same seed give the same bytes.
"""
import os
import random
import sys

SEED = 20231228
TYPES = ("agree consult support concede cooperate aid retreat request "
         "accuse reject threaten protest sanction mobilize coerce assault").split()
VERBS = {
    "agree": "agreed with", "consult": "met", "support": "backed",
    "concede": "gave ground to", "cooperate": "worked with", "aid": "sent aid to",
    "retreat": "pulled back from", "request": "asked", "accuse": "accused",
    "reject": "rejected", "threaten": "warned", "protest": "protested against",
    "sanction": "sanctioned", "mobilize": "mobilized against",
    "coerce": "pressed", "assault": "struck",
}
WORDS = ("the government said in a statement that talks would continue while "
         "officials close to the negotiations described the mood as tense and "
         "analysts noted that the decision marks a shift in policy after months "
         "of pressure from allies and critics at home who argue that the plan "
         "lacks detail on funding oversight and timing for the next phase of "
         "the programme which has drawn attention from regional partners and "
         "markets alike as trade volumes fell and prices rose sharply across "
         "the sector according to figures released by the ministry").split()
HUGO_RESERVED = ("url",)
RELATIVE = ["on Friday", "on Monday", "Wednesday", "yesterday", "two days ago",
            "last week", "earlier this month", "last month", "this week",
            "late last year", "earlier this year", "three weeks ago",
            "on Tuesday", "last year", "in the first quarter"]
SEASONS = ["21", "22", "23", "24"]


def actors_pool(rng):
    """300 actors: (id, name, kind, parent, aliases, role)."""
    out = []
    for i in range(30):
        out.append((f"state-{i:02d}", f"Republic of Examplia {i}", "state", None,
                    [f"Examplia {i}", f"Capital City {i}"], None))
    for i in range(70):
        parent = f"state-{i % 30:02d}"
        kind = "media" if i % 9 == 4 else "organization"
        out.append((f"org-{i:02d}", f"Ministry of Affairs {i}", kind, parent,
                    [f"the ministry {i}"], None))
    for i in range(200):
        parent = f"org-{i % 70:02d}"
        kind = "group" if i % 23 == 7 else "person"
        first = ["Anna", "Boris", "Chen", "Dana", "Emil", "Farah", "Goro",
                 "Hana", "Ivan", "Jia"][i % 10]
        out.append((f"person-{i:03d}", f"{first} Example{i}", kind, parent,
                    [f"Mr{i} Example{i}"] if i % 3 else [],
                    f"Deputy Director of Department {i}" if i % 4 == 0 else None))
    return out


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def explicit_time(rng, y, m, d):
    k = rng.randrange(12)
    if k == 0: return f"{y}"
    if k == 1: return f"{y}-{m:02d}"
    if k == 2: return f"{y}-{m:02d}-{d:02d}"
    if k == 3: return f"{y}-{m:02d}-{d:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z"
    if k == 4: return f"{y}-{rng.choice(SEASONS)}"
    if k == 5: return f"{y}-W{rng.randrange(1, 53):02d}"
    if k == 6: return f"{y}-{m:02d}-{max(1, d - 5):02d}/{y}-{m:02d}-{d:02d}"
    if k == 7: return f"{y}-{m:02d}-{d:02d}?"
    if k == 8: return f"{y}-{m:02d}~"
    if k == 9: return f"{str(y)[:3]}X"
    if k == 10: return f"{y - 1}-{m:02d}/.."
    return f"{y}-{m:02d}-{d:02d}%"


def source(rng, idx, pool, topics):
    y = 2015 + idx * 10 // max(1, NSRC)
    m = 1 + rng.randrange(12)
    d = 2 + rng.randrange(27)
    published = f"{y}-{m:02d}-{d:02d}"
    title = f"Report {idx}: " + words(rng, 6).capitalize()
    budget = rng.randint(5, 20)          # annotations in this source
    paras = []
    size = 0
    p = 0
    while size < 3900 or p < 8:
        parts = []
        a, b = rng.sample(pool, 2)
        use = min(budget, rng.randint(0, 4)) if p < 12 else 0
        budget -= use
        parts.append(words(rng, rng.randint(10, 25)).capitalize())
        if use >= 1:
            parts.append(f"[{rng.choice([a[1]] + a[4])}](@{a[0]})")
        else:
            parts.append(a[1])           # a mention left unannotated
        if use >= 2:
            t = rng.choice(TYPES + [""])
            title_attr = f' "{a[0]} -> {b[0]}"' if rng.random() < 0.2 else ""
            verb = VERBS.get(t, "said of")
            parts.append(f"[{verb}](!{t}{title_attr})")
            parts.append(f"[{rng.choice([b[1]] + b[4])}](@{b[0]})")
        else:
            parts.append("spoke of")
            parts.append(b[1])
        if use >= 3:
            if rng.random() < 0.6:
                phrase = rng.choice(RELATIVE)
                key = f' "k{rng.randrange(NSRC * 2)}"' if rng.random() < 0.15 else ""
                parts.append(f"[{phrase}](^{key})")
            else:
                v = explicit_time(rng, y, m, d)
                parts.append(f"[in {v}](^{v})")
        if use >= 4:
            t = rng.choice(topics)
            parts.append(f"over the [{t.replace('-', ' ')}](#{t})")
        parts.append(words(rng, rng.randint(30, 60)) + ".")
        text = " ".join(parts)
        paras.append(text)
        size += len(text) + 2
        p += 1
    body = "\n\n".join(paras) + "\n"
    front = {
        "title": title, "published": published,
        "publisher": f"Example Wire {idx % 40}", "author": f"Reporter {idx % 300}",
        "url": f"https://news.example.org/{y}/{m:02d}/report-{idx}",
        "grading": f"{'ABCDEF'[idx % 6]}{1 + idx % 6}",
    }
    return front, body


def yaml_front(front, hugo=False):
    """Front matter; for Hugo, with a `date` and without the keys it reserves
    (it reads `url` as the page's own address and refuses one with http:)."""
    items = list(front.items())
    if hugo:
        items = [("source" + k if k in HUGO_RESERVED else k, v) for k, v in items]
        items.append(("date", front["published"]))
    lines = ["---"]
    for k, v in items:
        lines.append(f"{k}: '{v}'" if k == "title" else f"{k}: {v}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    global NSRC
    if len(sys.argv) != 3:
        sys.exit("usage: corpus.py DIR N")
    out, NSRC = sys.argv[1], int(sys.argv[2])
    rng = random.Random(SEED)
    pool = actors_pool(rng)
    topics = [f"topic-{i:02d}" for i in range(60)]
    ann, hugo, md = (os.path.join(out, x) for x in ("annalist", "hugo", "markdown"))
    for d in (f"{ann}/actors", f"{ann}/sources", f"{hugo}/content/sources",
              f"{hugo}/layouts/_default", md):
        os.makedirs(d, exist_ok=True)
    write(f"{ann}/briefing.md",
          f"---\ntitle: Benchmark briefing of {NSRC} sources\ndate: 2025-01-31\n"
          "marking: UNCLASSIFIED // BENCHMARK\nlang: en\n---\n\n"
          "A generated briefing for `make bench` (bench/corpus.py).\n")
    for (aid, name, kind, parent, aliases, role) in pool:
        fm = [f"name: {name}", f"kind: {kind}"]
        if parent: fm.append(f"member-of: {parent}")
        if aliases: fm.append("aliases: [" + ", ".join(aliases) + "]")
        if role: fm.append(f"role: {role}")
        write(f"{ann}/actors/{aid}.md", "---\n" + "\n".join(fm) +
              f"\n---\n\nProfile of {name}.\n")
    for i in range(NSRC):
        front, body = source(rng, i, pool, topics)
        name = f"s{i:05d}.md"
        write(f"{ann}/sources/{name}", yaml_front(front) + body)
        write(f"{hugo}/content/sources/{name}",
              yaml_front(front, hugo=True) + body)
        write(f"{md}/{name}", body)
    write(f"{hugo}/hugo.toml",
          'baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    write(f"{hugo}/layouts/_default/baseof.html",
          '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
          '<title>{{ .Title }}</title></head>\n<body>{{ block "main" . }}{{ end }}</body></html>\n')
    write(f"{hugo}/layouts/_default/single.html",
          '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n')
    write(f"{hugo}/layouts/_default/list.html",
          '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')


if __name__ == "__main__":
    main()
