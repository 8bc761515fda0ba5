import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { chooseInput, defaultInputPath, defaultMocksPath, parseInputJSON, simulateParams, stemOf, testCasesOf } from '../../src/core/files';

describe('stemOf', () => {
  const table: [string, string][] = [
    ['order.asl.json', 'order'],
    ['/w/order.asl.json', 'order'],
    ['order.asl.json5', 'order'],
    ['order.asl.yaml', 'order'],
    ['order.asl.yml', 'order'],
    ['order.json', 'order'],
    ['order.json5', 'order'],
    ['order.yaml', 'order'],
    ['order.yml', 'order'],
    ['order.asl', 'order'],
    ['Order.ASL.JSON', 'Order'],
    ['my.flow.asl.json', 'my.flow'],
    ['order.txt', 'order.txt'],
    ['.asl.json', '.asl.json'],
    ['.json', '.json'],
  ];
  for (const [name, want] of table) it(`${name} -> ${want}`, () => assert.equal(stemOf(name), want));
});

describe('default companion files', () => {
  it('sit beside the definition', () => {
    assert.equal(defaultInputPath('/w/flows/order.asl.yaml'), '/w/flows/order.input.json');
    assert.equal(defaultMocksPath('/w/flows/order.asl.json5'), '/w/flows/order.mocks.json');
  });
});

describe('chooseInput', () => {
  const exists = (files: string[]) => (p: string) => files.includes(p);
  it('uses <stem>.input.json when it exists', () => {
    assert.deepEqual(chooseInput('/w/order.asl.json', exists(['/w/order.input.json'])), { kind: 'file', path: '/w/order.input.json' });
  });
  it('asks when it does not', () => {
    assert.deepEqual(chooseInput('/w/order.asl.json', exists(['/w/other.input.json'])), { kind: 'ask' });
  });
  it('an explicit file wins over the default', () => {
    assert.deepEqual(chooseInput('/w/order.asl.json', exists(['/w/order.input.json']), '/tmp/x.json'), { kind: 'file', path: '/tmp/x.json' });
  });
});

describe('parseInputJSON', () => {
  it('parses JSON of any type', () => {
    assert.deepEqual(parseInputJSON('{"a": [1, 2]}'), { ok: true, value: { a: [1, 2] } });
    assert.deepEqual(parseInputJSON(' 42 '), { ok: true, value: 42 });
    assert.deepEqual(parseInputJSON('"s"'), { ok: true, value: 's' });
  });
  it('treats blank as {}', () => {
    assert.deepEqual(parseInputJSON('  \n'), { ok: true, value: {} });
  });
  it('explains bad JSON', () => {
    const r = parseInputJSON('{a: 1}');
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /^not JSON: /);
  });
});

describe('simulateParams', () => {
  const toUri = (p: string) => 'file://' + p;
  const base = { uri: 'file:///w/order.asl.json', definitionPath: '/w/order.asl.json', runId: 'r1', express: false, toUri };

  it('passes an input file as inputUri and finds the mocks', () => {
    const p = simulateParams({ ...base, input: { kind: 'file', path: '/w/order.input.json' }, exists: f => f === '/w/order.mocks.json' });
    assert.deepEqual(p, { uri: base.uri, runId: 'r1', inputUri: 'file:///w/order.input.json', mockConfigUri: 'file:///w/order.mocks.json' });
  });

  it('passes a typed value as input, no mocks when absent, express when asked', () => {
    const p = simulateParams({ ...base, express: true, input: { kind: 'value', value: { n: 1 } }, exists: () => false });
    assert.deepEqual(p, { uri: base.uri, runId: 'r1', input: { n: 1 }, express: true });
  });

  it('sends {} as a value (so the server does not read <stem>.input.json)', () => {
    const p = simulateParams({ ...base, input: { kind: 'value', value: {} }, exists: () => false });
    assert.deepEqual(p.input, {});
    assert.ok('input' in p);
  });
});

describe('testCasesOf', () => {
  const file = JSON.stringify({
    StateMachines: {
      order: { TestCases: { HappyPath: { Charge: 'A' }, CardDeclined: { Charge: 'B' } } },
      other: { TestCases: { Only: {} } },
    },
    MockedResponses: {},
  });
  it('lists the cases of the machine named like the stem', () => {
    assert.deepEqual(testCasesOf(file, 'order'), ['HappyPath', 'CardDeclined']);
    assert.deepEqual(testCasesOf(file, 'other'), ['Only']);
  });
  it('falls back to the only machine, and not to one of several', () => {
    assert.deepEqual(testCasesOf(JSON.stringify({ StateMachines: { m: { TestCases: { T: {} } } } }), 'order'), ['T']);
    assert.deepEqual(testCasesOf(file, 'missing'), []);
  });
  it('gives nothing for the simple form, bad JSON or odd shapes', () => {
    assert.deepEqual(testCasesOf(JSON.stringify({ Charge: [{ Return: 1 }] }), 'order'), []);
    assert.deepEqual(testCasesOf('{nope', 'order'), []);
    assert.deepEqual(testCasesOf('null', 'order'), []);
    assert.deepEqual(testCasesOf(JSON.stringify({ StateMachines: [] }), 'order'), []);
    assert.deepEqual(testCasesOf(JSON.stringify({ StateMachines: { order: { TestCases: [] } } }), 'order'), []);
  });
});
