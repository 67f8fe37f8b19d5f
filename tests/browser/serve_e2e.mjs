// End-to-end test of `corresp serve` in a real browser: Debian's Chromium, headless, driven by
// playwright-core. Builds the test index (tests/web fixture), starts `corresp serve --port 0`,
// searches "hedge accounting", checks results and snippets, clicks a facet, opens similar
// comments and a thread page, checks the crafted XSS letter shows as text, and saves
// screenshots in the work folder. Usage: node serve_e2e.mjs CORRESP INDEX_HELPER WORK_DIR
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [corresp, indexHelper, work] = process.argv.slice(2);
const failures = [];
function check(cond, what) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures.push(what);
}

function buildIndex() {
  const out = execFileSync(indexHelper, { encoding: 'utf8', timeout: 300_000 });
  const lines = out.trim().split('\n');
  return lines[lines.length - 1];
}

function startServer(index) {
  const dataDir = path.dirname(index);
  const child = spawn(corresp, ['--data-dir', dataDir, 'serve', '--port', '0', '--index', index],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('serve did not print its URL in 30 s')), 30_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}`)); });
  });
}

async function main() {
  const index = buildIndex();
  console.log(`index: ${index}`);
  const { child, url } = await startServer(index);
  console.log(`server: ${url}`);
  const profile = mkdtempSync(path.join(tmpdir(), 'corresp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    const external = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) external.push(r.url()); });

    // Search.
    await page.goto(url + '/');
    check(await page.locator('form.search input.q').isVisible(), 'home page shows the search box');
    check(await page.locator('.overview .figures').count() === 1, 'home page shows the index figures');
    await page.screenshot({ path: path.join(work, 'home.png'), fullPage: true });
    await page.fill('form.search input.q', '"hedge accounting"');
    await Promise.all([page.waitForURL(/[?&]q=/), page.press('form.search input.q', 'Enter')]);
    const hits = page.locator('article.hit');
    await hits.first().waitFor();
    const count = await hits.count();
    check(count > 0, `search "hedge accounting" shows results (${count})`);
    const summary = await page.locator('.summary').innerText();
    check(/\d+ match/.test(summary), `summary line: ${summary}`);
    const marks = await page.locator('article.hit .snippet mark').allInnerTexts();
    check(marks.length > 0 && marks.some((t) => /hedg|account/i.test(t)),
          `snippets highlight the query words (${marks.slice(0, 4).join(', ')})`);
    const firstSnippet = await page.locator('article.hit .snippet').first().innerText();
    check(firstSnippet.length > 40, 'first snippet has text');
    check(await page.locator('svg.year-chart rect.bar').count() > 0, 'comments-per-year chart drawn');
    check(await page.locator('article.hit .hit-links a[href^="https://www.sec.gov"]').count() > 0,
          'results link to the letter on sec.gov');
    await page.screenshot({ path: path.join(work, 'search.png'), fullPage: true });

    // Similar comments (JavaScript enhancement, inline).
    const similar = page.locator('article.hit a.similar-link').first();
    await similar.click();
    const box = page.locator('article.hit .similar-box').first();
    await box.waitFor({ state: 'visible' });
    await page.waitForFunction((el) => !/Loading/.test(el.textContent), await box.elementHandle());
    const boxText = await box.innerText();
    check(/Nothing similar|·/.test(boxText) && !/Could not/.test(boxText), 'similar comments open inline');
    await page.screenshot({ path: path.join(work, 'similar.png'), fullPage: false });

    // Facet click.
    const facet = page.locator('.facet[data-facet="form"] li a').first();
    const facetLabel = (await facet.locator('.fv').innerText()).trim();
    const facetCount = Number((await facet.locator('.count').innerText()).trim());
    await Promise.all([page.waitForURL(/form=/), facet.click()]);
    await page.locator('.chip').first().waitFor();
    const filteredSummary = await page.locator('.summary b').innerText();
    check(Number(filteredSummary) === facetCount,
          `facet "${facetLabel}" filters to its count (${filteredSummary} == ${facetCount})`);
    const forms = await page.locator('article.hit .badge').allInnerTexts();
    check(forms.length > 0 && forms.every((f) => facetLabel.startsWith(f)), `all results are ${facetLabel}`);

    // Thread page: from the unfiltered results, the review of a company with several letters.
    await page.goBack();
    await page.locator('article.hit').first().waitFor();
    let threadLink = page.locator('article.hit:has(a.company:has-text("Walmart")) a.thread-link');
    if (await threadLink.count() === 0) threadLink = page.locator('article.hit a.thread-link');
    await Promise.all([page.waitForURL(/\/thread\//), threadLink.first().click()]);
    const steps = await page.locator('ol.timeline li').count();
    check(steps > 0, `thread page shows the review timeline (${steps} letters)`);
    check(/days/i.test(await page.locator('.thread-figures').innerText()), 'thread page shows days');
    await page.screenshot({ path: path.join(work, 'thread.png'), fullPage: true });

    // Letter page.
    await Promise.all([page.waitForURL(/\/letter\//), page.locator('ol.timeline li a.tl-kind').first().click()]);
    check(await page.locator('.letter .pair').count() > 0, 'letter page pairs comments and responses');
    await page.screenshot({ path: path.join(work, 'letter.png'), fullPage: false });

    // XSS: the crafted letter shows its markup as text and runs nothing.
    await page.goto(url + '/?q=swaps&cik=9999001');
    await page.locator('article.hit').first().waitFor();
    const text = await page.locator('.hits').innerText();
    check(text.includes("<script>alert('xss')</script>") || text.includes("<script>alert('xss')"),
          'crafted <script> shows as text');
    check(text.includes('EVIL <img src=x onerror=alert(1)> CORP'), 'crafted company name shows as text');
    check(await page.locator('.hits script, .hits img').count() === 0, 'no script or img element from letter text');
    await page.goto(url + '/letter/0000000000-09-000666');
    check(await page.locator('.letter script, .letter img').count() === 0, 'letter page: no injected elements');
    check(dialogs === 0, 'no alert() ran');

    check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
    check(external.length === 0, `nothing fetched from outside the app (${external.slice(0, 3).join(', ')})`);

    // The plain search works without JavaScript.
    const nojs = await context.browser()?.newContext?.({ javaScriptEnabled: false });
    if (nojs) {
      const p2 = await nojs.newPage();
      await p2.goto(url + '/?q=%22hedge+accounting%22');
      check(await p2.locator('article.hit').count() > 0, 'search works without JavaScript');
      await nojs.close();
    }
  } finally {
    await context.close();
    child.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(`screenshots in ${work}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
