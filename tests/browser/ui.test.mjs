// Drives the web UI in headless Debian chromium against a running server.
// Usage: node ui.test.mjs BASE_URL PROFILE_DIR SCREENSHOT_DIR
// Prints one line "browser: N passed, M failed" and exits non-zero on failure.
import { chromium } from 'playwright-core';

const [base, profile, shots] = process.argv.slice(2);
const results = [];

function check(cond, what) {
  if (!cond) throw new Error(what);
}

async function test(name, fn, page) {
  try {
    await fn(page);
    results.push([name, null]);
    console.log(`ok      ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`FAILED  ${name}: ${e.message}`);
  }
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] || (await context.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// Works offline: any request that leaves the server is a failure.
const foreign = [];
page.on('request', (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });

await test('story list shows every story with coverage bars', async (p) => {
  await p.goto(base);
  await p.waitForSelector('#stories .story-item');
  const n = await p.locator('#stories .story-item').count();
  check(n === 3, `expected 3 stories, saw ${n}`);
  const bars = await p.locator('#stories .bar span').count();
  check(bars >= 3, `expected coverage bar segments, saw ${bars}`);
  const footer = await p.textContent('#footer');
  check(/13 articles/.test(footer), `footer: ${footer}`);
  await p.screenshot({ path: `${shots}/ui-stories.png`, fullPage: true });
}, page);

await test('clicking a story shows its comparison', async (p) => {
  await p.goto(base);
  await p.waitForSelector('#stories .story-item');
  await p.locator('a.story-link', { hasText: 'Tillman Bridge' }).first().click();
  await p.waitForSelector('#articles .article');
  check(/#\/story\/\d+$/.test(p.url()), `url ${p.url()}`);
  const arts = await p.locator('#articles .article').count();
  check(arts === 6, `expected 6 articles in the bridge story, saw ${arts}`);
  const leanings = await p.locator('.card .bar span').count();
  check(leanings === 6, `expected 6 leaning segments (six outlets of six leanings), saw ${leanings}`);
  const timeline = await p.locator('#timeline li').count();
  check(timeline > 0, 'timeline is empty');
  const sections = ['#summary', '#conflicts', '#quotes', '#framing', '#omissions'];
  const analysed = await p.locator('#no-analysis').count() === 0;
  if (analysed) {
    for (const s of sections) check(await p.locator(s).count() === 1, `missing section ${s}`);
  }
  await p.screenshot({ path: `${shots}/ui-story.png`, fullPage: true });
}, page);

await test('search highlights matches and opens the article', async (p) => {
  await p.goto(base);
  await p.fill('#search-q', 'comet');
  await p.press('#search-q', 'Enter');
  await p.waitForSelector('#results .hit');
  const hits = await p.locator('#results .hit').count();
  check(hits === 3, `expected 3 comet articles, saw ${hits}`);
  check(await p.locator('#results mark').count() > 0, 'no highlighted term');
  await p.screenshot({ path: `${shots}/ui-search.png`, fullPage: true });
  await p.locator('#results .hit a').first().click();
  await p.waitForSelector('.body p');
  const body = await p.textContent('.body');
  check(/comet/i.test(body), 'article body does not mention the comet');
}, page);

await test('a bad search and a missing story show an error, not a blank page', async (p) => {
  await p.goto(`${base}#/search?q=%22unclosed`);
  await p.waitForSelector('[role=alert]');
  check(/unterminated/.test(await p.textContent('[role=alert]')), 'no syntax error message');
  await p.goto(`${base}#/story/99999`);
  await p.waitForSelector('[role=alert]');
  check(/no story/.test(await p.textContent('[role=alert]')), 'no not-found message');
}, page);

await test('no script errors and no request leaves the server', async () => {
  check(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  check(foreign.length === 0, `foreign requests: ${foreign.join(', ')}`);
}, page);

await context.close();
const failed = results.filter(([, e]) => e).length;
console.log(`browser: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
