// Which input and mock files go with a definition. Pure (no `vscode`).

import * as path from 'path';

// Longest first: "order.asl.json" must lose ".asl.json", not just ".json".
const DEFINITION_SUFFIXES = ['.asl.json5', '.asl.json', '.asl.yaml', '.asl.yml', '.json5', '.json', '.yaml', '.yml', '.asl'];

/**
 * stemOf is the file name without its definition suffix, as the server
 * computes it (docs/protocol.md), plus .json5: "order.asl.json" -> "order".
 * A name that is only a suffix keeps its name.
 */
export function stemOf(fileName: string): string {
  const base = path.basename(fileName);
  const lower = base.toLowerCase();
  for (const suffix of DEFINITION_SUFFIXES) {
    if (lower === suffix) return base;
    if (lower.endsWith(suffix)) return base.slice(0, base.length - suffix.length);
  }
  return base;
}

/** <dir>/<stem>.input.json beside the definition. */
export function defaultInputPath(definitionPath: string): string {
  return path.join(path.dirname(definitionPath), stemOf(definitionPath) + '.input.json');
}

/** <dir>/<stem>.mocks.json beside the definition. */
export function defaultMocksPath(definitionPath: string): string {
  return path.join(path.dirname(definitionPath), stemOf(definitionPath) + '.mocks.json');
}

/** How the Simulate command gets its input. */
export type InputChoice =
  | { kind: 'file'; path: string }
  | { kind: 'value'; value: unknown }
  | { kind: 'ask' };

/**
 * chooseInput: an explicit file wins, then <stem>.input.json when it exists;
 * otherwise the person is asked (a file, `{}` or typed JSON).
 */
export function chooseInput(definitionPath: string, exists: (p: string) => boolean, explicit?: string): InputChoice {
  if (explicit) return { kind: 'file', path: explicit };
  const candidate = defaultInputPath(definitionPath);
  if (exists(candidate)) return { kind: 'file', path: candidate };
  return { kind: 'ask' };
}

/** Parses typed input JSON; the error says where it broke. */
export function parseInputJSON(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (e) {
    return { ok: false, message: `not JSON: ${(e as Error).message}` };
  }
}

/** The simulate request argument (lsp/ext SimulateParams). */
export interface SimulateParams {
  uri: string;
  input?: unknown;
  inputUri?: string;
  mockConfigUri?: string;
  testCase?: string;
  express?: boolean;
  runId?: string;
}

/**
 * simulateParams builds the asl.simulate argument. Mocks are passed
 * explicitly when <stem>.mocks.json exists so that .json5 definitions (whose
 * stem the server does not strip) find theirs too.
 */
export function simulateParams(opts: {
  uri: string;
  definitionPath: string;
  input: InputChoice;
  runId: string;
  express: boolean;
  exists: (p: string) => boolean;
  toUri: (p: string) => string;
}): SimulateParams {
  const params: SimulateParams = { uri: opts.uri, runId: opts.runId };
  if (opts.input.kind === 'file') params.inputUri = opts.toUri(opts.input.path);
  else if (opts.input.kind === 'value') params.input = opts.input.value;
  const mocks = defaultMocksPath(opts.definitionPath);
  if (opts.exists(mocks)) params.mockConfigUri = opts.toUri(mocks);
  if (opts.express) params.express = true;
  return params;
}

/**
 * testCasesOf lists the test cases a Step Functions Local MockConfigFile
 * has for the definition: the machine named like the stem, else the only
 * machine in the file (as the server looks it up). The simple
 * {"State": [...]} form, unreadable text and unknown machines give [].
 */
export function testCasesOf(mockConfigText: string, stem: string): string[] {
  let doc: unknown;
  try { doc = JSON.parse(mockConfigText); } catch { return []; }
  if (!doc || typeof doc !== 'object') return [];
  const machines = (doc as { StateMachines?: unknown }).StateMachines;
  if (!machines || typeof machines !== 'object' || Array.isArray(machines)) return [];
  const byName = machines as Record<string, unknown>;
  const names = Object.keys(byName);
  const machine = byName[stem] ?? (names.length === 1 ? byName[names[0]] : undefined);
  const cases = machine && typeof machine === 'object' ? (machine as { TestCases?: unknown }).TestCases : undefined;
  return cases && typeof cases === 'object' && !Array.isArray(cases) ? Object.keys(cases) : [];
}
