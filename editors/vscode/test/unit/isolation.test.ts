// The pure modules must load without VS Code (only the extension host has
// the `vscode` module), and package.json must contribute what the code uses.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DEBOUNCE_MS } from '../../src/core/settings';

const root = path.resolve(__dirname, '../../..'); // editors/vscode (this file runs from out/test/unit)
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('isolation from vscode', () => {
  const coreDir = path.join(root, 'out/src/core');
  const files = fs.readdirSync(coreDir).filter(f => f.endsWith('.js'));

  it('finds the compiled core modules', () => {
    assert.deepEqual(files.sort(), ['files.js', 'settings.js', 'trace.js']);
  });

  for (const f of files) {
    it(`${f} requires only Node built-ins and other core modules`, () => {
      const text = fs.readFileSync(path.join(coreDir, f), 'utf8');
      const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]);
      for (const r of required) assert.ok(r.startsWith('./') || ['path', 'node:path'].includes(r), `${f} requires ${r}`);
    });
  }
});

describe('package.json contributions', () => {
  const extensionSource = fs.readFileSync(path.join(root, 'src/extension.ts'), 'utf8');
  const registered = [...extensionSource.matchAll(/reg\('([^']+)'/g)].map(m => m[1]).sort();
  const contributed = (pkg.contributes.commands as { command: string }[]).map(c => c.command).sort();

  it('contributes exactly the commands the extension registers', () => {
    assert.deepEqual(contributed, registered);
    assert.ok(registered.length >= 5);
  });

  it('keeps VS Code command ids apart from the server commands the client registers itself', () => {
    for (const id of registered) assert.ok(!['asl.simulate', 'asl.simulate.cancel'].includes(id), id);
  });

  it('names the commands as the palette shows them', () => {
    const titles = (pkg.contributes.commands as { title: string; category: string }[]).map(c => `${c.category}: ${c.title}`);
    for (const t of ['ASL: Simulate', 'ASL: Cancel Simulation', 'ASL: Step Forward', 'ASL: Step Back', 'ASL: Restart Server']) {
      assert.ok(titles.includes(t), t);
    }
  });

  it('menus and keybindings only name contributed commands', () => {
    const used: string[] = (pkg.contributes.keybindings as { command: string }[]).map(k => k.command);
    for (const list of Object.values(pkg.contributes.menus) as { command: string }[][]) used.push(...list.map(m => m.command));
    for (const id of used) assert.ok(contributed.includes(id), id);
  });

  it('declares the settings the code reads, with matching defaults', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['asl.debounceMs', 'asl.disabledCodes', 'asl.path', 'asl.trace.server', 'asl.workflowType']);
    assert.equal(props['asl.debounceMs'].default, DEFAULT_DEBOUNCE_MS);
    assert.equal(props['asl.workflowType'].default, 'STANDARD');
    assert.deepEqual(props['asl.disabledCodes'].default, []);
    assert.equal(props['asl.path'].default, '');
  });

  it('activates on both languages and maps the file extensions', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:asl'));
    assert.ok(pkg.activationEvents.includes('onLanguage:asl-yaml'));
    const langs = Object.fromEntries((pkg.contributes.languages as { id: string; extensions: string[] }[]).map(l => [l.id, l.extensions]));
    assert.deepEqual(langs, { asl: ['.asl.json', '.asl.json5'], 'asl-yaml': ['.asl.yaml', '.asl.yml'] });
  });

  it('points at files that exist', () => {
    const files = [pkg.main.replace(/^\.\//, ''),
      ...pkg.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path)];
    for (const f of files) assert.ok(fs.existsSync(path.join(root, f)), f);
    for (const f of files.filter(f => f.endsWith('.json'))) JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
  });
});
