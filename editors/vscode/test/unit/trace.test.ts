// The trace model on recorded server output (test/fixtures/*.run.json,
// written by test/fixtures/capture.js from a real `asl lsp` run of
// docs/examples/order.asl.json).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  eventFields, formatDone, formatSeconds, formatUSD, jsonNode, nameRange, RunRegistry, SimEvent, SimulationDone, SimulationEventParams,
  stateNameOf, stateVisits, summarize, TraceModel, TraceNode, visitLabel,
} from '../../src/core/trace';

interface Recorded { notifications: SimulationEventParams[]; done: SimulationDone }

// Compiled to out/test/unit: the fixtures stay in the source tree.
const fixtures = path.resolve(__dirname, '../../../test/fixtures');
function load(name: string): Recorded {
  return JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.run.json`), 'utf8')) as Recorded;
}
const DOC = 'file:///DOCS/order.asl.json';

function modelOf(rec: Recorded): TraceModel {
  const m = new TraceModel(rec.done.runId, DOC);
  for (const n of rec.notifications) m.add(n.seq, n.event);
  m.finish(rec.done);
  return m;
}

/** The tree drawn as indented lines, children to the given depth. */
function draw(nodes: TraceNode[], depth: number, indent = ''): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    out.push(`${indent}${n.label}${n.description ? ` | ${n.description}` : ''}`);
    if (depth > 0) out.push(...draw(n.children, depth - 1, indent + '  '));
  }
  return out;
}

describe('summarize', () => {
  const happy = load('order-happy').notifications.map(n => n.event);
  it('labels state events by state and the others by type', () => {
    const lines = happy.slice(0, 16).map(e => { const s = summarize(e); return `${s.kind} ${s.label} | ${s.description}`; });
    assert.deepEqual(lines, [
      'execution ExecutionStarted | +00:00:00.000',
      'entered ▶ Validate | +00:00:00.000  ChoiceStateEntered',
      'exited ◀ Validate | +00:00:00.000  ChoiceStateExited',
      'entered ▶ Charge | +00:00:00.000  TaskStateEntered',
      'other TaskScheduled Charge | +00:00:00.000',
      'other TaskStarted Charge | +00:00:00.000',
      'failed TaskFailed Charge | +00:00:00.000',
      'other TaskScheduled Charge (attempt 2) | +00:00:02.000',
      'other TaskStarted Charge (attempt 2) | +00:00:02.000',
      'succeeded TaskSucceeded Charge (attempt 2) | +00:00:02.000',
      'exited ◀ Charge | +00:00:02.000  TaskStateExited',
      'entered ▶ Ship | +00:00:02.000  MapStateEntered',
      'other MapStateStarted Ship | +00:00:02.000',
      'other MapIterationStarted | +00:00:02.000  Ship/iter[0]',
      'other MapIterationStarted | +00:00:02.000  Ship/iter[1]',
      'entered ▶ Label | +00:00:02.000  Ship/iter[0]  PassStateEntered',
    ]);
  });

  it('classifies the end of an execution', () => {
    assert.equal(summarize({ id: 9, type: 'ExecutionSucceeded' }).kind, 'succeeded');
    assert.equal(summarize({ id: 9, type: 'ExecutionFailed' }).kind, 'failed');
    assert.equal(summarize({ id: 9, type: 'ExecutionTimedOut' }).kind, 'failed');
    assert.equal(summarize({ id: 9, type: 'ExecutionAborted' }).kind, 'failed');
  });

  it('has no state name for an event without a range', () => {
    assert.equal(stateNameOf({ id: 1, type: 'MapIterationStarted', mapIterationStartedEventDetails: { name: 'Ship', index: 0 }, 'x-sim': { path: 'Ship/iter[0]' } }), undefined);
  });
});

describe('event fields', () => {
  const happy = load('order-happy').notifications.map(n => n.event);
  it('parses input/output text as JSON and lists error, cause, effective input and result', () => {
    const fields = (i: number) => draw(eventFields(happy[i], i), 0);
    assert.deepEqual(fields(1), [
      'input | {"order":{"id":"o-1001","items":[{"sku":"book-17"},{"sku":"…',
      'path | Validate',
    ]);
    assert.deepEqual(fields(6), [
      'cause | "Rate exceeded"',
      'error | "Lambda.TooManyRequestsException"',
      'resource | "invoke"',
      'resourceType | "lambda"',
      'path | Charge',
    ]);
    assert.deepEqual(fields(10).filter(l => /^(output|result)/.test(l)), [
      'output | {"order":{"id":"o-1001","items":[{"sku":"book-17"},{"sku":"…',
      'result | {"Payload":{"chargeId":"ch_7731"},"StatusCode":200}',
    ]);
  });

  it('expands JSON by key and index', () => {
    const input = eventFields(happy[1], 1)[0];
    assert.deepEqual(draw([input], 4), [
      'input | {"order":{"id":"o-1001","items":[{"sku":"book-17"},{"sku":"…',
      '  order | {"id":"o-1001","items":[{"sku":"book-17"},{"sku":"pen-03"},…',
      '    id | "o-1001"',
      '    items | [3]',
      '      [0] | {"sku":"book-17"}',
      '        sku | "book-17"',
      '      [1] | {"sku":"pen-03"}',
      '        sku | "pen-03"',
      '      [2] | {"sku":"mug-11"}',
      '        sku | "mug-11"',
      '    total | 42.5',
    ]);
    assert.equal(input.children[0].children[1].children[0].id, 'e1/input/order/items/[0]');
    assert.equal(input.children[0].children[1].children[0].eventIndex, 1);
  });

  it('keeps text that is not JSON as a string', () => {
    const ev: SimEvent = { id: 1, type: 'PassStateExited', stateExitedEventDetails: { name: 'P', output: 'not json{' } };
    assert.deepEqual(draw(eventFields(ev, 0), 1), ['output | "not json{"']);
  });

  it('shows null, empty containers and long scalars', () => {
    assert.deepEqual(draw([jsonNode('x', 'v', null)], 1), ['v | null']);
    assert.deepEqual(draw([jsonNode('x', 'v', [])], 1), ['v | [0]']);
    assert.deepEqual(draw([jsonNode('x', 'v', {})], 1), ['v | {}']);
    assert.equal(jsonNode('x', 'v', 'a'.repeat(100)).description!.length, 60);
  });
});

describe('TraceModel tree', () => {
  it('has one node per event and the result last', () => {
    const m = modelOf(load('order-rejected'));
    assert.deepEqual(draw(m.tree(), 0), [
      'ExecutionStarted | +00:00:00.000',
      '▶ Validate | +00:00:00.000  ChoiceStateEntered',
      '◀ Validate | +00:00:00.000  ChoiceStateExited',
      '▶ Rejected | +00:00:00.000  FailStateEntered',
      'ExecutionFailed | +00:00:00.000',
      'FAILED | 2 transitions, 5 events, 0s virtual, ~$0.00005 standard / $0.0000011 express: OrderRejected (The order has no items or a zero total.)',
    ]);
    const done = m.tree().at(-1)!;
    assert.equal(done.expanded, true);
    assert.equal(done.icon, 'error');
    assert.deepEqual(draw(done.children, 0), [
      'error | OrderRejected',
      'cause | The order has no items or a zero total.',
      'cost (USD) | {"standardUSD":0.00005,"expressUSD":0.0000011041875}',
    ]);
  });

  it('shows the output of a successful run and a running marker before the end', () => {
    const rec = load('order-happy');
    const m = new TraceModel('r', DOC);
    m.add(1, rec.notifications[0].event);
    assert.deepEqual(draw(m.tree(), 0), ['ExecutionStarted | +00:00:00.000', 'running…']);
    assert.equal(m.running, true);
    m.finish(rec.done);
    assert.equal(m.running, false);
    const done = m.tree().at(-1)!;
    assert.equal(done.icon, 'pass-filled');
    assert.deepEqual(draw(done.children, 1).slice(0, 5), [
      'output | {"chargeId":"ch_7731","labels":["o-1001/book-17","o-1001/pe…',
      '  chargeId | "ch_7731"',
      '  labels | [3]',
      '  orderId | "o-1001"',
      'cost (USD) | {"standardUSD":0.00022500000000000002,"expressUSD":0.090021…',
    ]);
  });

  it('keeps seq order when notifications arrive out of order, and replaces a repeated seq', () => {
    const rec = load('order-rejected');
    const m = new TraceModel('r', DOC);
    for (const i of [2, 0, 4, 1, 3]) m.add(rec.notifications[i].seq, rec.notifications[i].event);
    assert.deepEqual(m.events.map(e => e.id), [1, 2, 3, 4, 5]);
    m.add(3, { ...rec.notifications[2].event, type: 'Replaced' });
    assert.deepEqual(m.events.map(e => e.type)[2], 'Replaced');
    assert.equal(m.events.length, 5);
  });

  it('builds each event node once, and again only from a late insertion on', () => {
    const rec = load('order-happy');
    const m = new TraceModel('r', DOC);
    for (const n of rec.notifications.slice(0, 10)) m.add(n.seq, n.event);
    const first = m.tree();
    for (const n of rec.notifications.slice(11, 20)) m.add(n.seq, n.event);
    const second = m.tree();
    assert.equal(second[3], first[3], 'node reused');
    m.add(rec.notifications[10].seq, rec.notifications[10].event); // seq 11 arrives late
    const third = m.tree();
    assert.equal(third[9], second[9], 'nodes before the insertion reused');
    assert.deepEqual(third.slice(0, -1).map(n => n.id), m.events.map((_, i) => `e${i}`));
    assert.equal(third[10].label, summarize(rec.notifications[10].event).label);
    assert.equal(third[11].label, summarize(rec.notifications[11].event).label);
    m.add(5, { ...rec.notifications[4].event, type: 'Replaced' });
    assert.equal(m.tree()[4].label, 'Replaced Charge');
  });

  it('handles a run of 25,000 events (the history limit) in reasonable steps', () => {
    const base = load('order-happy').notifications;
    const m = new TraceModel('big', DOC);
    for (let seq = 1; seq <= 25000; seq++) {
      m.add(seq, base[(seq - 1) % base.length].event);
      if (seq % 1000 === 0) m.tree(); // the view refreshes while events stream in
    }
    assert.equal(m.tree().length, 25001);
    assert.equal(stateVisits(m.events).find(v => v.name === 'Label')!.entered, Math.floor(25000 / base.length) * 3);
  });

  it('writes the transcript from the server text lines and the result', () => {
    const m = modelOf(load('order-rejected'));
    assert.deepEqual(m.transcript(), [
      '+00:00:00.000 ExecutionStarted',
      '+00:00:00.000 ChoiceStateEntered "Validate"',
      '+00:00:00.000 ChoiceStateExited "Validate" output={"order":{"id":"o-1","items":[],"total":0}}',
      '+00:00:00.000 FailStateEntered "Rejected"',
      '+00:00:00.000 ExecutionFailed error="OrderRejected" cause="The order has no items or a zero total."',
      'FAILED, 2 transitions, 5 events, 0s virtual, ~$0.00005 standard / $0.0000011 express: OrderRejected (The order has no items or a zero total.)',
    ]);
  });
});

describe('stepping', () => {
  it('walks the events that have a range, forward then back, and stops at both ends', () => {
    const m = modelOf(load('order-rejected'));
    assert.deepEqual(m.stops(), [1, 2, 3]);
    assert.equal(m.current(), undefined);
    assert.equal(m.position(), '0/3');
    assert.equal(m.stepBack(), undefined);
    assert.equal(m.stepForward(), 1);
    assert.equal(m.current()!.type, 'ChoiceStateEntered');
    assert.equal(m.position(), '1/3');
    assert.equal(m.stepForward(), 2);
    assert.equal(m.stepForward(), 3);
    assert.equal(m.stepForward(), undefined, 'ExecutionFailed has no range');
    assert.equal(m.cursor, 3);
    assert.equal(m.stepBack(), 2);
    assert.equal(m.stepBack(), 1);
    assert.equal(m.stepBack(), undefined);
    assert.equal(m.cursor, 1);
  });

  it('skips the Map iteration events (no range) in the happy run', () => {
    const m = modelOf(load('order-happy'));
    const visited: string[] = [];
    for (let i = m.stepForward(); i !== undefined; i = m.stepForward()) visited.push(`${m.events[i].id}`);
    assert.equal(visited.length, 24);
    assert.deepEqual(visited, m.events.filter(e => e.range).map(e => `${e.id}`));
    const skipped = m.events.filter(e => !visited.includes(`${e.id}`)).map(e => e.type);
    assert.deepEqual([...new Set(skipped)].sort(), ['ExecutionStarted', 'ExecutionSucceeded', 'MapIterationStarted', 'MapIterationSucceeded']);
    assert.equal(m.position(), '24/24');
  });

  it('moveTo puts the cursor on any event; a cursor past new events still steps', () => {
    const rec = load('order-rejected');
    const m = new TraceModel('r', DOC);
    m.add(1, rec.notifications[0].event);
    m.add(2, rec.notifications[1].event);
    assert.equal(m.stepForward(), 1);
    assert.equal(m.stepForward(), undefined);
    m.add(3, rec.notifications[2].event); // the run goes on while stepping
    assert.equal(m.stepForward(), 2);
    assert.equal(m.moveTo(0)!.type, 'ExecutionStarted');
    assert.equal(m.moveTo(99), undefined);
    assert.equal(m.cursor, 0);
    assert.equal(m.stepForward(), 1);
  });

  it('keeps the cursor on its event when an earlier seq arrives late', () => {
    const rec = load('order-rejected');
    const m = new TraceModel('r', DOC);
    m.add(1, rec.notifications[0].event);
    m.add(3, rec.notifications[2].event);
    m.stepForward();
    assert.equal(m.current()!.id, 3);
    m.add(2, rec.notifications[1].event);
    assert.equal(m.current()!.id, 3);
  });
});

describe('stateVisits (editor decorations)', () => {
  it('counts entries per state and clears a retried failure', () => {
    const v = stateVisits(modelOf(load('order-happy')).events);
    assert.deepEqual(v.map(s => `${s.name} ${s.entered} ${s.failed ? 'failed' : 'ok'} ${s.lastElapsed} @${s.range.start.line}`), [
      'Validate 1 ok +00:00:00.000 @4',
      'Charge 1 ok +00:00:02.000 @17',
      'Ship 1 ok +00:00:02.000 @44',
      'Label 3 ok +00:00:02.000 @57',
      'WaitForCourier 1 ok +24:00:02.000 @70',
      'Done 1 ok +24:00:02.000 @75',
    ]);
  });

  it('marks the state an execution failed in', () => {
    const v = stateVisits(modelOf(load('order-rejected')).events);
    assert.deepEqual(v.map(s => `${s.name} ${s.failed}`), ['Validate false', 'Rejected true']);
    assert.deepEqual(v.map(visitLabel), ['✓ entered 1× +00:00:00.000', '✗ entered 1× +00:00:00.000']);
  });

  it('does not blame a state the execution had left (a limit reached between states)', () => {
    const events = load('order-rejected').notifications.map(n => n.event).slice(0, 3); // up to Validate exited
    const v = stateVisits([...events, { id: 9, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Runtime' } }]);
    assert.deepEqual(v.map(s => `${s.name} ${s.failed}`), ['Validate false']);
  });

  it('labels a visit without a time', () => {
    const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(visitLabel({ uri: DOC, range: r, name: 'X', entered: 3, failed: false }), '✓ entered 3×');
  });

  it('marks a state failed until it recovers', () => {
    const events = load('order-happy').notifications.map(n => n.event);
    assert.equal(stateVisits(events.slice(0, 7)).find(s => s.name === 'Charge')!.failed, true);
    assert.equal(stateVisits(events.slice(0, 10)).find(s => s.name === 'Charge')!.failed, false);
  });

  it('ignores events of states never entered (a trace that starts mid-way)', () => {
    const events = load('order-happy').notifications.map(n => n.event);
    assert.deepEqual(stateVisits(events.slice(4, 8)), []);
  });
});

describe('nameRange', () => {
  const r = { start: { line: 4, character: 4 }, end: { line: 16, character: 5 } };
  const cases: [string, string, string, number][] = [
    ['JSON key', '    "Validate": {', 'Validate', 14],
    ['JSON key with escapes', '    "Say \\"hi\\"": {', 'Say "hi"', 4 + JSON.stringify('Say "hi"').length],
    ['YAML plain key', '    Validate:', 'Validate', 12],
    ['YAML single-quoted key', "    'It''s': x", "It's", 11],
    ['not there: the rest of the first line', '    Other: {', 'Validate', 12],
  ];
  for (const [name, line, state, endChar] of cases) {
    it(name, () => assert.deepEqual(nameRange(r, state, line), { start: r.start, end: { line: 4, character: endChar } }));
  }
  it('a one-line range ends where the range ends', () => {
    const one = { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } };
    assert.deepEqual(nameRange(one, 'X', '  {abcdef} tail'), { start: one.start, end: { line: 2, character: 9 } });
  });
});

describe('formatDone', () => {
  it('formats success without error text', () => {
    assert.equal(formatDone({ runId: 'r', status: 'SUCCEEDED', transitions: 1, events: 4, virtualSeconds: 0 }), 'SUCCEEDED, 1 transition, 4 events, 0s virtual');
  });
  it('formats an abort with only a cause', () => {
    assert.equal(formatDone({ runId: 'r', status: 'ABORTED', cause: 'cancelled' }), 'ABORTED: (cancelled)');
  });
});

describe('RunRegistry', () => {
  const rec = load('order-rejected');

  it('routes notifications to the run with that id', () => {
    const reg = new RunRegistry();
    const id = reg.newRunId(0);
    assert.equal(id, 'vscode-0-1');
    assert.notEqual(reg.newRunId(0), id, 'ids are unique');
    const m = reg.begin(id, DOC);
    assert.equal(reg.latest, m);
    for (const n of rec.notifications) assert.equal(reg.onEvent({ ...n, runId: id }), m);
    assert.equal(reg.onDone({ ...rec.done, runId: id }), m);
    assert.equal(m.events.length, 5);
    assert.equal(m.done!.status, 'FAILED');
    assert.equal(reg.get(id), m);
    const running = reg.begin('still-running', DOC);
    reg.begin('third', DOC);
    assert.equal(reg.get(id), undefined, 'a finished run is dropped when another begins');
    assert.equal(reg.get('still-running'), running, 'a running one is kept for its remaining notifications');
  });

  it('buffers notifications that arrive before the run is known', () => {
    const reg = new RunRegistry();
    for (const n of rec.notifications) assert.equal(reg.onEvent(n), undefined);
    assert.equal(reg.onDone(rec.done), undefined);
    const m = reg.begin(rec.done.runId, DOC);
    assert.equal(m.events.length, 5);
    assert.equal(m.done!.status, 'FAILED');
  });

  it('moves a run to the id the server answered with', () => {
    const reg = new RunRegistry();
    const mine = reg.begin('mine', DOC);
    reg.onEvent({ ...rec.notifications[0], runId: 'mine' });
    reg.onEvent({ ...rec.notifications[1], runId: 'server-1' });
    const moved = reg.rename('mine', 'server-1')!;
    assert.notEqual(moved, mine);
    assert.equal(reg.latest, moved);
    assert.equal(reg.get('mine'), undefined);
    assert.deepEqual(moved.events.map(e => e.id), [1, 2]);
    assert.equal(reg.rename('server-1', 'server-1'), moved);
  });

  it('forgets the buffer of a run that did not start, and caps the buffer', () => {
    const reg = new RunRegistry(3);
    for (const n of rec.notifications) reg.onEvent({ ...n, runId: 'ghost' });
    const ghost = reg.begin('ghost', DOC);
    assert.equal(ghost.events.length, 3, 'only maxPending buffered');
    reg.onEvent({ ...rec.notifications[0], runId: 'failed-start' });
    reg.forget('failed-start');
    assert.equal(reg.begin('failed-start', DOC).events.length, 0);
  });
});

describe('formatUSD and formatSeconds', () => {
  const usd: [number, string][] = [[0, '0'], [0.00022500000000000002, '0.000225'], [0.0000011041875, '0.0000011'], [0.09002108375, '0.09'], [0.5, '0.5'], [12.345, '12.35'], [Number.NaN, 'NaN']];
  for (const [n, want] of usd) it(`$${n} -> ${want}`, () => assert.equal(formatUSD(n), want));
  const secs: [number, string][] = [[0, '0s'], [2.5, '2.5s'], [59, '59s'], [60, '0:01:00'], [86402, '24:00:02'], [3725.4, '1:02:05']];
  for (const [n, want] of secs) it(`${n}s -> ${want}`, () => assert.equal(formatSeconds(n), want));
});
