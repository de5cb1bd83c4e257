# tests/lib/xss.sh - nothing gets in: hostile text in every field that
# reaches a page, and no write outside the output folder.
# Sourced by tests/run; uses $BIN, $TMP, $ROOT and the check helpers.
#
# xss_tests: builds an input whose every free-text field (titles, names,
# aliases, roles, marking, link texts and URLs, topic words, event keys,
# front-matter extras, raw HTML in the body) holds XSS payloads; each
# payload would call console.log('XSS...') or set document.title if it
# ran.  Every generated page is opened in headless Chromium: no console
# line, no script or injected element or event-handler attribute in the
# DOM, no javascript: or data:text URL; actors.svg is well-formed and its
# labels keep backslashes literally (no \N or \G expansion by Graphviz).
# confine_tests: builds hostile inputs in a fresh folder and compares a
# listing of the whole folder before and after: only the output folder
# may change.

S_PAYLOADS=(
  "<script>console.log('XSS-script')</script>"
  "<img src=x onerror=\"console.log('XSS-img')\">"
  "\"><svg onload=console.log('XSS-svg')>"
  "'><iframe src=javascript:console.log('XSS-iframe')></iframe>"
  "<math><mtext><table><mglyph><style><img src=x onerror=console.log('XSS-math')>"
  "&lt;script&gt;console.log('XSS-entity')&lt;/script&gt; &#x3C;script&#x3E;"
  "</title><script>document.title='XSS-title'</script>"
  "<!-- --><script>console.log('XSS-comment')</script> ]]> <![CDATA[x]]>"
  "\\N \\G \\E \\T \\H \\L \\n label"
  "<b onmouseover=console.log('XSS-b')>bold</b> <a href=javascript:console.log('XSS-a')>a</a>"
)

# S_yq TEXT: TEXT as a YAML double-quoted scalar
S_yq() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

# S_xss_input DIR: the hostile input folder
S_xss_input() {
  local d=$1 i p body= list=
  mkdir -p "$d/sources" "$d/actors"
  for i in "${!S_PAYLOADS[@]}"; do list="$list$(S_yq "${S_PAYLOADS[$i]}"), "; done
  list="[${list%, }]"
  {
    printf -- '---\ntitle: %s\nsubtitle: %s\nauthor: %s\ndate: 2023-12-29\nmarking: %s\nextra: %s\n---\n\n' \
      "$(S_yq "${S_PAYLOADS[0]}")" "$(S_yq "${S_PAYLOADS[1]}")" "$(S_yq "${S_PAYLOADS[2]}")" \
      "$(S_yq "${S_PAYLOADS[6]}")" "$list"
    printf 'Summary %s [the summary](@japan) [x](!threaten "japan -> russia") [on 27 December 2023](^ %s).\n' \
      "${S_PAYLOADS[4]}" "$(S_yq "${S_PAYLOADS[7]}")"
  } >"$d/briefing.md"
  printf -- '---\nname: %s\nkind: state\naliases: %s\nrole: %s\nnote: %s\n---\n\nProfile %s.\n' \
    "$(S_yq "${S_PAYLOADS[3]}")" "$list" "$(S_yq "${S_PAYLOADS[4]}")" "$(S_yq "${S_PAYLOADS[5]}")" \
    "${S_PAYLOADS[9]}" >"$d/actors/japan.md"
  printf -- '---\nname: %s\nkind: person\nmember-of: japan\n---\n' \
    "$(S_yq "Russia ${S_PAYLOADS[8]} ${S_PAYLOADS[1]}")" >"$d/actors/russia.md"
  for i in "${!S_PAYLOADS[@]}"; do
    p=${S_PAYLOADS[$i]}
    # payloads in link text, link title, event key, topic words and URLs
    body="$body[Japan $p](@japan) [warned $p](!threaten) [Russia](@russia) [on Friday](^ $(S_yq "key $i $p")) about [topic $p](#topic-$i).\n\n"
    body="$body[link $p](javascript:console.log('XSS-link$i')) [d](data:text/html,<script>console.log('XSS-data$i')</script>) [ok](https://example.org/?q=$i&x=\"'<>) $p\n\n"
  done
  body="$body<script>console.log('XSS-raw')</script>\n\n<div onclick=\"console.log('XSS-div')\">raw block</div>\n"
  printf -- '---\ntitle: %s\npublished: 2023-12-28\npublisher: %s\nauthor: %s\nurl: %s\ngrading: B2\nextra: %s\n---\n\n%b' \
    "$(S_yq "${S_PAYLOADS[0]}")" "$(S_yq "${S_PAYLOADS[2]}")" "$(S_yq "${S_PAYLOADS[3]}")" \
    "$(S_yq "javascript:console.log('XSS-url')")" "$list" "$body" >"$d/sources/hostile.md"
}

# S_dom_check FILE: the dumped DOM holds nothing injected (python3)
S_dom_check() {
  python3 - "$1" <<'PY'
import sys, html.parser
bad = []
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        # JSON-LD is data, not a script: allowed (its text has no '<')
        if tag == 'script' and ('type', 'application/ld+json') in attrs:
            self.ld = True
            return
        if tag in ('script', 'iframe', 'object', 'embed', 'math', 'mglyph', 'img', 'base', 'form', 'meta') and not (tag == 'meta' and all(k in ('charset', 'name', 'content', 'http-equiv') for k, _ in attrs)):
            bad.append('<%s>' % tag)
        for k, v in attrs:
            if k.startswith('on'):
                bad.append('<%s %s=...>' % (tag, k))
            if k in ('href', 'src', 'xlink:href', 'action', 'formaction') and v and v.strip().lower().startswith(('javascript:', 'data:text', 'vbscript:')):
                bad.append('<%s %s=%s>' % (tag, k, v[:40]))
    def handle_data(self, data):
        if getattr(self, 'ld', False) and '<' in data:
            bad.append('<script type=application/ld+json> holding <')
    def handle_endtag(self, tag):
        if tag == 'script':
            self.ld = False
P().feed(open(sys.argv[1], encoding='utf-8', errors='replace').read())
if bad:
    print('injected: ' + ', '.join(sorted(set(bad))))
    sys.exit(1)
PY
}

xss_tests() {
  local d=$TMP/xss c f pages=0 bad=
  S_xss_input "$d/in"
  expect_exit 0 "xss: the hostile input builds" "$BIN" build -o "$d/out" "$d/in"
  [ -f "$d/out/index.html" ] || return
  # the payload text is on the pages, as text
  check "xss: payload text is shown escaped" grep -q '&lt;script&gt;console.log' "$d/out/index.html"
  check "xss: actors.svg is well-formed" xmllint --noout "$d/out/actors.svg"
  check "xss: diagram labels keep \\N and \\G literally" grep -qF 'Russia \N \G' "$d/out/actors.svg"
  local files_bad=
  while IFS= read -r f; do
    S_dom_check "$f" >"$d/dom.err" || files_bad="$files_bad ${f#$d/out/}($(cat "$d/dom.err"))"
  done < <(find "$d/out" -name '*.html' | sort)
  check "xss: no script, injected element or event handler in the HTML files${files_bad:+:$files_bad}" test -z "$files_bad"
  xp "xss: no script, event handler or javascript: link in actors.svg" "$d/out/actors.svg" \
    "count(//*[local-name()='script' or local-name()='foreignObject']) + count(//@*[starts-with(local-name(), 'on')]) + count(//@*[local-name()='href'][starts-with(normalize-space(.), 'javascript:') or starts-with(normalize-space(.), 'data:')]) = 0"
  c=$(chromium_bin)
  if [ -z "$c" ]; then skip "xss: chromium is not installed"; return; fi
  while IFS= read -r f; do
    pages=$((pages + 1))
    timeout 60 "$c" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$TMP/xss-profile" --enable-logging=stderr --v=0 \
      --dump-dom "file://$f" >"$d/dom.html" 2>"$d/console.log"
    if [ ! -s "$d/dom.html" ]; then bad="$bad ${f#$d/out/}(no DOM)"; continue; fi
    if grep -q 'XSS' "$d/console.log" || grep -qi '<title>XSS' "$d/dom.html"; then
      bad="$bad ${f#$d/out/}(script ran: $(grep -o "XSS[-a-z0-9]*" "$d/console.log" | head -1))"
    fi
    S_dom_check "$d/dom.html" >"$d/dom.err" || bad="$bad ${f#$d/out/}($(cat "$d/dom.err"))"
  done < <(find "$d/out" -name '*.html' | sort)
  if [ -z "$bad" ]; then ok "xss: $pages pages in Chromium: no script ran, nothing injected"
  else fail "xss: in Chromium:$bad"; fi
}

confine_tests() {
  local m=$1 base
  base=$(mktemp -d "${TMPDIR:-/tmp}/annalist-confine.XXXXXX")
  mkdir -p "$base/work"
  local d=$base/work
  mkinput "$d/in"
  # ids that try to leave: '..', absolute paths, '/', symlinks
  cp "$d/in/sources/a.md" "$d/in/sources/..md"
  cp "$d/in/sources/a.md" "$d/in/sources/x..md"
  printf -- '---\ntitle: T\npublished: 2023-12-28\n---\n\n[a](@../../escape) [b](#/tmp/escape) [c](@..) [d](#..%%2fescape) [e](^ "../../escape")\n' >"$d/in/sources/b.md"
  ln -s /tmp "$d/in/sources/tmp.md"
  ln -s ../../escape "$d/in/actors/link.md"
  ln -s "$base" "$d/in/sources/up.md"
  local listing=$base.before
  ( cd "$base" && find . -printf '%p %y %s\n' | sort ) >"$listing"
  "$BIN" build -o "$d/out" "$d/in" >/dev/null 2>"$base.err"
  "$BIN" build -o "$d/out/../out" "$d/in" >/dev/null 2>>"$base.err"
  ( cd "$base" && find . -printf '%p %y %s\n' | sort ) >"$listing.after"
  # only ./work/out may appear or change (it is absent after a failed build)
  check "$m confine: no file written outside the output folder" \
    bash -c "diff '$listing' '$listing.after' | grep '^[<>]' | grep -v '^[<>] ./work/out' | grep -q . && exit 1 || exit 0"
  check "$m confine: nothing written beside the input (../escape)" test ! -e "$base/escape" -a ! -e "$d/escape" -a ! -e /tmp/escape
  rm -rf "$base" "$listing" "$listing.after" "$base.err"
  # a valid build into a fresh folder: only the output folder appears
  base=$(mktemp -d "${TMPDIR:-/tmp}/annalist-confine.XXXXXX")
  mkinput "$base/in"
  ( cd "$base" && find . | sort ) >"$base.before"
  ( cd "$base" && "$BIN" build -o out in >/dev/null 2>&1 )
  ( cd "$base" && find . | sort ) >"$base.after"
  check "$m confine: a build adds the output folder and nothing else" \
    bash -c "diff '$base.before' '$base.after' | grep '^>' | grep -v '^> ./out' | grep -q . && exit 1 || exit 0"
  rm -rf "$base" "$base.before" "$base.after"
}
