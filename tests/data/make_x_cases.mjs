// Computes X's weighted length with the official twitter-text 3.1.0 (Apache-2.0, Copyright Twitter,
// Inc.) for a corpus of tricky strings, so the Python port is compared with X beyond the conformance
// suite. CI does not run node; the output is committed.
//
//   npm install --prefix /tmp/xtt twitter-text@3.1.0
//   NODE_PATH=/tmp/xtt/node_modules node tests/data/make_x_cases.mjs > tests/data/x_official_cases.json   (run from the repository)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const tt = require('twitter-text');

const fixed = [
  '©', '®', '™', '©\ufe0f', '®\ufe0f', '© 2024 Firma GmbH', 'Marke® und Produkt™', '‼', '↔', '\ufe0f', 'a\ufe0fb',
  '#\ufe0f\u20e3', '#\u20e3', '1\ufe0f\u20e3', '1\u20e3', '\ue50a', '☺', '☺\ufe0f', '❤️', '❤',
  '👩\u200d💻 Support', '🏳️\u200d🌈', '🇩🇪🇦🇹', '👍🏽👍🏿', '👨\u200d👩\u200d👧\u200d👦', '🧑\u200d🤝\u200d🧑', '🫠', '🫶🏼',
  'a\r\nb', '\r\n\r\n', 'Zeile 1\r\nZeile 2\rZeile 3\n', '\u2028', '\u00a0', '\u200b\u200c\u200d',
  'example.com', 'www.example.de/pfad?x=1', 'Siehe hilfe.example.de.', '(example.com)', 'foo@example.com',
  'https://t.co/abcdef', 'https://t.co/abcdef/extra', 'http://例え.jp', 'münchen.de', 'http://münchen.de/x',
  'EXAMPLE.COM', 'bit.ly/xyz', 'https://example.com/Straße?q=ä', 'ftp://example.com', 'example.notatld',
  'http://localhost:8080/', 'http://192.168.0.1/', 'x.com', 'https://x.com/user/status/123', 'a.b',
  'Text.Text', 'Ende.Neuer Satz', '-example.com', '_example.com', '/example.com', 'https://example.com\u3002de',
  '中文字符测试', '한국어 텍스트', 'カタカナ', 'e\u0301', 'u\u0308ber', 'A\ufb2c', 'Å', 'Ω', '\ufeff', '\uffff',
  'ABC\u202a\uffffABC\ufffe', '@kim_hh danke!', '#Störung #HH', '$TSLA', 'x'.repeat(280), 'x'.repeat(281),
  'ü'.repeat(281), '😀'.repeat(141), '中'.repeat(141), 'Hallo ' + 'https://example.com/'.repeat(12),
];

// Deterministic fuzz: random mixes of the pieces above and plain German words.
const pieces = ['Hallo', ' ', 'Grüße', '.', '!', '\n', '\r\n', 'ß', 'example.com', 'https://www.beispiel.de/a?b=c',
  '😀', '👍🏽', '👨\u200d👩\u200d👧', '©', '®', '\ufe0f', '中', 'e\u0301', '@anna', '#Paket', '—', '„Zitat“',
  'www.test.de', 'kundenservice.example.de/hilfe', '\u00a0', '1\ufe0f\u20e3', '🇩🇪', 'x.co', ')', '(', '€'];
let seed = 20240611;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const fuzz = [];
for (let i = 0; i < 400; i++) {
  let s = '';
  const len = 1 + rand(i % 10 === 0 ? 120 : 25);
  for (let j = 0; j < len; j++) s += pieces[rand(pieces.length)];
  fuzz.push(s);
}

const sample = readFileSync(new URL('./bench_draft_de.txt', import.meta.url), 'utf8');
const cases = [...fixed, ...fuzz, sample].map((text) => {
  const r = tt.parseTweet(text);
  return { text, weightedLength: r.weightedLength, valid: r.valid, validRangeEnd: r.validRangeEnd,
    displayRangeEnd: r.displayRangeEnd, urls: tt.extractUrlsWithIndices(text).map((u) => u.indices) };
});
process.stdout.write(JSON.stringify({ generator: 'tests/data/make_x_cases.mjs', twitterText: '3.1.0', cases }, null, 0) + '\n');
