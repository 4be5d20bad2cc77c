// Runs chrono-node's Russian or Ukrainian parser over every article of a corpus made by
// make_corpus.py and prints the time and throughput. usage: node chrono_extract.js DIR
const fs = require("fs");
const path = require("path");
const chrono = require("chrono-node");

const dir = process.argv[2];
const files = [];
for (const sub of fs.readdirSync(dir).sort()) {
  for (const f of fs.readdirSync(path.join(dir, sub)).sort()) files.push(path.join(dir, sub, f));
}
let bytes = 0, found = 0;
const start = process.hrtime.bigint();
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  bytes += Buffer.byteLength(text);
  const m = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(text);
  const ref = m ? new Date(m[1] + "T12:00:00Z") : new Date();
  const parser = /^lang: uk$/m.test(text) ? chrono.uk : chrono.ru;
  found += parser.parse(text, ref).length;
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`chrono-node files=${files.length} bytes=${bytes} found=${found} seconds=${secs.toFixed(3)} mb_per_s=${(bytes / 1e6 / secs).toFixed(2)}`);
