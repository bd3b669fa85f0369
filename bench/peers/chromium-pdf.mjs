// Chromium kept open, one page: reads "render<TAB>file.xhtml<TAB>[out.pdf]" lines on stdin, loads the
// file once (file:// so its @font-face fonts load), then times page.pdf() alone and answers
// "<ms><TAB><bytes>". Uses Debian's chromium (CHROMIUM, default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import readline from 'node:readline';
import fs from 'node:fs';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const page = await browser.newPage();
let loaded = null;
const rl = readline.createInterface({ input: process.stdin });
console.log('ready');
for await (const line of rl) {
  const [cmd, file, out] = line.split('\t');
  if (cmd !== 'render') break;
  if (loaded !== file) {
    await page.goto('file://' + file, { waitUntil: 'load' });
    loaded = file;
  }
  const t = process.hrtime.bigint();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (out) fs.writeFileSync(out, pdf);
  console.log(`${ms.toFixed(2)}\t${pdf.length}`);
}
await browser.close();
