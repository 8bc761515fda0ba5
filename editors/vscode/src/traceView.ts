// The "ASL Trace" tree view: TraceModel.tree() mapped to VS Code tree items.

import * as vscode from 'vscode';
import { TraceModel, TraceNode } from './core/trace';

export class TraceTreeProvider implements vscode.TreeDataProvider<TraceNode> {
  private readonly changed = new vscode.EventEmitter<TraceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: TraceModel | undefined;
  private roots: TraceNode[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  show(model: TraceModel | undefined): void {
    this.model = model;
    this.refreshNow();
  }

  /** Coalesces bursts of events into one refresh every 100 ms. */
  refresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => { this.refreshTimer = undefined; this.refreshNow(); }, 100);
  }

  refreshNow(): void {
    if (this.refreshTimer) { clearTimeout(this.refreshTimer); this.refreshTimer = undefined; }
    this.roots = this.model ? this.model.tree() : [];
    this.changed.fire(undefined);
  }

  /** The root node of an event (for reveal). */
  nodeOfEvent(index: number): TraceNode | undefined {
    return this.roots.find(n => n.id === `e${index}`);
  }

  getTreeItem(node: TraceNode): vscode.TreeItem {
    const state = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = `${this.model?.runId ?? ''}/${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.eventIndex !== undefined && /^e\d+$/.test(node.id)) {
      item.command = { command: 'aslkit.revealTraceItem', title: 'Show in Editor', arguments: [node.eventIndex] };
      if (this.model && this.model.cursor === node.eventIndex) item.description = `● ${node.description ?? ''}`;
    }
    return item;
  }

  getChildren(node?: TraceNode): TraceNode[] {
    return node ? node.children : this.roots;
  }

  getParent(): undefined {
    return undefined; // reveal is only used on root (event) nodes
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changed.dispose();
  }
}
