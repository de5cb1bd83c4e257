# tests/lib/browser.sh - the pages in a real browser and an HTML checker.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.

chromium_bin() { command -v chromium || command -v chromium-browser || true; }

page_tests() {
  local d=$TMP/pages
  "$BIN" build -o "$d/out" "$ROOT/input" 2>/dev/null
  local c
  c=$(chromium_bin)
  if [ -z "$c" ]; then
    skip "browser: chromium is not installed"
  else
    local prof=$TMP/chromium-profile
    timeout 120 "$c" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$prof" --enable-logging=stderr --v=0 \
      --dump-dom "file://$d/out/index.html" >"$d/dom.html" 2>"$d/console.log"
    check "browser: index.html loads" test -s "$d/dom.html"
    check "browser: the banner is shown" grep -q 'class="marking' "$d/dom.html"
    check "browser: the diagram is an inline svg" grep -q '<svg' "$d/dom.html"
    check "browser: the chronology is dated" grep -q '22 Dec 2023' "$d/dom.html"
    check "browser: no console errors" bash -c "! grep -E 'CONSOLE|Uncaught|SecurityError|Refused' '$d/console.log'"
    timeout 120 "$c" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$prof" --window-size=1280,2000 \
      --screenshot="$d/index.png" "file://$d/out/index.html" >/dev/null 2>&1
    check "browser: screenshot rendered" test -s "$d/index.png"
    # the briefing prints: marking on every page, text intact
    timeout 120 "$c" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$prof" --no-pdf-header-footer \
      --print-to-pdf="$d/index.pdf" "file://$d/out/index.html" >/dev/null 2>&1
    if command -v pdfinfo >/dev/null; then
      local pages marks
      pages=$(pdfinfo "$d/index.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
      marks=$(pdftotext "$d/index.pdf" - 2>/dev/null | grep -c 'UNCLASSIFIED // EXAMPLE')
      check "print: the briefing prints to PDF (${pages:-0} pages)" test "${pages:-0}" -ge 2 -a "${pages:-0}" -le 30
      check "print: the marking is at the top and bottom of every page ($marks for $pages pages)" test "$marks" -eq $((2 * ${pages:-0}))
      check "print: title and chronology are in the PDF text" \
        bash -c "pdftotext '$d/index.pdf' - | tr -s ' \n' ' ' | grep -q 'Russia, Japan and the Patriot transfer' && pdftotext '$d/index.pdf' - | grep -q 'Fri 22 Dec 2023'"
    else
      skip "print: pdfinfo (poppler-utils) is not installed"
    fi
  fi
  # the hand-made model of tests/data exercises every element of the schema
  check "schema: the sample model is valid" \
    xmllint --noout --relaxng "$ROOT/templates/model.rng" "$ROOT/tests/data/model-sample.xml"
  xsltproc --nonet --nowrite --stringparam root '' "$ROOT/templates/index.xsl" \
    "$ROOT/tests/data/model-sample.xml" >"$d/sample.html" 2>"$TMP/xslt.err"
  check "views: the sample model renders with xsltproc too" test -s "$d/sample.html"
  if command -v tidy >/dev/null; then
    tidy -q -e --show-warnings no "$d/sample.html" >"$TMP/tidy.out" 2>&1
    check "html: the sample model's page has no HTML errors" test $? -lt 2
  fi
  if command -v tidy >/dev/null; then
    local f
    for f in "$d/out/index.html" "$d/out/timeline.html" "$d/out"/timeline/*.html "$d/out"/sources/*.html; do
      tidy -q -e --show-warnings no "$f" >"$TMP/tidy.out" 2>&1
      if [ $? -ge 2 ]; then fail "html: ${f#"$d/out/"} has errors"; sed 's/^/     /' "$TMP/tidy.out" | head
      else ok "html: ${f#"$d/out/"} has no HTML errors (tidy)"; fi
    done
  else
    skip "html: tidy is not installed"
  fi
}

# browser_suite: tests/browser/run.mjs (playwright-core driving Debian's
# chromium, html-validate), installed by `npm ci --prefix tests/browser`
# (.ci/run).  Screenshots go to build/artifacts/.  Each check counts; a
# missing node, chromium or node_modules is a skip.
browser_suite() {
  local c
  c=$(chromium_bin)
  if ! command -v node >/dev/null; then
    skip "browser suite: node is not installed (apt-get install nodejs npm)"
  elif [ -z "$c" ]; then
    skip "browser suite: chromium is not installed"
  elif [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ] ||
       [ ! -d "$ROOT/tests/browser/node_modules/html-validate" ]; then
    skip "browser suite: run 'npm ci --prefix tests/browser' first"
  else
    local d=$TMP/browser-suite
    "$BIN" build -o "$d/out" "$ROOT/input" 2>/dev/null
    CHROMIUM=$c run_program "browser suite (tests/browser)" \
      timeout 600 node "$ROOT/tests/browser/run.mjs" "$d/out" "$ROOT/build/artifacts"
  fi
}
