import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  ConfigReader, DEFAULT_DEBOUNCE_MS, expandConfiguredPath, readSettings, resolveServer, ServerLookup,
  serverSettings, settingsChange,
} from '../../src/core/settings';

/** A WorkspaceConfiguration stand-in: `get` of a flat key map. */
function config(values: Record<string, unknown>): ConfigReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('readSettings', () => {
  it('gives the defaults when nothing is set', () => {
    assert.deepEqual(readSettings(config({})), {
      path: '', workflowType: 'STANDARD', disabledCodes: [], debounceMs: DEFAULT_DEBOUNCE_MS, traceServer: 'off',
    });
  });

  const cases: { name: string; in: Record<string, unknown>; want: Partial<ReturnType<typeof readSettings>> }[] = [
    { name: 'express in any case', in: { workflowType: 'express' }, want: { workflowType: 'EXPRESS' } },
    { name: 'unknown workflow type falls back', in: { workflowType: 'BATCH' }, want: { workflowType: 'STANDARD' } },
    { name: 'workflow type of the wrong JSON type', in: { workflowType: 7 }, want: { workflowType: 'STANDARD' } },
    { name: 'codes trimmed, upper-cased, deduplicated', in: { disabledCodes: [' asl130', 'ASL130', 'ASL200', 3, null, ''] }, want: { disabledCodes: ['ASL130', 'ASL200'] } },
    { name: 'codes not an array', in: { disabledCodes: 'ASL130' }, want: { disabledCodes: [] } },
    { name: 'debounce rounded', in: { debounceMs: 120.6 }, want: { debounceMs: 121 } },
    { name: 'debounce zero allowed', in: { debounceMs: 0 }, want: { debounceMs: 0 } },
    { name: 'negative debounce ignored', in: { debounceMs: -5 }, want: { debounceMs: DEFAULT_DEBOUNCE_MS } },
    { name: 'NaN debounce ignored', in: { debounceMs: Number.NaN }, want: { debounceMs: DEFAULT_DEBOUNCE_MS } },
    { name: 'string debounce ignored', in: { debounceMs: '100' }, want: { debounceMs: DEFAULT_DEBOUNCE_MS } },
    { name: 'trace verbose', in: { 'trace.server': 'verbose' }, want: { traceServer: 'verbose' } },
    { name: 'trace nonsense', in: { 'trace.server': 'loud' }, want: { traceServer: 'off' } },
    { name: 'path trimmed', in: { path: '  /opt/asl  ' }, want: { path: '/opt/asl' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = readSettings(config(c.in));
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(got[k as keyof typeof got], v, k);
    });
  }
});

describe('serverSettings (initializationOptions and didChangeConfiguration)', () => {
  it('sends the server keys under "asl" and keeps client-only keys out', () => {
    const s = readSettings(config({ path: '/x/asl', workflowType: 'EXPRESS', disabledCodes: ['ASL130'], debounceMs: 10, 'trace.server': 'verbose' }));
    assert.deepEqual(serverSettings(s), { asl: { workflowType: 'EXPRESS', disabledCodes: ['ASL130'], debounceMs: 10 } });
  });

  it('copies the code list (later edits do not leak into a sent message)', () => {
    const s = readSettings(config({ disabledCodes: ['ASL1'] }));
    const sent = serverSettings(s);
    s.disabledCodes.push('ASL2');
    assert.deepEqual(sent.asl.disabledCodes, ['ASL1']);
  });
});

describe('settingsChange', () => {
  const base = readSettings(config({}));
  it('restarts when the binary changes', () => {
    assert.equal(settingsChange(base, { ...base, path: '/other/asl' }), 'restart');
  });
  it('notifies when a server setting changes', () => {
    assert.equal(settingsChange(base, { ...base, workflowType: 'EXPRESS' }), 'notify');
    assert.equal(settingsChange(base, { ...base, disabledCodes: ['ASL1'] }), 'notify');
    assert.equal(settingsChange(base, { ...base, debounceMs: 5 }), 'notify');
  });
  it('does nothing for the trace level (the client library handles it) or no change', () => {
    assert.equal(settingsChange(base, { ...base, traceServer: 'verbose' }), 'none');
    assert.equal(settingsChange(base, { ...base }), 'none');
  });
});

describe('resolveServer', () => {
  function lookup(executables: string[], over: Partial<ServerLookup> = {}): ServerLookup {
    return {
      extensionPath: '/ext',
      workspaceFolders: ['/ws'],
      envPath: '/usr/local/bin:/usr/bin',
      platform: 'linux',
      homeDir: '/home/me',
      isExecutable: f => executables.includes(f),
      ...over,
    };
  }

  it('prefers asl on PATH, in PATH order', () => {
    const r = resolveServer('', lookup(['/usr/bin/asl', '/usr/local/bin/asl', '/ext/bin/asl']));
    assert.deepEqual([r.command, r.source], ['/usr/local/bin/asl', 'PATH']);
  });

  it('then the bundled binary, then the workspace bin/asl', () => {
    assert.deepEqual(resolveServer('', lookup(['/ext/bin/asl', '/ws/bin/asl'])).command, '/ext/bin/asl');
    const r = resolveServer('', lookup(['/ws/bin/asl']));
    assert.deepEqual([r.command, r.source], ['/ws/bin/asl', 'workspace']);
    assert.deepEqual(r.tried, ['/usr/local/bin/asl', '/usr/bin/asl', '/ext/bin/asl', '/ws/bin/asl']);
  });

  it('reports every place it looked when nothing is found', () => {
    const r = resolveServer('', lookup([], { workspaceFolders: ['/a', '/b'] }));
    assert.equal(r.command, undefined);
    assert.equal(r.source, 'none');
    assert.deepEqual(r.tried, ['/usr/local/bin/asl', '/usr/bin/asl', '/ext/bin/asl', '/a/bin/asl', '/b/bin/asl']);
  });

  it('skips empty PATH entries', () => {
    const r = resolveServer('', lookup([], { envPath: ':/bin::' }));
    assert.deepEqual(r.tried.slice(0, 1), ['/bin/asl']);
  });

  it('uses asl.path as a file when it has a separator, without falling back', () => {
    const ok = resolveServer('/opt/asl', lookup(['/opt/asl', '/usr/bin/asl']));
    assert.deepEqual([ok.command, ok.source], ['/opt/asl', 'setting']);
    const missing = resolveServer('/opt/asl', lookup(['/usr/bin/asl']));
    assert.deepEqual([missing.command, missing.source, missing.tried], [undefined, 'none', ['/opt/asl']]);
  });

  it('looks a bare asl.path name up on PATH', () => {
    const r = resolveServer('asl-dev', lookup(['/usr/bin/asl-dev']));
    assert.deepEqual([r.command, r.source], ['/usr/bin/asl-dev', 'setting']);
  });

  it('expands ~, ${workspaceFolder} and workspace-relative paths', () => {
    const l = lookup([]);
    assert.equal(expandConfiguredPath('~/go/bin/asl', l), path.join('/home/me', 'go/bin/asl'));
    assert.equal(expandConfiguredPath('${workspaceFolder}/bin/asl', l), '/ws/bin/asl');
    assert.equal(expandConfiguredPath('bin/asl', l), '/ws/bin/asl');
    assert.equal(expandConfiguredPath('bin/asl', { workspaceFolders: [], homeDir: '/h' }), 'bin/asl');
    assert.equal(resolveServer('bin/asl', lookup(['/ws/bin/asl'])).command, '/ws/bin/asl');
  });

  it('uses asl.exe and ; on Windows', () => {
    const r = resolveServer('', lookup(['C:\\tools/asl.exe'], { platform: 'win32', envPath: 'C:\\tools;C:\\other' }));
    assert.equal(r.command, path.join('C:\\tools', 'asl.exe'));
  });
});
