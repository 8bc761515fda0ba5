#!/usr/bin/env node
// Drives the extension in a running code-server with headless Chromium
// (playwright-core, Debian's chromium). Started by run.sh; prints one line
// per check and "N passed, N failed"; exit 0 only when all passed.
//   node e2e.js --url http://127.0.0.1:8671/ --folder WORKSPACE --out ARTIFACT_DIR
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const { chromium } = require('playwright-core');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const timeout = Number(args['timeout-ms'] || 60000);
let passed = 0, failed = 0;
const t0 = Date.now();
function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `  (${detail})` : ''}  [${((Date.now() - t0) / 1000).toFixed(1)}s]`);
}

async function waitUntil(fn, ms = timeout, every = 250) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) return null;
    await new Promise(r => setTimeout(r, every));
  }
}

async function quickInput(page) {
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
}

async function openFile(page, name) {
  // A click on the file's row in the Explorer, as a person would.
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first().click();
  // The language shows as Plain Text until the extension host has registered the contributed ones.
  let last = null;
  const lang = await waitUntil(() => page.evaluate(n => {
    const tab = document.querySelector('.tab.active');
    const mode = document.querySelector('[id="status.editor.mode"]');
    return tab && tab.textContent.includes(n) && mode ? mode.textContent.trim() : null;
  }, name).then(l => { last = l || last; return l === 'Amazon States Language' ? l : null; }), 20000);
  return lang || last;
}

async function runCommand(page, title) {
  // Focus the visible text editor (an editor behind another tab is in the DOM too).
  await page.locator('.part.editor .monaco-editor .view-lines >> visible=true').first().click();
  await page.keyboard.press('F1');
  await quickInput(page);
  await page.keyboard.type(title);
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
}

/** "Starting … lsp" lines of the newest VS Code session's logs. */
function serverStarts(logsDir) {
  const fs = require('fs');
  if (!logsDir || !fs.existsSync(logsDir)) return [];
  const sessions = fs.readdirSync(logsDir).sort();
  const lines = [];
  const walk = d => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/ASL Language Server/.test(e.name)) lines.push(...fs.readFileSync(p, 'utf8').split('\n').filter(l => /Starting .* lsp/.test(l)));
    }
  };
  if (sessions.length) walk(path.join(logsDir, sessions[sessions.length - 1]));
  return lines;
}

/** Text content of the ::after decorations in the editor (contentText of decoration types). */
function afterDecorations(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('.monaco-editor .view-lines span')) {
      const c = getComputedStyle(el, '::after').content;
      if (c && c !== 'none' && c !== 'normal') out.push(c.replace(/^"|"$/g, ''));
    }
    return out;
  });
}

(async () => {
  const chromiumPath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const shot = name => page.screenshot({ path: path.join(args.out, name) });
  try {
    const url = new URL(args.url);
    url.searchParams.set('folder', args.folder);
    await page.goto(url.toString(), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
    check('workbench loaded', true);

    // 1. A broken definition: the language, then the diagnostic in the Problems panel.
    const lang = await openFile(page, 'broken.asl.json');
    check('broken.asl.json opens as Amazon States Language', lang === 'Amazon States Language', lang);
    await page.keyboard.press('Control+Shift+M');
    const rows = await waitUntil(() => page.evaluate(() => {
      const r = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map(e => e.getAttribute('aria-label') || e.textContent);
      const squiggles = document.querySelectorAll('.monaco-editor .squiggly-error').length;
      return r.some(x => /ASL100|Missing/.test(x)) && squiggles > 0 ? r : null;
    }));
    check('diagnostic from asl lsp in the Problems panel', !!rows, rows ? rows.filter(r => /Missing/.test(r))[0] : 'no row');
    await shot('1-diagnostics.png');

    // 2. ASL: Simulate on the example (order.input.json + order.mocks.json beside it; two test cases -> pick one).
    const lang2 = await openFile(page, 'order.asl.json');
    check('order.asl.json opens', lang2 === 'Amazon States Language', lang2);
    await page.waitForTimeout(1500); // the server's first diagnostics
    await runCommand(page, 'ASL: Simulate');
    const picker = await waitUntil(() => page.evaluate(() => {
      const w = document.querySelector('.quick-input-widget');
      return w && w.offsetParent !== null && /HappyPath/.test(w.textContent) ? w.textContent : null;
    }), 15000);
    check('test case picker lists the MockConfigFile cases', !!picker && /CardDeclined/.test(picker));
    await page.keyboard.type('HappyPath');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');

    const toast = await waitUntil(() => page.evaluate(() => {
      const t = [...document.querySelectorAll('.notification-toast, .notifications-toasts .monaco-list-row')].map(e => e.textContent).join('\n');
      return /ASL simulation SUCCEEDED/.test(t) ? t.match(/ASL simulation SUCCEEDED.*?express/)[0] : null;
    }), 30000);
    check('final status shown', !!toast, toast || '');

    const trace = await waitUntil(() => page.evaluate(() => {
      // Tree rows of the view (the list renders only the rows in sight: the first events).
      const rows = [...document.querySelectorAll('.monaco-list-row')].map(r => r.textContent.trim());
      return rows.some(r => /ExecutionStarted/.test(r)) && rows.some(r => /▶ Validate/.test(r)) ? rows.filter(r => /▶|◀|Execution|Task/.test(r)) : null;
    }), 15000);
    check('ASL Trace view lists the events', !!trace, trace ? `${trace.length} rows in sight: ${trace.slice(0, 3).join(' / ')}` : 'no rows');

    const decos = await waitUntil(async () => { const d = await afterDecorations(page); return d.some(x => /entered/.test(x)) ? d : null; }, 10000);
    check('state names decorated as entered', !!decos, decos ? decos.filter(x => /entered/.test(x)).slice(0, 3).join(' | ') : '');

    const outputText = await waitUntil(() => page.evaluate(() => {
      const t = [...document.querySelectorAll('.monaco-editor .view-lines')].map(e => e.innerText).join('\n').replace(/\u00a0/g, ' ');
      return /ExecutionSucceeded/.test(t) && /SUCCEEDED, 9 transitions/.test(t) ? t : null;
    }), 10000);
    check('trace streamed to the ASL Simulation output channel', !!outputText);
    await shot('2-simulated.png');

    // 3. Step Forward twice, Step Back once: the status bar follows, the editor highlights the state.
    await runCommand(page, 'ASL: Step Forward');
    await page.waitForTimeout(500);
    await runCommand(page, 'ASL: Step Forward');
    await page.waitForTimeout(500);
    const status2 = await waitUntil(() => page.evaluate(() => {
      const s = [...document.querySelectorAll('.statusbar-item')].map(e => e.textContent).find(t => /ASL \d+\/\d+/.test(t));
      return s && /ASL 2\//.test(s) ? s : null;
    }), 10000);
    check('Step Forward moves through the trace', !!status2, status2 || '');
    await runCommand(page, 'ASL: Step Back');
    const status1 = await waitUntil(() => page.evaluate(() => {
      const s = [...document.querySelectorAll('.statusbar-item')].map(e => e.textContent).find(t => /ASL \d+\/\d+/.test(t));
      return s && /ASL 1\//.test(s) ? s : null;
    }), 10000);
    check('Step Back moves back', !!status1, status1 || '');
    const highlighted = await page.evaluate(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"]').length);
    check('the stepped state is highlighted in the editor', highlighted > 0, `${highlighted} highlighted line(s)`);
    await shot('3-stepped.png');

    // 4. An event row expands to its input, and that to the JSON members.
    const row = page.locator('.monaco-list-row', { hasText: '▶ Charge' }).first();
    await row.locator('.monaco-tl-twistie').click();
    const fields = await waitUntil(() => page.evaluate(() => {
      const rows = [...document.querySelectorAll('.monaco-list-row')].map(r => r.textContent.trim());
      return rows.some(r => /^input/.test(r)) ? rows.filter(r => /^(input|path)/.test(r)) : null;
    }), 10000);
    check('an event row expands to its input', !!fields, fields ? fields.join(' / ').slice(0, 120) : '');
    await shot('4-expanded.png');

    // 5. A definition with errors: no input file beside it -> the input picker; then the server's refusal.
    await openFile(page, 'broken.asl.json');
    await runCommand(page, 'ASL: Simulate');
    const inputPicker = await waitUntil(() => page.evaluate(() => {
      const w = document.querySelector('.quick-input-widget');
      return w && w.offsetParent !== null && /Run with \{\}/.test(w.textContent) ? w.textContent : null;
    }), 15000);
    check('no broken.input.json: asks for the input', !!inputPicker);
    await page.keyboard.type('Run with');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    const refused = await waitUntil(() => page.evaluate(() => {
      const t = [...document.querySelectorAll('.notification-toast, .notifications-toasts .monaco-list-row')].map(e => e.textContent).join('\n');
      const m = t.match(/ASL: cannot simulate[^\n]*?(?=\.monaco|$)/);
      return m ? m[0] : null;
    }), 15000);
    check('a definition with errors is refused with the server message', !!refused, (refused || '').slice(0, 140));
    await shot('5-refused.png');

    // 6. A run that streams 25,000 events (the history limit): the UI keeps up and shows the end.
    await openFile(page, 'loop.asl.json');
    await runCommand(page, 'ASL: Simulate');
    const t1 = Date.now();
    const big = await waitUntil(() => page.evaluate(() => {
      const t = [...document.querySelectorAll('.notification-toast, .notifications-toasts .monaco-list-row')].map(e => e.textContent).join('\n');
      const m = t.match(/ASL simulation FAILED, \d+ transitions, 25000 events.*?States\.Runtime/);
      return m ? m[0] : null;
    }), 90000);
    check('a 25,000-event run streams through and ends FAILED (history limit)', !!big, big ? `${((Date.now() - t1) / 1000).toFixed(1)}s: ${big}` : '');
    const loopDeco = await afterDecorations(page);
    check('the loop states show their entry counts', loopDeco.some(x => /entered 6250×/.test(x)), loopDeco.filter(x => /entered/.test(x)).join(' | '));
    await shot('6-big-run.png');
    await runCommand(page, 'ASL: Cancel Simulation');
    const none = await waitUntil(() => page.evaluate(() =>
      /no simulation is running/.test([...document.querySelectorAll('.notification-toast')].map(e => e.textContent).join('\n'))), 10000);
    check('ASL: Cancel Simulation with nothing running says so', !!none);

    // 7. ASL: Restart Server: a new process, diagnostics again.
    await runCommand(page, 'ASL: Restart Server');
    const restarted = await waitUntil(() => page.evaluate(() =>
      [...document.querySelectorAll('.statusbar-item')].some(e => /language server restarted/.test(e.textContent))), 20000);
    check('ASL: Restart Server reports the restart', !!restarted);
    // The extension logs each server start in its "ASL Language Server" channel; VS Code
    // writes the channel under this session's log folder: the first start + the restart.
    const starts = await waitUntil(async () => {
      const lines = serverStarts(args.logs);
      return lines.length === 2 ? lines : null;
    }, 15000);
    check('a new server process after the restart', !!starts, starts ? starts[1] : `${serverStarts(args.logs).length} start(s) logged`);
  } catch (e) {
    check('no unexpected error', false, String(e && e.message || e).slice(0, 300));
    await shot('failure.png').catch(() => {});
  }
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
