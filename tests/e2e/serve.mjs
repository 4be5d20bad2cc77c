// End-to-end test of the `factlint serve` page in headless Chromium.
//
//   FACTLINT_URL=http://127.0.0.1:7878 node tests/e2e/serve.mjs
//
// Env: FACTLINT_URL (required), SEED (article, default fixtures/seed/rbc-ukraine-2026-01-06.txt),
// SCREENSHOT (default docs/serve.png), CHROMIUM (default /usr/bin/chromium).
// Needs `playwright-core` (never downloads a browser). Exits 0 on success, 1 on failure.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const BASE = (process.env.FACTLINT_URL || '').replace(/\/+$/, '');
const SEED = resolve(process.env.SEED || 'fixtures/seed/rbc-ukraine-2026-01-06.txt');
const SHOT = resolve(process.env.SCREENSHOT || 'docs/serve.png');
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const OVERALL_MS = 20_000;

const FLAGGED = 'В конце декабря 2026 года';
const FIXED = 'В конце декабря 2025 года';
const RULE = 'temporal/past-event-after-publication';

let browser;
const started = Date.now();
const step = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
class Failure extends Error {}
const fail = (msg) => { throw new Failure(msg); };
const check = (cond, msg) => { if (!cond) fail(msg); };

const watchdog = setTimeout(() => {
  console.error(`FAIL: the test did not finish within ${OVERALL_MS / 1000} s`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1); // playwright kills the browser it launched when the process exits
}, OVERALL_MS);

// Waits for `fn` (run in the page) to return a truthy value; on timeout fails with `what` and the page state.
async function waitFor(page, what, fn, arg, timeout = 8000) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 50 });
    return await handle.jsonValue();
  } catch (e) {
    const state = await page.evaluate(() => ({
      status: document.querySelector('[data-testid=status]')?.textContent,
      banner: document.querySelector('[data-testid=error-banner]:not([hidden])')?.textContent?.trim(),
      marks: [...document.querySelectorAll('mark[data-testid=finding]')].map((m) => `${m.dataset.severity}:${m.textContent}`),
    })).catch(() => ({}));
    fail(`timed out waiting until ${what} (page: ${JSON.stringify(state)})`);
  }
}

async function main() {
  check(BASE, 'set FACTLINT_URL to the server address, e.g. http://127.0.0.1:7878');
  let text;
  try { text = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n'); /* a text area keeps LF only */ } catch (e) { fail(`cannot read the seed article ${SEED}: ${e.message}`); }
  const header = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})/.exec(text);
  check(text.includes(FLAGGED), `the seed article does not contain «${FLAGGED}»`);

  browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  step(`chromium ${browser.version()} started`);

  const res = await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded', timeout: 8000 }).catch((e) => fail(`cannot open ${BASE}/: ${e.message.split('\n')[0]}`));
  check(res && res.ok(), `GET ${BASE}/ answered ${res && res.status()}`);
  const editor = page.getByTestId('editor');
  await editor.waitFor({ state: 'visible', timeout: 5000 }).catch(() => fail('no [data-testid=editor] text area on the page'));
  step(`opened ${BASE}/`);

  await editor.fill(text);
  step(`filled the editor with ${SEED} (${Buffer.byteLength(text)} bytes)`);

  if (header) {
    const published = await page.getByTestId('published').inputValue();
    check(published === header[1], `publication date field shows "${published}", expected ${header[1]} from the header line`);
    step(`publication date prefilled from the header: ${published}`);
  }

  const marks = await waitFor(page, `exactly one error highlight reads «${FLAGGED}»`, (want) => {
    const ms = [...document.querySelectorAll('mark[data-testid=finding][data-severity=error]')];
    return ms.length === 1 && ms[0].textContent === want && ms.map((m) => m.textContent);
  }, FLAGGED);
  step(`one error highlighted: «${marks[0]}»`);

  const items = page.getByTestId('finding-item');
  const itemTexts = await items.allTextContents();
  const errItem = page.locator('[data-testid=finding-item][data-severity=error]');
  check(await errItem.count() === 1, `expected 1 error in the findings list, got ${await errItem.count()} (list: ${JSON.stringify(itemTexts)})`);
  const errText = await errItem.textContent();
  check(errText.includes(RULE), `the findings list item does not name ${RULE}: ${errText}`);
  check(await errItem.getByTestId('fix').count() === 1, 'the findings list item has no fix button');
  step(`findings list: ${itemTexts.length} item(s), error ${RULE}`);

  const rows = await page.getByTestId('timeline-row').evaluateAll((trs) => trs.map((tr) => ({
    text: tr.querySelector('[data-testid=timeline-text]')?.textContent.trim(),
    value: tr.querySelector('[data-testid=timeline-value]')?.textContent.replace(/\s+/g, ' ').trim(),
  })));
  check(rows.length >= 5, `timeline has ${rows.length} rows, expected at least 5`);
  const row = rows.find((r) => r.text === FLAGGED);
  check(row, `no timeline row for «${FLAGGED}» (rows: ${JSON.stringify(rows.map((r) => r.text))})`);
  check(/2026-12-21\s*(…|\.\.\.|–|—|-|to)\s*2026-12-31/.test(row.value), `timeline value of «${FLAGGED}» is "${row.value}", expected 2026-12-21…2026-12-31`);
  step(`timeline: ${rows.length} rows, «${FLAGGED}» = ${row.value}`);

  // Open the finding's details from the list (scrolls the highlight into view and pins its popup).
  await errItem.locator('.item-main, button').first().click();
  const popup = page.locator('[data-testid=finding-popup]:not([hidden])');
  await popup.waitFor({ state: 'visible', timeout: 3000 }).catch(() => fail('clicking the finding did not open its popup'));
  const popupText = await popup.textContent();
  check(popupText.includes(RULE), `the popup does not show the rule: ${popupText}`);
  check(/2025/.test(popupText), `the popup does not show the help/fix: ${popupText}`);
  const lit = await page.locator('mark.on').count();
  check(lit >= 2, `expected the primary and secondary spans lit, got ${lit}`);
  // Let a smooth scroll settle, then check the highlight is on screen with the popup below/above it.
  await waitFor(page, 'the highlight is scrolled into view', () => {
    const m = document.querySelector('mark[data-testid=finding]');
    const s = document.getElementById('scroller') || document.body;
    if (!m) return false;
    const r = m.getBoundingClientRect(), sr = s.getBoundingClientRect();
    return r.top >= sr.top && r.bottom <= sr.bottom;
  }, null, 3000);
  // Wait for the smooth scroll to stop; the popup is placed again when it ends.
  for (let last = null, i = 0; i < 30; i++) {
    const top = await page.evaluate(() => (document.getElementById('scroller') || document.scrollingElement).scrollTop);
    if (top === last) break;
    last = top;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(150);
  step('finding popup open, spans lit');

  mkdirSync(dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT });
  step(`screenshot saved to ${SHOT}`);

  await popup.getByTestId('fix').click();
  step('clicked Fix');
  await waitFor(page, 'no error highlight remains and the fixed text is checked', () =>
    document.querySelectorAll('mark[data-testid=finding][data-severity=error]').length === 0 &&
    document.querySelector('[data-testid=status]')?.dataset.state === 'ok');
  const after = await editor.inputValue();
  check(after.includes(FIXED), `after the fix the text does not contain «${FIXED}»`);
  check(!after.includes(FLAGGED), `after the fix the text still contains «${FLAGGED}»`);
  check(after.length === text.length, `the fix changed the text length (${text.length} → ${after.length})`);
  step(`fixed: the text now reads «${FIXED}», no errors left`);

  check(pageErrors.length === 0, `errors in the page: ${pageErrors.join(' | ')}`);
}

try {
  await main();
  console.log('PASS');
  console.log('e2e: 1 passed, 0 failed');
} catch (e) {
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
}
