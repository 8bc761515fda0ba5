// The trace of one simulation run: the events the server streams
// (asl/simulationEvent), the end (asl/simulationDone), the tree the
// "ASL Trace" view shows and the step cursor. Pure (no `vscode`).

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** An AWS HistoryEvent plus the server's additions (docs/protocol.md). */
export interface SimEvent {
  id: number;
  previousEventId?: number;
  type: string;
  timestamp?: string;
  'x-sim'?: {
    path?: string;
    elapsed?: string;
    span?: [number, number];
    effectiveInput?: unknown;
    result?: unknown;
  };
  uri?: string;
  range?: Range;
  text?: string;
  [member: string]: unknown;
}

export interface SimulationEventParams { runId: string; seq: number; event: SimEvent }

export interface SimulationDone {
  runId: string;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | string;
  output?: unknown;
  error?: string | null;
  cause?: string | null;
  transitions?: number;
  events?: number;
  virtualSeconds?: number;
  cost?: { standardUSD?: number; expressUSD?: number };
}

export type EventKind = 'execution' | 'entered' | 'exited' | 'succeeded' | 'failed' | 'other';

/** How one event reads in a list: `▶ Charge`, `TaskFailed Charge`. */
export interface EventSummary {
  label: string;
  description: string;
  kind: EventKind;
  stateName?: string;
}

/** The <type>EventDetails member of an event, if any. */
export function eventDetails(ev: SimEvent): Record<string, unknown> | undefined {
  for (const key of Object.keys(ev)) {
    if (key.endsWith('EventDetails')) {
      const v = ev[key];
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    }
  }
  return undefined;
}

function classify(type: string): EventKind {
  if (type.startsWith('Execution')) {
    return /Failed|TimedOut|Aborted/.test(type) ? 'failed' : type === 'ExecutionSucceeded' ? 'succeeded' : 'execution';
  }
  if (type.endsWith('StateEntered')) return 'entered';
  if (type.endsWith('StateExited')) return 'exited';
  if (/Failed|TimedOut|Aborted/.test(type)) return 'failed';
  if (type.endsWith('Succeeded')) return 'succeeded';
  return 'other';
}

/** The state an event belongs to: details.name, else the last state in x-sim.path. */
export function stateNameOf(ev: SimEvent): string | undefined {
  const d = eventDetails(ev);
  if (d && typeof d.name === 'string' && ev.range) return d.name;
  const p = ev['x-sim']?.path;
  if (!p || !ev.range) return undefined;
  const last = p.split('/').pop() ?? '';
  return last.replace(/#attempt\d+$/, '') || undefined;
}

function attemptOf(ev: SimEvent): number | undefined {
  const m = /#attempt(\d+)$/.exec(ev['x-sim']?.path ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Where in nested scopes: "Ship/iter[0]" for "Ship/iter[0]/Label". */
function scopeOf(ev: SimEvent): string {
  const parts = (ev['x-sim']?.path ?? '').split('/');
  if (ev.range) parts.pop();
  return parts.join('/');
}

export function summarize(ev: SimEvent): EventSummary {
  const kind = classify(ev.type);
  const name = stateNameOf(ev);
  const elapsed = ev['x-sim']?.elapsed ?? '';
  const scope = scopeOf(ev);
  const attempt = attemptOf(ev);
  let label: string;
  if (kind === 'entered' && name) label = `▶ ${name}`;
  else if (kind === 'exited' && name) label = `◀ ${name}`;
  else if (name) label = `${ev.type} ${name}`;
  else label = ev.type;
  if (attempt && attempt > 1) label += ` (attempt ${attempt})`;
  const description = [elapsed, scope, kind === 'entered' || kind === 'exited' ? ev.type : '']
    .filter(Boolean).join('  ');
  return { label, description, kind, stateName: name };
}

/** A node of the trace tree. The view maps kind/icon to VS Code's icons. */
export interface TraceNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** Index into TraceModel.events for event nodes (and their fields). */
  eventIndex?: number;
  children: TraceNode[];
  /** The view opens these expanded. */
  expanded?: boolean;
}

const JSON_FIELDS = new Set(['input', 'output', 'parameters', 'result', 'resultSelector']);

function preview(value: unknown, max = 60): string {
  let s: string;
  try { s = JSON.stringify(value) ?? String(value); } catch { s = String(value); }
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** jsonNode shows a JSON value as an expandable tree (objects by key, arrays by index). */
export function jsonNode(id: string, label: string, value: unknown, eventIndex?: number): TraceNode {
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v])
      : Object.entries(value as Record<string, unknown>);
    return {
      id,
      label,
      description: Array.isArray(value) ? `[${value.length}]` : preview(value),
      tooltip: safeStringify(value, 2),
      icon: Array.isArray(value) ? 'array' : 'object',
      eventIndex,
      children: entries.map(([k, v]) => jsonNode(`${id}/${k}`, k, v, eventIndex)),
    };
  }
  return { id, label, description: preview(value), tooltip: safeStringify(value, 2), icon: 'value', eventIndex, children: [] };
}

function safeStringify(value: unknown, indent?: number): string {
  try { return JSON.stringify(value, null, indent) ?? String(value); } catch { return String(value); }
}

/** Parses the JSON-as-text members AWS puts in details; non-JSON stays a string. */
export function parseMaybeJSON(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

/** The expandable fields of an event: input/output (parsed), error, cause, effective input, result. */
export function eventFields(ev: SimEvent, index: number): TraceNode[] {
  const base = `e${index}`;
  const out: TraceNode[] = [];
  const d = eventDetails(ev) ?? {};
  for (const [key, value] of Object.entries(d)) {
    if (key === 'name' || key.endsWith('Details')) continue; // name is the label; inputDetails = {truncated}
    const v = typeof value === 'string' && JSON_FIELDS.has(key) ? parseMaybeJSON(value) : value;
    out.push(jsonNode(`${base}/${key}`, key, v, index));
  }
  const x = ev['x-sim'];
  if (x && x.effectiveInput !== undefined) out.push(jsonNode(`${base}/effectiveInput`, 'effective input', x.effectiveInput, index));
  if (x && x.result !== undefined) out.push(jsonNode(`${base}/result`, 'result', x.result, index));
  if (x && x.path) out.push({ id: `${base}/path`, label: 'path', description: x.path, icon: 'value', eventIndex: index, children: [] });
  return out;
}

const ICONS: Record<EventKind, string> = {
  execution: 'play-circle',
  entered: 'arrow-right',
  exited: 'arrow-left',
  succeeded: 'pass',
  failed: 'error',
  other: 'circle-small',
};

/** 3 significant digits, no float noise: 0.00022500000000000002 -> "0.000225". */
export function formatUSD(usd: number): string {
  if (!Number.isFinite(usd)) return String(usd);
  if (usd === 0) return '0';
  return usd >= 1 ? usd.toFixed(2) : String(Number(usd.toPrecision(3)));
}

/** Virtual time: "2s" below a minute, else "H:MM:SS" ("24:00:02"). */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return `${Number(seconds.toFixed(3))}s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60), sec = whole % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** Formats the end of a run in one line: status, counts, time, cost. */
export function formatDone(done: SimulationDone): string {
  const parts = [done.status];
  if (done.transitions !== undefined) parts.push(`${done.transitions} transition${done.transitions === 1 ? '' : 's'}`);
  if (done.events !== undefined) parts.push(`${done.events} events`);
  if (done.virtualSeconds !== undefined) parts.push(`${formatSeconds(done.virtualSeconds)} virtual`);
  if (done.cost && done.cost.standardUSD !== undefined) {
    parts.push(`~$${formatUSD(done.cost.standardUSD)} standard / $${formatUSD(done.cost.expressUSD ?? 0)} express`);
  }
  let line = parts.join(', ');
  if (done.status !== 'SUCCEEDED' && (done.error || done.cause)) {
    line += ': ' + [done.error, done.cause ? `(${done.cause})` : ''].filter(Boolean).join(' ');
  }
  return line;
}

/**
 * TraceModel holds one run. Events are kept in seq order even if they arrive
 * out of order; a repeated seq replaces the earlier one.
 */
export class TraceModel {
  readonly events: SimEvent[] = [];
  private readonly seqs: number[] = [];
  /** Tree nodes of events[0..nodes.length): a run may have 25,000 events, built once each. */
  private readonly nodes: TraceNode[] = [];
  done: SimulationDone | undefined;
  /** Index into events of the step cursor; -1 = before the first event. */
  cursor = -1;

  constructor(readonly runId: string, readonly uri: string) {}

  get running(): boolean { return this.done === undefined; }

  /** Adds an event; returns its index. */
  add(seq: number, ev: SimEvent): number {
    let i = this.seqs.length;
    while (i > 0 && this.seqs[i - 1] > seq) i--;
    if (i > 0 && this.seqs[i - 1] === seq) {
      this.events[i - 1] = ev;
      this.nodes.length = Math.min(this.nodes.length, i - 1);
      return i - 1;
    }
    this.seqs.splice(i, 0, seq);
    this.events.splice(i, 0, ev);
    this.nodes.length = Math.min(this.nodes.length, i); // indexes from i on moved
    if (this.cursor >= i) this.cursor++;
    return i;
  }

  finish(done: SimulationDone): void { this.done = done; }

  /** The tree: one node per event (fields as children), then the result. */
  tree(): TraceNode[] {
    for (let i = this.nodes.length; i < this.events.length; i++) this.nodes.push(eventNode(this.events[i], i));
    const nodes = [...this.nodes];
    if (this.done) nodes.push(doneNode(this.done));
    else nodes.push({ id: 'running', label: 'running…', icon: 'loading~spin', children: [] });
    return nodes;
  }

  /** Indexes of the events the cursor stops at: those with a range in the document. */
  stops(): number[] {
    const out: number[] = [];
    this.events.forEach((ev, i) => { if (ev.range) out.push(i); });
    return out;
  }

  /** Moves the cursor to the next event with a range; undefined at the end. */
  stepForward(): number | undefined {
    for (let i = this.cursor + 1; i < this.events.length; i++) {
      if (this.events[i].range) { this.cursor = i; return i; }
    }
    return undefined;
  }

  /** Moves the cursor to the previous event with a range; undefined at the start. */
  stepBack(): number | undefined {
    for (let i = Math.min(this.cursor, this.events.length) - 1; i >= 0; i--) {
      if (this.events[i].range) { this.cursor = i; return i; }
    }
    return undefined;
  }

  /** Puts the cursor on an event (from a click in the tree). */
  moveTo(index: number): SimEvent | undefined {
    if (index < 0 || index >= this.events.length) return undefined;
    this.cursor = index;
    return this.events[index];
  }

  current(): SimEvent | undefined {
    return this.cursor >= 0 ? this.events[this.cursor] : undefined;
  }

  /** "3/17": position among the stops, for the status bar. */
  position(): string {
    const stops = this.stops();
    const at = stops.indexOf(this.cursor);
    return `${at < 0 ? 0 : at + 1}/${stops.length}`;
  }

  /** The output channel's text of the whole run. */
  transcript(): string[] {
    const lines = this.events.map(ev => ev.text ?? `${ev['x-sim']?.elapsed ?? ''} ${ev.type}`.trim());
    if (this.done) lines.push(formatDone(this.done));
    return lines;
  }
}

export function eventNode(ev: SimEvent, index: number): TraceNode {
  const s = summarize(ev);
  return {
    id: `e${index}`,
    label: s.label,
    description: s.description,
    tooltip: ev.text ?? ev.type,
    icon: ICONS[s.kind],
    eventIndex: index,
    children: eventFields(ev, index),
  };
}

export function doneNode(done: SimulationDone): TraceNode {
  const children: TraceNode[] = [];
  if (done.output !== undefined && done.output !== null) children.push(jsonNode('done/output', 'output', done.output));
  if (done.error) children.push({ id: 'done/error', label: 'error', description: done.error, icon: 'value', children: [] });
  if (done.cause) children.push({ id: 'done/cause', label: 'cause', description: done.cause, tooltip: done.cause, icon: 'value', children: [] });
  if (done.cost) children.push(jsonNode('done/cost', 'cost (USD)', done.cost));
  return {
    id: 'done',
    label: done.status,
    description: formatDone(done).slice(done.status.length + 2),
    tooltip: formatDone(done),
    icon: done.status === 'SUCCEEDED' ? 'pass-filled' : done.status === 'ABORTED' ? 'circle-slash' : 'error',
    children,
    expanded: true,
  };
}

/** Per state (by document range): how often it was entered and how it last went. */
export interface StateVisit {
  uri: string;
  range: Range;
  name: string;
  entered: number;
  failed: boolean;
  lastElapsed?: string;
}

export function rangeKey(uri: string, r: Range): string {
  return `${uri}#${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** stateVisits folds the events into one entry per state that was entered. */
export function stateVisits(events: SimEvent[]): StateVisit[] {
  const byKey = new Map<string, StateVisit>();
  let last: StateVisit | undefined;
  let lastOpen = false; // entered and not exited yet
  for (const ev of events) {
    if (!ev.range || !ev.uri) {
      // The execution failed in the state it was still in (a Fail state, an uncaught
      // error); not in one it had left (a limit reached between states).
      if (last && lastOpen && /^Execution(Failed|TimedOut|Aborted)$/.test(ev.type)) last.failed = true;
      continue;
    }
    const key = rangeKey(ev.uri, ev.range);
    const kind = classify(ev.type);
    let v = byKey.get(key);
    if (!v) {
      if (kind !== 'entered') continue;
      v = { uri: ev.uri, range: ev.range, name: stateNameOf(ev) ?? '', entered: 0, failed: false };
      byKey.set(key, v);
    }
    if (kind === 'entered') { v.entered++; v.failed = false; }
    if (kind === 'failed') v.failed = true;
    if (kind === 'exited' || kind === 'succeeded') v.failed = false;
    v.lastElapsed = ev['x-sim']?.elapsed ?? v.lastElapsed;
    if (kind === 'entered') lastOpen = true;
    if (kind === 'exited') lastOpen = false;
    last = v;
  }
  return [...byKey.values()];
}

/** The text after a state's name in the editor: "✓ entered 3× +00:00:02.000". */
export function visitLabel(v: StateVisit): string {
  return `${v.failed ? '✗' : '✓'} entered ${v.entered}×${v.lastElapsed ? ` ${v.lastElapsed}` : ''}`;
}

/**
 * nameRange narrows a state's range to its name at the start of the range:
 * `"Charge"` in JSON, `Charge` or 'Charge' in YAML. lineText is the
 * document's text of range.start.line. Falls back to the first line of the
 * range when the name is not where expected.
 */
export function nameRange(range: Range, name: string, lineText: string): Range {
  const at = range.start.character;
  const rest = lineText.slice(at);
  for (const quoted of [JSON.stringify(name), `'${name.replace(/'/g, "''")}'`, name]) {
    if (name && rest.startsWith(quoted)) {
      return { start: range.start, end: { line: range.start.line, character: at + quoted.length } };
    }
  }
  const end = range.end.line === range.start.line ? range.end.character : lineText.length;
  return { start: range.start, end: { line: range.start.line, character: Math.max(at, end) } };
}

/**
 * RunRegistry keeps the runs by id and buffers notifications for ids it
 * does not know yet (a server that picks its own id sends events before
 * the response naming it).
 */
export class RunRegistry {
  private readonly runs = new Map<string, TraceModel>();
  private readonly pending = new Map<string, { events: SimulationEventParams[]; done?: SimulationDone }>();
  private counter = 0;
  latest: TraceModel | undefined;

  constructor(private readonly maxPending = 10000) {}

  /** A fresh client-chosen run id. */
  newRunId(now: number = Date.now()): string {
    this.counter++;
    return `vscode-${now.toString(36)}-${this.counter}`;
  }

  begin(runId: string, uri: string): TraceModel {
    // Only the latest run is shown: finished ones are dropped, running ones kept until they end.
    for (const [id, m] of this.runs) if (!m.running) this.runs.delete(id);
    const model = new TraceModel(runId, uri);
    this.runs.set(runId, model);
    this.latest = model;
    this.adopt(runId);
    return model;
  }

  /** The server answered with (maybe another) id: move the run there and take its buffered notifications. */
  rename(from: string, to: string): TraceModel | undefined {
    const model = this.runs.get(from);
    if (!model || from === to) { this.adopt(to); return model; }
    this.runs.delete(from);
    const moved = new TraceModel(to, model.uri);
    model.events.forEach((ev, i) => moved.add(i + 1, ev));
    this.runs.set(to, moved);
    if (this.latest === model) this.latest = moved;
    this.adopt(to);
    return moved;
  }

  get(runId: string): TraceModel | undefined { return this.runs.get(runId); }

  /** Returns the run the event went to, or undefined when it was buffered. */
  onEvent(p: SimulationEventParams): TraceModel | undefined {
    const model = this.runs.get(p.runId);
    if (model) { model.add(p.seq, p.event); return model; }
    const buf = this.pending.get(p.runId) ?? { events: [] };
    if (this.pendingCount() < this.maxPending) buf.events.push(p);
    this.pending.set(p.runId, buf);
    return undefined;
  }

  onDone(d: SimulationDone): TraceModel | undefined {
    const model = this.runs.get(d.runId);
    if (model) { model.finish(d); return model; }
    const buf = this.pending.get(d.runId) ?? { events: [] };
    buf.done = d;
    this.pending.set(d.runId, buf);
    return undefined;
  }

  /** Drops a run's buffered notifications (the request failed). */
  forget(runId: string): void {
    this.pending.delete(runId);
  }

  private pendingCount(): number {
    let n = 0;
    for (const b of this.pending.values()) n += b.events.length;
    return n;
  }

  private adopt(runId: string): void {
    const model = this.runs.get(runId);
    const buf = this.pending.get(runId);
    if (!model || !buf) return;
    this.pending.delete(runId);
    for (const p of buf.events) model.add(p.seq, p.event);
    if (buf.done) model.finish(buf.done);
  }
}
