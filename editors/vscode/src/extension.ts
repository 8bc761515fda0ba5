// aslkit for VS Code: starts `asl lsp`, and adds the simulator commands
// (ASL: Simulate / Cancel Simulation / Step Forward / Step Back / Restart
// Server) with an "ASL Trace" view. The logic lives in ./core (pure, unit
// tested); this file wires it to VS Code.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';
import { chooseInput, defaultInputPath, InputChoice, parseInputJSON, simulateParams, stemOf, testCasesOf } from './core/files';
import { AslSettings, readSettings, resolveServer, serverSettings, settingsChange } from './core/settings';
import { formatDone, RunRegistry, SimulationDone, SimulationEventParams, TraceModel } from './core/trace';
import { RunDecorations } from './decorations';
import { TraceTreeProvider } from './traceView';

const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'asl' },
  { scheme: 'file', language: 'asl-yaml' },
  { scheme: 'untitled', language: 'asl' },
  { scheme: 'untitled', language: 'asl-yaml' },
  // Definitions opened under another language (a user's files.associations).
  { scheme: 'file', pattern: '**/*.{asl,asl.json,asl.json5,asl.yaml,asl.yml}' },
];

let ext: AslExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AslExtension> {
  ext = new AslExtension(context);
  await ext.start();
  return ext;
}

export async function deactivate(): Promise<void> {
  await ext?.dispose();
  ext = undefined;
}

function readText(file: string): string {
  try { return fs.readFileSync(file, 'utf8'); } catch { return ''; }
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class AslExtension {
  readonly output = vscode.window.createOutputChannel('ASL Simulation');
  readonly serverOutput = vscode.window.createOutputChannel('ASL Language Server');
  readonly runs = new RunRegistry();
  readonly tree = new TraceTreeProvider();
  readonly decorations = new RunDecorations();
  private readonly view: vscode.TreeView<unknown>;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  private client: LanguageClient | undefined;
  private settings: AslSettings;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.settings = readSettings(vscode.workspace.getConfiguration('asl'));
    this.view = vscode.window.createTreeView('aslTrace', { treeDataProvider: this.tree as vscode.TreeDataProvider<unknown>, showCollapseAll: true });
    const reg = (id: string, fn: (...args: any[]) => unknown) =>
      context.subscriptions.push(vscode.commands.registerCommand(id, fn));
    // VS Code command ids use "aslkit.": vscode-languageclient registers the
    // server's own commands (asl.simulate, asl.simulate.cancel) under their names.
    reg('aslkit.simulate', (arg?: vscode.Uri | { uri?: string; inputUri?: string }) => this.simulate(arg));
    reg('aslkit.cancelSimulation', () => this.cancel());
    reg('aslkit.stepForward', () => this.step(1));
    reg('aslkit.stepBack', () => this.step(-1));
    reg('aslkit.restartServer', () => this.restart());
    reg('aslkit.revealTraceItem', (index: number) => this.revealEvent(index));
    context.subscriptions.push(
      this.output, this.serverOutput, this.tree, this.decorations, this.view, this.status,
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('asl')) void this.onConfigChanged(); }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorations.apply()),
      // The recorded ranges no longer match an edited document: drop the marks.
      vscode.workspace.onDidChangeTextDocument(e => {
        const latest = this.runs.latest;
        if (latest && !latest.running && e.contentChanges.length > 0 && e.document.uri.toString() === latest.uri) this.decorations.show(undefined);
      }),
    );
    this.status.command = 'aslkit.stepForward';
  }

  // --- language client -------------------------------------------------

  private resolveCommand(): string | undefined {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
    const res = resolveServer(this.settings.path, {
      extensionPath: this.context.extensionPath,
      workspaceFolders: folders,
      envPath: process.env.PATH ?? '',
      platform: process.platform,
      homeDir: os.homedir(),
      isExecutable,
    });
    if (!res.command) {
      const msg = this.settings.path
        ? `ASL: the language server "${this.settings.path}" (asl.path) was not found or is not executable.`
        : 'ASL: could not find the `asl` binary on PATH, bundled in the extension or in the workspace (bin/asl). Set "asl.path".';
      this.serverOutput.appendLine(`${msg}\nLooked at:\n  ${res.tried.join('\n  ')}`);
      void vscode.window.showErrorMessage(msg, 'Open Settings').then(choice => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'asl.path');
      });
      return undefined;
    }
    this.serverOutput.appendLine(`Starting ${res.command} lsp (found via ${res.source})`);
    return res.command;
  }

  async start(): Promise<void> {
    const command = this.resolveCommand();
    if (!command) return;
    // No `transport`: stdio without an extra "--stdio" argument, which `asl lsp` would reject.
    const serverOptions: ServerOptions = { command, args: ['lsp'] };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      initializationOptions: serverSettings(this.settings),
      outputChannel: this.serverOutput,
      traceOutputChannel: this.serverOutput,
    };
    // The id "asl" makes vscode-languageclient follow the asl.trace.server setting.
    const client = new LanguageClient('asl', 'ASL Language Server', serverOptions, clientOptions);
    client.onNotification('asl/simulationEvent', (p: SimulationEventParams) => this.onEvent(p));
    client.onNotification('asl/simulationDone', (d: SimulationDone) => this.onDone(d));
    this.client = client;
    try {
      await client.start();
    } catch (e) {
      this.serverOutput.appendLine(`Could not start the language server: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`ASL: the language server did not start: ${(e as Error).message}`);
    }
  }

  async restart(): Promise<void> {
    // Runs of the old process end with it.
    const old = this.client;
    this.client = undefined;
    if (old) {
      try { await old.stop(); } catch { /* already dead */ }
    }
    const latest = this.runs.latest;
    if (latest && latest.running) {
      latest.finish({ runId: latest.runId, status: 'ABORTED', error: 'server restarted' });
      this.refresh(latest);
    }
    await this.start();
    if (this.client) void vscode.window.setStatusBarMessage('ASL: language server restarted', 3000);
  }

  private async onConfigChanged(): Promise<void> {
    const next = readSettings(vscode.workspace.getConfiguration('asl'));
    const change = settingsChange(this.settings, next);
    this.settings = next;
    if (change === 'restart') await this.restart();
    else if (change === 'notify' && this.client?.state === State.Running) {
      await this.client.sendNotification('workspace/didChangeConfiguration', { settings: serverSettings(next) });
    }
  }

  // --- simulation -------------------------------------------------------

  private definitionUri(arg?: vscode.Uri | { uri?: string }): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (arg && typeof arg === 'object' && typeof arg.uri === 'string') return vscode.Uri.parse(arg.uri);
    return vscode.window.activeTextEditor?.document.uri;
  }

  private async askInput(definitionPath: string): Promise<InputChoice | undefined> {
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(file) Choose an input file…', id: 'file' },
        { label: '$(json) Run with {}', id: 'empty' },
        { label: '$(edit) Type the input JSON…', id: 'type' },
      ],
      { title: `ASL: input for ${path.basename(definitionPath)} (no ${path.basename(defaultInputPath(definitionPath))} beside it)` },
    );
    if (!pick) return undefined;
    if (pick.id === 'empty') return { kind: 'value', value: {} };
    if (pick.id === 'file') {
      const files = await vscode.window.showOpenDialog({
        canSelectMany: false,
        defaultUri: vscode.Uri.file(path.dirname(definitionPath)),
        filters: { JSON: ['json'] },
        openLabel: 'Use as input',
      });
      return files && files[0] ? { kind: 'file', path: files[0].fsPath } : undefined;
    }
    const text = await vscode.window.showInputBox({
      prompt: 'Execution input (JSON)',
      value: '{}',
      validateInput: t => { const r = parseInputJSON(t); return r.ok ? undefined : r.message; },
    });
    if (text === undefined) return undefined;
    const parsed = parseInputJSON(text);
    return parsed.ok ? { kind: 'value', value: parsed.value } : undefined;
  }

  async simulate(arg?: vscode.Uri | { uri?: string; inputUri?: string }): Promise<string | undefined> {
    const uri = this.definitionUri(arg);
    if (!uri) { void vscode.window.showWarningMessage('ASL: open a state machine definition first.'); return undefined; }
    if (!this.client || this.client.state !== State.Running) {
      void vscode.window.showErrorMessage('ASL: the language server is not running (ASL: Restart Server, or set asl.path).');
      return undefined;
    }
    const definitionPath = uri.fsPath;
    const exists = (p: string) => uri.scheme === 'file' && fs.existsSync(p);
    const explicit = arg && !(arg instanceof vscode.Uri) ? arg.inputUri : undefined;
    const found = chooseInput(definitionPath, exists, explicit ? vscode.Uri.parse(explicit).fsPath : undefined);
    const input = found.kind === 'ask' ? await this.askInput(definitionPath) : found;
    if (!input || input.kind === 'ask') return undefined;
    const runId = this.runs.newRunId();
    const params = simulateParams({
      uri: uri.toString(), definitionPath, input, runId,
      express: this.settings.workflowType === 'EXPRESS',
      exists, toUri: p => vscode.Uri.file(p).toString(),
    });
    if (params.mockConfigUri) {
      const cases = testCasesOf(readText(vscode.Uri.parse(params.mockConfigUri).fsPath), stemOf(definitionPath));
      if (cases.length > 1) {
        const picked = await vscode.window.showQuickPick(cases, { title: `ASL: test case of ${path.basename(vscode.Uri.parse(params.mockConfigUri).fsPath)}` });
        if (!picked) return undefined;
        params.testCase = picked;
      } else if (cases.length === 1) {
        params.testCase = cases[0];
      }
    }
    const model = this.runs.begin(runId, uri.toString());
    this.pendingLines = [];
    this.output.clear();
    this.output.appendLine(`▶ ${path.basename(definitionPath)}  input: ${input.kind === 'file' ? input.path : JSON.stringify(input.value)}${params.mockConfigUri ? `  mocks: ${vscode.Uri.parse(params.mockConfigUri).fsPath}` : ''}${params.testCase ? ` (${params.testCase})` : ''}`);
    this.output.show(true);
    this.tree.show(model);
    // Open the ASL Trace view (collapsed in the Explorer until first used), then give the editor its focus back.
    if (!this.view.visible) {
      await vscode.commands.executeCommand('aslTrace.focus');
      await vscode.window.showTextDocument(uri, { preserveFocus: false, preview: false });
    }
    this.decorations.show(model);
    void vscode.commands.executeCommand('setContext', 'asl.simulationRunning', true);
    void vscode.commands.executeCommand('setContext', 'asl.traceAvailable', true);
    try {
      const res = await this.client.sendRequest<{ runId: string }>('workspace/executeCommand', { command: 'asl.simulate', arguments: [params] });
      if (res && res.runId && res.runId !== runId) this.runs.rename(runId, res.runId);
    } catch (e) {
      this.runs.forget(runId);
      const message = (e as Error).message;
      model.finish({ runId, status: 'FAILED', error: 'not started', cause: message });
      this.output.appendLine(`✗ not started: ${message}`);
      this.refresh(model);
      void vscode.commands.executeCommand('setContext', 'asl.simulationRunning', false);
      void vscode.window.showErrorMessage(`ASL: ${message}`);
      return undefined;
    }
    return runId;
  }

  // A run may stream 25,000 events: output lines and decorations are batched.
  private pendingLines: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  private flushOutput(): void {
    if (this.flushTimer) { clearTimeout(this.flushTimer); this.flushTimer = undefined; }
    if (this.pendingLines.length === 0) return;
    this.output.append(this.pendingLines.join('\n') + '\n');
    this.pendingLines = [];
  }

  private onEvent(p: SimulationEventParams): void {
    const model = this.runs.onEvent(p);
    if (!model || model !== this.runs.latest) return;
    if (p.event.text) this.pendingLines.push(p.event.text);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => { this.flushOutput(); this.decorations.apply(); }, 100);
    }
    this.tree.refresh();
  }

  private onDone(d: SimulationDone): void {
    const model = this.runs.onDone(d);
    if (!model || model !== this.runs.latest) return;
    this.flushOutput();
    this.output.appendLine(`■ ${formatDone(d)}`);
    if (d.status === 'SUCCEEDED' && d.output !== undefined) this.output.appendLine(`output: ${JSON.stringify(d.output, null, 2)}`);
    this.refresh(model);
    if (model === this.runs.latest) {
      void vscode.commands.executeCommand('setContext', 'asl.simulationRunning', false);
      const show = d.status === 'SUCCEEDED' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
      void show(`ASL simulation ${formatDone(d)}`);
    }
  }

  private refresh(model: TraceModel): void {
    if (model !== this.runs.latest) return;
    this.tree.refreshNow();
    this.decorations.apply();
    this.updateStatus();
  }

  async cancel(): Promise<void> {
    const model = this.runs.latest;
    if (!model || !model.running || !this.client) {
      void vscode.window.showInformationMessage('ASL: no simulation is running.');
      return;
    }
    const res = await this.client.sendRequest<{ cancelled: boolean }>('workspace/executeCommand', { command: 'asl.simulate.cancel', arguments: [{ runId: model.runId }] });
    if (!res || !res.cancelled) void vscode.window.showInformationMessage('ASL: the simulation had already ended.');
  }

  // --- stepping over the recorded trace ---------------------------------

  async step(direction: 1 | -1): Promise<void> {
    const model = this.runs.latest;
    if (!model || model.events.length === 0) {
      void vscode.window.showInformationMessage('ASL: no trace yet; run "ASL: Simulate" first.');
      return;
    }
    const index = direction > 0 ? model.stepForward() : model.stepBack();
    if (index === undefined) {
      void vscode.window.setStatusBarMessage(direction > 0 ? 'ASL: end of the trace' : 'ASL: start of the trace', 2000);
      return;
    }
    await this.showStep(model, index);
  }

  private async revealEvent(index: number): Promise<void> {
    const model = this.runs.latest;
    if (!model || !model.moveTo(index)) return;
    await this.showStep(model, index);
  }

  private async showStep(model: TraceModel, index: number): Promise<void> {
    const ev = model.events[index];
    this.decorations.show(model);
    await this.decorations.reveal(ev);
    this.tree.refreshNow();
    const node = this.tree.nodeOfEvent(index);
    if (node && this.view.visible) {
      try { await this.view.reveal(node, { select: true, focus: false }); } catch { /* view not ready */ }
    }
    this.updateStatus();
  }

  private updateStatus(): void {
    const model = this.runs.latest;
    if (!model || model.events.length === 0) { this.status.hide(); return; }
    const cur = model.current();
    this.status.text = `$(debug-step-over) ASL ${model.position()}${cur ? ` ${cur.type}` : ''}${model.done ? ` · ${model.done.status}` : ''}`;
    this.status.tooltip = 'ASL trace: Step Forward (Alt+F10), Step Back (Alt+Shift+F10)';
    this.status.show();
  }

  async dispose(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) {
      try { await c.stop(); } catch { /* already stopped */ }
    }
  }
}
