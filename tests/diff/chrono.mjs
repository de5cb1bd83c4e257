// chrono.mjs - the chrono-node peer for tests/diff/run.sh.
//
// Reads lines "REF<TAB>EXPRESSION" on stdin (REF is YYYY-MM-DD, the
// publication date) and prints one line per input line:
//   REF<TAB>EXPRESSION<TAB>RESULT
// where RESULT is YYYY-MM-DD (a day), YYYY-MM-DD/YYYY-MM-DD (chrono read a
// range), or "unread: ..." when chrono did not read the whole expression.
// The reference is noon of REF in the process time zone (run.sh sets
// TZ=UTC), and forwardDate is off: a reporter looks back as often as ahead.
import * as chrono from 'chrono-node';
import { createInterface } from 'node:readline';

const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
for await (const line of rl) {
  if (!line) continue;
  const tab = line.indexOf('\t');
  const ref = line.slice(0, tab);
  const expr = line.slice(tab + 1);
  const [y, m, d] = ref.split('-').map(Number);
  const refDate = new Date(y, m - 1, d, 12, 0, 0);
  let result;
  try {
    const found = chrono.casual.parse(expr, refDate, { forwardDate: false });
    if (found.length !== 1) {
      result = `unread: ${found.length} results`;
    } else if (found[0].index !== 0 || found[0].text.length !== expr.length) {
      result = `unread: only '${found[0].text}'`;
    } else {
      const r = found[0];
      result = iso(r.start.date());
      if (r.end) result += '/' + iso(r.end.date());
    }
  } catch (e) {
    result = `unread: ${String(e && e.message).replace(/\s+/g, ' ')}`;
  }
  out.push(`${ref}\t${expr}\t${result}`);
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
