// A minimal LSP client over stdio (Content-Length framing) for the tests that
// talk to a real `asl lsp`. No dependency on vscode or vscode-jsonrpc.

import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Message = { id?: number; method?: string; params?: any; result?: any; error?: { code: number; message: string } };

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Message) => void>();
  private readonly listeners: ((m: Message) => void)[] = [];
  readonly notifications: Message[] = [];
  stderr = '';

  constructor(command: string, args: string[]) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, headerEnd).toString());
      if (!m) throw new Error('frame without Content-Length');
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString()) as Message;
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method === undefined && msg.id !== undefined) {
      this.waiting.get(msg.id)?.(msg);
      this.waiting.delete(msg.id);
      return;
    }
    if (msg.method !== undefined && msg.id !== undefined) {
      // A server request (workDoneProgress/create, configuration): answer null.
      this.write({ jsonrpc: '2.0', id: msg.id, result: null });
      return;
    }
    this.notifications.push(msg);
    for (const l of [...this.listeners]) l(msg);
  }

  private write(obj: object): void {
    const body = Buffer.from(JSON.stringify(obj));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, m => (m.error ? reject(Object.assign(new Error(m.error.message), { code: m.error.code })) : resolve(m.result as T)));
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (past or future) that matches. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 10000): Promise<Message> {
    const seen = this.notifications.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for a notification; stderr:\n${this.stderr}`)), timeoutMs);
      const l = (m: Message) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(l), 1);
        resolve(m);
      };
      this.listeners.push(l);
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise(r => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.proc.kill(), 500).unref();
    }
  }
}
