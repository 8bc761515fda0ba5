// Editor decorations for a run: state names marked as they are entered
// (count and last elapsed time after the name), failed states in red, and
// the step cursor's state highlighted.

import * as vscode from 'vscode';
import { nameRange, Range, SimEvent, stateVisits, TraceModel, visitLabel } from './core/trace';

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class RunDecorations implements vscode.Disposable {
  private readonly visited = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
    borderRadius: '2px',
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 1em' },
  });
  private readonly failed = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'),
    borderRadius: '2px',
    after: { color: new vscode.ThemeColor('errorForeground'), margin: '0 0 0 1em' },
  });
  private readonly current = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private model: TraceModel | undefined;

  show(model: TraceModel | undefined): void {
    this.model = model;
    this.apply();
  }

  /** Re-applies to every visible editor showing the run's document. */
  apply(): void {
    for (const editor of vscode.window.visibleTextEditors) this.applyTo(editor);
  }

  applyTo(editor: vscode.TextEditor): void {
    const model = this.model;
    const uri = editor.document.uri.toString();
    if (!model) {
      editor.setDecorations(this.visited, []);
      editor.setDecorations(this.failed, []);
      editor.setDecorations(this.current, []);
      return;
    }
    const ok: vscode.DecorationOptions[] = [];
    const bad: vscode.DecorationOptions[] = [];
    for (const v of stateVisits(model.events)) {
      if (v.uri !== uri || v.range.start.line >= editor.document.lineCount) continue;
      const line = editor.document.lineAt(v.range.start.line).text;
      const after = visitLabel(v);
      const opt: vscode.DecorationOptions = {
        range: toRange(nameRange(v.range, v.name, line)),
        hoverMessage: `ASL simulation: ${v.name} entered ${v.entered} time(s)${v.failed ? ', failed' : ''}`,
        renderOptions: { after: { contentText: after } },
      };
      (v.failed ? bad : ok).push(opt);
    }
    editor.setDecorations(this.visited, ok);
    editor.setDecorations(this.failed, bad);
    const cur = model.current();
    editor.setDecorations(this.current, cur && cur.range && cur.uri === uri ? [{ range: toRange(cur.range), hoverMessage: cur.text }] : []);
  }

  /** Opens (or focuses) the event's document and scrolls to its state. */
  async reveal(ev: SimEvent): Promise<void> {
    if (!ev.range || !ev.uri) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ev.uri));
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: true, preview: false });
    const r = toRange(ev.range);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.selection = new vscode.Selection(r.start, r.start);
    this.applyTo(editor);
  }

  dispose(): void {
    this.visited.dispose();
    this.failed.dispose();
    this.current.dispose();
  }
}
