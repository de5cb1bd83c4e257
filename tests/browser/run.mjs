// tests/browser/run.mjs - the example site in a real browser.
//
//   node tests/browser/run.mjs OUT ARTIFACTS
//
// OUT is a built site (annalist build -o OUT input).  Debian's chromium,
// headless, driven through playwright-core (no browser download): every
// page loads from file:// without a console error or a failed request;
// every internal link and anchor resolves (each href/src and #id within
// OUT, SVG links too); every SVG renders with a non-zero size; the site
// works from a sub-path of a web server (a local one on 127.0.0.1, every
// page and link fetched through it); screenshots at desktop (1280) and
// phone (390) widths go to ARTIFACTS.  Then every page is checked by
// html-validate (rules: .htmlvalidate.json beside this file).
//
// Prints "ok NAME" / "FAIL NAME" per check and ends with the line
// "N passed, N failed" that tests/run collects.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';

const here = path.dirname(fileURLToPath(import.meta.url));
const [outArg, artArg] = process.argv.slice(2);
if (!outArg || !artArg) {
  console.error('usage: node run.mjs OUT ARTIFACTS');
  process.exit(2);
}
const OUT = path.resolve(outArg);
const ART = path.resolve(artArg);
fs.mkdirSync(ART, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, details = []) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const d of details.slice(0, 15)) console.log(`     ${d}`);
    if (details.length > 15) console.log(`     ... and ${details.length - 15} more`);
  }
}

// every file of OUT, relative, with '/'
function walk(dir, prefix = '') {
  const files = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) files.push(...walk(path.join(dir, e.name), rel + '/'));
    else files.push(rel);
  }
  return files.sort();
}
const pages = walk(OUT).filter((f) => f.endsWith('.html'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// What one page holds, read in the browser.
async function visit(page, url) {
  const errors = [];
  const onConsole = (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); };
  const onError = (e) => errors.push(`page error: ${e.message}`);
  const onFailed = (r) => errors.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('requestfailed', onFailed);
  const resp = await page.goto(url, { waitUntil: 'load' });
  const info = await page.evaluate(() => {
    const XLINK = 'http://www.w3.org/1999/xlink';
    const links = [];
    for (const el of document.querySelectorAll('a, link, img, script[src]')) {
      const v = el.getAttribute('href') ?? el.getAttributeNS(XLINK, 'href') ?? el.getAttribute('src');
      if (v !== null) links.push({ tag: el.localName, rel: el.getAttribute('rel') || '', href: v });
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const svgs = [...document.querySelectorAll('svg')]
      .filter((s) => !s.parentElement.closest('svg'))
      .map((s) => {
        const r = s.getBoundingClientRect();
        const shown = getComputedStyle(s).display !== 'none' && s.closest('[hidden]') === null;
        return { w: r.width, h: r.height, shown, label: s.querySelector('title')?.textContent || s.getAttribute('class') || '' };
      });
    return { links, ids, svgs, title: document.title };
  });
  page.off('console', onConsole);
  page.off('pageerror', onError);
  page.off('requestfailed', onFailed);
  return { errors, status: resp ? resp.status() : 0, ...info };
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const seen = new Map(); // page -> info
for (const rel of pages) seen.set(rel, await visit(page, pathToFileURL(path.join(OUT, rel)).href));

// 1. no console errors, no failed request
{
  const bad = [];
  for (const [rel, info] of seen) for (const e of info.errors) bad.push(`${rel}: ${e}`);
  check(`browser: ${pages.length} pages load from file:// without console errors or failed requests`, bad.length === 0, bad);
}

// 2. internal links and anchors
{
  const bad = [];
  let internal = 0, anchors = 0, external = 0;
  const outUrl = pathToFileURL(OUT + '/').href;
  for (const [rel, info] of seen) {
    const base = pathToFileURL(path.join(OUT, rel)).href;
    for (const l of info.links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(l.href) && !l.href.startsWith('file:')) { external++; continue; }
      if (l.href.startsWith('file:') || l.href.startsWith('/')) { bad.push(`${rel}: absolute link ${l.href}`); continue; }
      const u = new URL(l.href, base);
      if (!u.href.startsWith(outUrl)) { bad.push(`${rel}: ${l.href} leaves the site`); continue; }
      const target = decodeURIComponent(u.pathname).slice(fileURLToPath(outUrl).length);
      internal++;
      if (!fs.existsSync(path.join(OUT, target)) || fs.statSync(path.join(OUT, target)).isDirectory()) {
        bad.push(`${rel}: ${l.href} -> ${target} does not exist`);
        continue;
      }
      if (u.hash.length > 1) {
        anchors++;
        const id = decodeURIComponent(u.hash.slice(1));
        const t = seen.get(target);
        if (!t) bad.push(`${rel}: ${l.href}: #${id} in a file that is not a page`);
        else if (!t.ids.includes(id)) bad.push(`${rel}: ${l.href}: no id "${id}" in ${target}`);
      }
    }
  }
  check(`browser: ${internal} internal links resolve, ${anchors} of them to an anchor that exists (${external} external not followed)`,
        bad.length === 0 && internal > 0, bad);
}

// 2b. the timeline: the overview links every year page, each links back
{
  const years = pages.filter((p) => p.startsWith('timeline/'));
  const over = seen.get('timeline.html');
  const bad = over ? [] : ['no timeline.html'];
  for (const y of years) {
    if (over && !over.links.some((l) => l.href === y)) bad.push(`timeline.html does not link ${y}`);
    if (!seen.get(y).links.some((l) => l.href.split('#')[0] === '../timeline.html')) bad.push(`${y} does not link back to timeline.html`);
    if (!seen.get(y).ids.some((id) => id.startsWith('ev-'))) bad.push(`${y} lists no event`);
  }
  check(`browser: timeline.html links its ${years.length} year pages, each listing events and linking back`,
        bad.length === 0 && years.length > 0, bad);
}

// 3. every SVG renders with a size
{
  const bad = [];
  let n = 0;
  for (const [rel, info] of seen)
    for (const s of info.svgs) {
      if (!s.shown) continue;
      n++;
      if (!(s.w > 0 && s.h > 0)) bad.push(`${rel}: svg "${s.label}" is ${s.w}x${s.h}`);
    }
  check(`browser: ${n} SVG diagrams render with a non-zero size`, bad.length === 0 && n > 0, bad);
}

// 4. screenshots, desktop and phone
{
  const shots = ['index.html', 'timeline.html', pages.find((p) => p.startsWith('timeline/')), 'changes.html',
    pages.find((p) => p.startsWith('sources/')), 'actors/japan.html',
    pages.find((p) => p.startsWith('topics/'))].filter((p) => p && seen.has(p));
  const bad = [];
  let n = 0;
  for (const [name, width] of [['desktop', 1280], ['phone', 390]]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const p = await ctx.newPage();
    for (const rel of shots) {
      await p.goto(pathToFileURL(path.join(OUT, rel)).href, { waitUntil: 'load' });
      const file = path.join(ART, `${name}-${rel.replace(/\//g, '-').replace(/\.html$/, '')}.png`);
      await p.screenshot({ path: file, fullPage: true });
      if (fs.statSync(file).size > 1000) n++; else bad.push(`${file} is empty`);
      if (name === 'phone') {
        // nothing wider than the phone's screen but what scrolls in its own box
        const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (over > 1) bad.push(`${rel}: the page is ${over}px wider than a ${width}px screen`);
      }
    }
    await ctx.close();
  }
  check(`browser: ${n} screenshots at 1280 and 390 px in ${path.relative(process.cwd(), ART) || ART}`, bad.length === 0, bad);
}

// 5. from a sub-path of a web server: every page and internal link
{
  const prefix = '/some/sub-path/';
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml',
                  '.xml': 'application/xml', '.json': 'application/json', '.csv': 'text/csv',
                  '.ics': 'text/calendar', '.dot': 'text/plain', '.graphml': 'application/xml' };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://localhost');
    const rel = decodeURIComponent(u.pathname).slice(prefix.length);
    const file = path.join(OUT, rel);
    if (!u.pathname.startsWith(prefix) || rel.includes('..') || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const root = `http://127.0.0.1:${server.address().port}${prefix}`;
  const bad = [];
  let links = 0;
  for (const rel of pages) {
    const info = await visit(page, root + rel);
    if (info.status !== 200) bad.push(`${rel}: HTTP ${info.status}`);
    for (const e of info.errors) bad.push(`${rel}: ${e}`);
    for (const l of info.links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(l.href)) continue;
      const u = new URL(l.href, root + rel);
      if (!u.pathname.startsWith(prefix)) { bad.push(`${rel}: ${l.href} leaves ${prefix}`); continue; }
      links++;
      const r = await fetch(u.href.split('#')[0]);
      await r.arrayBuffer();
      if (r.status !== 200) bad.push(`${rel}: ${l.href} -> HTTP ${r.status}`);
    }
  }
  server.close();
  check(`browser: from a sub-path of a web server, ${pages.length} pages and ${links} links work`, bad.length === 0 && links > 0, bad);
}

await browser.close();

// 6. html-validate, with the rules of .htmlvalidate.json
{
  // the config is JSON with // comments (why a rule is changed); strip them
  const text = fs.readFileSync(path.join(here, '.htmlvalidate.json'), 'utf8')
    .split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
  const hv = new HtmlValidate(JSON.parse(text));
  const bad = [];
  for (const rel of pages) {
    const report = await hv.validateFile(path.join(OUT, rel));
    for (const r of report.results)
      for (const m of r.messages)
        bad.push(`${rel}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  }
  check(`html-validate: ${pages.length} pages, no error`, bad.length === 0, bad);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
