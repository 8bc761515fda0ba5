// Settings: VS Code's `asl.*` configuration -> what the server understands.
// Pure (no `vscode` import) so it is unit-tested under plain Node.

import * as path from 'path';

export type WorkflowType = 'STANDARD' | 'EXPRESS';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface AslSettings {
  /** asl.path as written (may be empty: resolve a default). */
  path: string;
  workflowType: WorkflowType;
  disabledCodes: string[];
  debounceMs: number;
  traceServer: TraceLevel;
}

/** The part of vscode.WorkspaceConfiguration this module reads. */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

export const DEFAULT_DEBOUNCE_MS = 75;

/**
 * readSettings reads the `asl` section (cfg = getConfiguration('asl')) and
 * normalises what a person may have typed by hand in settings.json: case of
 * the workflow type and codes, duplicates, negative or fractional delays.
 */
export function readSettings(cfg: ConfigReader): AslSettings {
  const rawPath = cfg.get<unknown>('path');
  const rawType = cfg.get<unknown>('workflowType');
  const rawCodes = cfg.get<unknown>('disabledCodes');
  const rawDebounce = cfg.get<unknown>('debounceMs');
  const rawTrace = cfg.get<unknown>('trace.server');

  const workflowType: WorkflowType =
    typeof rawType === 'string' && rawType.trim().toUpperCase() === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';

  const disabledCodes: string[] = [];
  if (Array.isArray(rawCodes)) {
    for (const c of rawCodes) {
      if (typeof c !== 'string') continue;
      const code = c.trim().toUpperCase();
      if (code && !disabledCodes.includes(code)) disabledCodes.push(code);
    }
  }

  let debounceMs = DEFAULT_DEBOUNCE_MS;
  if (typeof rawDebounce === 'number' && Number.isFinite(rawDebounce) && rawDebounce >= 0) {
    debounceMs = Math.round(rawDebounce);
  }

  const traceServer: TraceLevel =
    rawTrace === 'messages' || rawTrace === 'verbose' ? rawTrace : 'off';

  return {
    path: typeof rawPath === 'string' ? rawPath.trim() : '',
    workflowType,
    disabledCodes,
    debounceMs,
    traceServer,
  };
}

/** The settings object the server reads (docs/protocol.md "Settings"). */
export interface ServerSettings {
  asl: { workflowType: WorkflowType; disabledCodes: string[]; debounceMs: number };
}

/**
 * serverSettings is sent as initializationOptions and as the `settings` of
 * workspace/didChangeConfiguration. The client-only keys (path, trace) stay
 * out: the server has no use for them.
 */
export function serverSettings(s: AslSettings): ServerSettings {
  return { asl: { workflowType: s.workflowType, disabledCodes: [...s.disabledCodes], debounceMs: s.debounceMs } };
}

/** What a settings change needs: nothing, a notification, or a new server process. */
export type SettingsChange = 'none' | 'notify' | 'restart';

export function settingsChange(before: AslSettings, after: AslSettings): SettingsChange {
  if (before.path !== after.path) return 'restart';
  const a = JSON.stringify(serverSettings(before));
  const b = JSON.stringify(serverSettings(after));
  if (a !== b) return 'notify';
  // The trace level is read by vscode-languageclient itself.
  return 'none';
}

/** File-system questions asked while looking for the binary (injected for tests). */
export interface ServerLookup {
  extensionPath: string;
  workspaceFolders: string[];
  /** PATH as in the environment (split with the platform's delimiter). */
  envPath: string;
  platform: NodeJS.Platform;
  homeDir: string;
  isExecutable(file: string): boolean;
}

export interface ServerResolution {
  /** The command to start, or undefined when nothing was found. */
  command: string | undefined;
  /** Every place looked at, in order (for the error message). */
  tried: string[];
  /** Where it came from. */
  source: 'setting' | 'PATH' | 'bundled' | 'workspace' | 'none';
}

function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'asl.exe' : 'asl';
}

/** Expands ~ and ${workspaceFolder} in asl.path; relative paths are taken from the first folder. */
export function expandConfiguredPath(p: string, lookup: Pick<ServerLookup, 'workspaceFolders' | 'homeDir'>): string {
  let out = p;
  const folder = lookup.workspaceFolders[0];
  if (folder !== undefined) out = out.split('${workspaceFolder}').join(folder);
  if (out === '~' || out.startsWith('~/')) out = path.join(lookup.homeDir, out.slice(1));
  // A bare name ("asl", "asl-dev") is looked up on PATH; a path with a separator is a file.
  if (!out.includes('/') && !out.includes('\\')) return out;
  if (!path.isAbsolute(out) && folder !== undefined) out = path.join(folder, out);
  return out;
}

function findOnPath(name: string, lookup: ServerLookup, tried: string[]): string | undefined {
  const delim = lookup.platform === 'win32' ? ';' : ':';
  for (const dir of lookup.envPath.split(delim)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    tried.push(candidate);
    if (lookup.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * resolveServer finds the `asl` binary: asl.path when set (a bare name is
 * searched on PATH), else `asl` on PATH, else `bin/asl` bundled in the
 * extension, else `bin/asl` in a workspace folder (the aslkit repository's
 * `make build` output).
 */
export function resolveServer(configured: string, lookup: ServerLookup): ServerResolution {
  const tried: string[] = [];
  const exe = exeName(lookup.platform);
  if (configured) {
    const expanded = expandConfiguredPath(configured, lookup);
    if (!expanded.includes('/') && !expanded.includes('\\')) {
      const found = findOnPath(expanded, lookup, tried);
      return { command: found, tried, source: found ? 'setting' : 'none' };
    }
    tried.push(expanded);
    const ok = lookup.isExecutable(expanded);
    return { command: ok ? expanded : undefined, tried, source: ok ? 'setting' : 'none' };
  }
  const onPath = findOnPath(exe, lookup, tried);
  if (onPath) return { command: onPath, tried, source: 'PATH' };
  const bundled = path.join(lookup.extensionPath, 'bin', exe);
  tried.push(bundled);
  if (lookup.isExecutable(bundled)) return { command: bundled, tried, source: 'bundled' };
  for (const folder of lookup.workspaceFolders) {
    const candidate = path.join(folder, 'bin', exe);
    tried.push(candidate);
    if (lookup.isExecutable(candidate)) return { command: candidate, tried, source: 'workspace' };
  }
  return { command: undefined, tried, source: 'none' };
}
