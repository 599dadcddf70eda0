// check_html.mjs OUT SHOTS - the HTML pages of a build in Debian's chromium
// (puppeteer-core drives /usr/bin/chromium; nothing is downloaded).
//
// For index.html, national.html and the Tokyo report's page, at
// 1280 and 390 px wide: a full-page screenshot into SHOTS; every image
// loaded and drawn (the SVG charts render); every chart image has alt text
// that starts with its caption's title and carries numbers (the chart's
// data); the page itself is never wider than the window (wide tables and
// charts scroll inside their own boxes); every chart links to its full-size
// PNG. Then axe-core (WCAG 2.x A/AA rules) on each page: any violation of
// impact serious or critical fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [out, shots] = process.argv.slice(2);
const pages = ['index.html', 'national.html', 'prefectures/13_東京都.html'];
const widths = [1280, 390];
fs.mkdirSync(shots, { recursive: true });
let failures = 0;
const fail = (msg) => { failures++; console.log('FAIL: ' + msg); };

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aireport-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run',
         '--allow-file-access-from-files', `--user-data-dir=${profile}`],
});
try {
  for (const name of pages) {
    const file = path.join(out, name);
    if (!fs.existsSync(file)) { fail(`${name}: not written`); continue; }
    const page = await browser.newPage();
    for (const width of widths) {
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const shot = path.join(shots, `${name.replace(/[/]/g, '_').replace(/\.html$/, '')}-${width}.png`);
      // the whole page; the national one (20 pages, ~30,000 px at 390 px
      // wide) its first screens, which hold a chart and its table
      const whole = name !== 'national.html';
      await page.screenshot({ path: shot, fullPage: whole,
                              ...(whole ? {} : { clip: { x: 0, y: 0, width, height: 4000 } }) });
      const r = await page.evaluate(() => {
        const imgs = [...document.images];
        return {
          scrollWidth: document.documentElement.scrollWidth,
          broken: imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
          n: imgs.length,
          figures: [...document.querySelectorAll('figure')].map((f) => ({
            alt: f.querySelector('img')?.alt || '',
            caption: f.querySelector('figcaption')?.textContent || '',
            href: f.querySelector('a')?.getAttribute('href') || '',
          })),
          h1: document.querySelectorAll('h1').length,
        };
      });
      if (r.scrollWidth > width + 1)
        fail(`${name} at ${width} px: the page is ${r.scrollWidth} px wide`);
      for (const src of r.broken) fail(`${name} at ${width} px: image not drawn: ${src}`);
      if (r.h1 !== 1) fail(`${name}: ${r.h1} h1 headings`);
      if (name !== 'index.html' && r.figures.length === 0) fail(`${name}: no chart`);
      for (const f of r.figures) {
        const title = f.caption.replace(/（PNG画像.*$/, '').trim();
        if (!f.alt.startsWith(title + '。') || !/\d/.test(f.alt))
          fail(`${name}: alt text of "${title}" is not its data: "${f.alt.slice(0, 80)}"`);
        if (!/\.png$/.test(f.href)) fail(`${name}: chart "${title}" does not link to its full-size PNG`);
      }
      if (width === widths[0]) console.log(`${name}: ${r.n} images, ${r.figures.length} charts`);
    }
    // accessibility: axe-core's WCAG A/AA rules, at the phone's width
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad)
      fail(`${name}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} elements, e.g. ${v.nodes[0].target})`);
    const minor = axe.violations.length - bad.length;
    console.log(`${name}: axe: ${axe.passes.length} rules passed, ${bad.length} serious/critical, ${minor} minor`);
    await page.close();
  }
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`check_html: ${failures} failures; screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
