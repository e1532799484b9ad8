// Script of the CLOUD Act Lens report webview, bundled by esbuild into dist/webview/report.js and
// loaded by nonce under a strict CSP; no inline handlers. It sorts and filters the placement table,
// keeps that state across re-renders, and asks the extension to open a row's file. The extension sends
// new scans as `render` messages. The messages are typed by the protocol the extension uses too.
import { groupByRoot, groupLabel } from '../engine/report/root-groups';
import type { ExtensionToWebview, WebviewToExtension } from '../vscode/report/messages';

interface State {
  sortKey: string | null;
  sortDir: 'ascending' | 'descending';
  filter: string;
  severity: string;
  /** `root`: rows under a header per root module or template (when there are several); `none`: one list. */
  group: string;
}

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): Partial<State> | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const state: State = {
  sortKey: null,
  sortDir: 'ascending',
  filter: '',
  severity: 'all',
  group: 'root',
  ...vscode.getState(),
};

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) {
    throw new Error(`the report page has no #${id}`);
  }
  return el;
}

const main = element('report', HTMLElement);
const filter = element('filter', HTMLInputElement);
const severity = element('severity', HTMLSelectElement);
const group = element('group', HTMLSelectElement);
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function table(): HTMLTableElement | null {
  const t = document.getElementById('placements');
  return t instanceof HTMLTableElement ? t : null;
}

function dataRows(): HTMLTableRowElement[] {
  const body = table()?.tBodies[0];
  return body ? Array.from(body.rows).filter((r) => r.dataset.row !== undefined) : [];
}

function applySort(): void {
  const t = table();
  const body = t?.tBodies[0];
  if (!t || !body) {
    return;
  }
  const headers = Array.from(t.tHead?.rows[0]?.cells ?? []);
  const index = headers.findIndex((th) => th.dataset.key === state.sortKey);
  headers.forEach((th, i) => th.setAttribute('aria-sort', i === index ? state.sortDir : 'none'));
  const dir = state.sortDir === 'descending' ? -1 : 1;
  const order = (r: HTMLTableRowElement) => Number(r.dataset.row);
  const rows = dataRows().sort((a, b) => {
    if (index < 0) {
      return order(a) - order(b);
    }
    return dir * collator.compare(sortText(a, index), sortText(b, index)) || order(a) - order(b);
  });
  const grouped = groupedRows(rows);
  for (const old of Array.from(body.querySelectorAll('tr.group-row'))) {
    old.remove();
  }
  for (const g of grouped) {
    if (grouped.length > 1) {
      const header = document.createElement('tr');
      header.className = 'group-row';
      header.dataset.root = g.root;
      const th = document.createElement('th');
      th.scope = 'rowgroup';
      th.colSpan = headers.length;
      header.appendChild(th);
      body.appendChild(header);
    }
    g.items.forEach((r) => body.appendChild(r));
  }
}

/** What a column sorts by: the full path for the location (the cell shows it shortened), else the text. */
function sortText(row: HTMLTableRowElement, index: number): string {
  return index === 0 ? (row.dataset.path ?? '') : (row.cells[index]?.textContent ?? '');
}

/** Rows by root in name order (keeping the sorted order within each), or one group when not grouping. */
function groupedRows(rows: HTMLTableRowElement[]): Array<{ root: string; items: HTMLTableRowElement[] }> {
  return state.group === 'root' ? groupByRoot(rows, (r) => r.dataset.root ?? '.') : [{ root: '', items: rows }];
}

function applyFilter(): void {
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = dataRows();
  let shown = 0;
  const perRoot = new Map<string, { shown: number; total: number }>();
  for (const r of rows) {
    const text = `${r.dataset.path ?? ''} ${r.textContent ?? ''}`.toLowerCase();
    const sev = r.dataset.severity ?? 'none';
    const severityOk =
      state.severity === 'all' ||
      sev === state.severity ||
      (state.severity === 'accepted' && r.querySelector('.rule.accepted') !== null);
    const visible = severityOk && words.every((w) => text.includes(w));
    r.hidden = !visible;
    shown += visible ? 1 : 0;
    const root = r.dataset.root ?? '.';
    const tally = perRoot.get(root) ?? { shown: 0, total: 0 };
    tally.total++;
    tally.shown += visible ? 1 : 0;
    perRoot.set(root, tally);
  }
  for (const header of Array.from(table()?.querySelectorAll<HTMLTableRowElement>('tr.group-row') ?? [])) {
    const tally = perRoot.get(header.dataset.root ?? '.') ?? { shown: 0, total: 0 };
    header.hidden = tally.shown === 0;
    const cell = header.cells[0];
    if (cell) {
      cell.textContent = groupLabel(header.dataset.root ?? '.', tally.shown, tally.total);
    }
  }
  const count = document.getElementById('row-count');
  if (count) {
    count.textContent = `${shown} of ${rows.length}`;
  }
}

function apply(): void {
  filter.value = state.filter;
  severity.value = state.severity;
  group.value = state.group;
  applySort();
  applyFilter();
  vscode.setState(state);
}

function open(row: Element | null): void {
  if (row instanceof HTMLTableRowElement && row.dataset.row !== undefined) {
    vscode.postMessage({ type: 'open', row: Number(row.dataset.row) });
  }
}

main.addEventListener('click', (e) => {
  if (!(e.target instanceof Element)) {
    return;
  }
  const sort = e.target.closest('th[data-key]');
  if (sort instanceof HTMLElement) {
    const key = sort.dataset.key ?? null;
    state.sortDir = state.sortKey === key && state.sortDir === 'ascending' ? 'descending' : 'ascending';
    state.sortKey = key;
    apply();
    return;
  }
  // Links, and the fold of a provenance chain, do what they do; they do not open the file.
  if (e.target.closest('a, details')) {
    return;
  }
  open(e.target.closest('tr[data-row]'));
});
main.addEventListener('keydown', (e) => {
  if (e.target instanceof Element && (e.key === 'Enter' || e.key === ' ') && e.target.matches('tr[data-row]')) {
    e.preventDefault();
    open(e.target);
  }
});
filter.addEventListener('input', () => {
  state.filter = filter.value;
  apply();
});
severity.addEventListener('change', () => {
  state.severity = severity.value;
  apply();
});
group.addEventListener('change', () => {
  state.group = group.value;
  apply();
});
// The column headers stick just below the toolbar, whose height changes as it wraps with the width.
const toolbar = document.querySelector('.toolbar');
if (toolbar instanceof HTMLElement) {
  const measure = () =>
    document.documentElement.style.setProperty('--toolbar-height', `${toolbar.getBoundingClientRect().height}px`);
  new ResizeObserver(measure).observe(toolbar);
  measure();
}
document.getElementById('rescan')?.addEventListener('click', () => vscode.postMessage({ type: 'rescan' }));
document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

function isRender(data: unknown): data is ExtensionToWebview {
  const m = data as Partial<ExtensionToWebview> | null;
  return m?.type === 'render' && typeof m.body === 'string' && typeof m.generation === 'number';
}

let generation = 0;
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isRender(e.data) && e.data.generation > generation) {
    generation = e.data.generation;
    // The body is built and escaped by the extension (reportBodyHtml); the CSP blocks any script in it.
    main.innerHTML = e.data.body;
    apply();
  }
});

apply();
vscode.postMessage({ type: 'ready' });
