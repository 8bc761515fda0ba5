// The extension's pure parts against a real `asl lsp`: the settings it
// sends, the simulate arguments it builds, and the trace model fed with what
// the server streams. Needs the binary: ASL_BIN, else <repo>/bin/asl
// (`make build`); skipped with a message when neither exists.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chooseInput, simulateParams } from '../../src/core/files';
import { readSettings, serverSettings } from '../../src/core/settings';
import { RunRegistry, SimulationDone, SimulationEventParams, stateVisits } from '../../src/core/trace';
import { LspClient } from './lspClient';

const repo = path.resolve(__dirname, '../../../../..'); // out/test/unit -> repo root
const bin = process.env.ASL_BIN || path.join(repo, 'bin/asl');
const examples = path.join(repo, 'docs/examples');
const have = fs.existsSync(bin) && fs.existsSync(path.join(examples, 'order.asl.json'));
const skip = have ? false : `no asl binary at ${bin} (run \`make build\` or set ASL_BIN)`;
const uriOf = (p: string) => pathToFileURL(p).toString();

describe('against asl lsp', { skip }, () => {
  let client: LspClient;
  const runs = new RunRegistry();

  before(async () => {
    client = new LspClient(bin, ['lsp']);
    const settings = readSettings({ get: <T>(k: string) => ({ disabledCodes: ['asl999'], workflowType: 'standard' } as Record<string, unknown>)[k] as T });
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: serverSettings(settings) });
    assert.deepEqual(init.capabilities.executeCommandProvider.commands.sort(), ['asl.simulate', 'asl.simulate.cancel']);
    client.notify('initialized', {});
  });

  after(async () => { await client?.close(); });

  function collect(): void {
    for (const m of client.notifications.splice(0)) {
      if (m.method === 'asl/simulationEvent') runs.onEvent(m.params as SimulationEventParams);
      if (m.method === 'asl/simulationDone') runs.onDone(m.params as SimulationDone);
    }
  }

  it('reports a diagnostic for a broken definition, then none after a disabledCodes change', async () => {
    const uri = 'file:///virtual/bad.asl.json';
    const text = '{\n  "StartAt": "Missing",\n  "States": {\n    "A": {"Type": "Pass", "End": true}\n  }\n}\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'asl', version: 1, text } });
    const first = await client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    assert.deepEqual(first.params.diagnostics.map((d: any) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['ASL100 1:13']);
    const code = first.params.diagnostics[0].code;
    const s = readSettings({ get: <T>(k: string) => ({ disabledCodes: [code.toLowerCase()] } as Record<string, unknown>)[k] as T });
    client.notifications.length = 0;
    client.notify('workspace/didChangeConfiguration', { settings: serverSettings(s) });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + ' ' }] });
    const second = await client.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2);
    assert.deepEqual(second.params.diagnostics, []);
  });

  it('simulates with the arguments the extension builds and fills the trace model', async () => {
    const def = path.join(examples, 'order.asl.json');
    const exists = (p: string) => fs.existsSync(p);
    const input = chooseInput(def, exists);
    assert.deepEqual(input, { kind: 'file', path: path.join(examples, 'order.input.json') });
    const runId = runs.newRunId();
    const params = simulateParams({ uri: uriOf(def), definitionPath: def, input, runId, express: false, exists, toUri: uriOf });
    assert.equal(params.mockConfigUri, uriOf(path.join(examples, 'order.mocks.json')));
    const model = runs.begin(runId, params.uri);
    const res = await client.request('workspace/executeCommand', { command: 'asl.simulate', arguments: [{ ...params, testCase: 'HappyPath' }] });
    assert.deepEqual(res, { runId });
    await client.waitFor(m => m.method === 'asl/simulationDone' && m.params.runId === runId);
    collect();
    assert.equal(model.done?.status, 'SUCCEEDED', JSON.stringify(model.done));
    assert.equal(model.events.length, model.done?.events);
    assert.deepEqual(model.events.map(e => e.id), model.events.map((_, i) => i + 1));
    assert.deepEqual(stateVisits(model.events).map(v => `${v.name}×${v.entered}`), ['Validate×1', 'Charge×1', 'Ship×1', 'Label×3', 'WaitForCourier×1', 'Done×1']);
    for (const ev of model.events.filter(e => e.range)) assert.equal(ev.uri, params.uri);
    // The recorded fixture has the same events (the order of interleaved Map
    // iterations may change with the simulator); regenerate it with
    // test/fixtures/capture.js when this fails.
    const fixture = JSON.parse(fs.readFileSync(path.join(repo, 'editors/vscode/test/fixtures/order-happy.run.json'), 'utf8'));
    assert.deepEqual(model.events.map(e => e.type).sort(), fixture.notifications.map((n: SimulationEventParams) => n.event.type).sort());
  });

  it('refuses to simulate a definition with errors (the extension shows the message)', async () => {
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'asl.simulate', arguments: [{ uri: 'file:///virtual/bad.asl.json', runId: runs.newRunId() }] }),
      (e: Error & { code?: number }) => e.code === -32602 && /ASL100|Missing|2:14/.test(e.message) || assert.fail(`${(e as any).code} ${e.message}`),
    );
  });

  it('cancels a long run: asl.simulate.cancel answers and the run ends ABORTED', async () => {
    // A Wait loop long enough to still be running when the cancel arrives.
    const uri = 'file:///virtual/loop.asl.json';
    const text = JSON.stringify({
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 60, Next: 'Again' },
        Again: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'W' },
        Done: { Type: 'Succeed' },
      },
    }, null, 2);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'asl', version: 1, text } });
    const runId = runs.newRunId();
    const model = runs.begin(runId, uri);
    await client.request('workspace/executeCommand', { command: 'asl.simulate', arguments: [{ uri, input: {}, runId }] });
    const res = await client.request('workspace/executeCommand', { command: 'asl.simulate.cancel', arguments: [{ runId }] });
    await client.waitFor(m => m.method === 'asl/simulationDone' && m.params.runId === runId, 30000);
    collect();
    if (res.cancelled) assert.equal(model.done?.status, 'ABORTED');
    else assert.notEqual(model.done?.status, undefined, 'the run ended before the cancel');
    assert.ok(model.events.length > 0);
  });
});
