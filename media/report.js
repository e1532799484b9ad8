// @ts-check
// Script of the CLOUD Act Lens report webview. Loaded by nonce under a strict CSP; no inline handlers.
// It sorts and filters the placement table, keeps that state across re-renders, and asks the
// extension to open a row's file. The extension sends new scans as `render` messages.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  /** @type {{ sortKey: string | null, sortDir: 'ascending' | 'descending', filter: string, severity: string }} */
  const state = Object.assign(
    { sortKey: null, sortDir: 'ascending', filter: '', severity: 'all' },
    vscode.getState() || {},
  );
  const main = /** @type {HTMLElement} */ (document.getElementById('report'));
  const filter = /** @type {HTMLInputElement} */ (document.getElementById('filter'));
  const severity = /** @type {HTMLSelectElement} */ (document.getElementById('severity'));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function table() {
    return /** @type {HTMLTableElement | null} */ (document.getElementById('placements'));
  }

  function dataRows() {
    const t = table();
    return t ? Array.from(t.tBodies[0].rows).filter((r) => r.dataset.row !== undefined) : [];
  }

  function applySort() {
    const t = table();
    if (!t) {
      return;
    }
    const headers = Array.from(t.tHead ? t.tHead.rows[0].cells : []);
    const index = headers.findIndex((th) => th.dataset.key === state.sortKey);
    headers.forEach((th, i) => th.setAttribute('aria-sort', i === index ? state.sortDir : 'none'));
    const rows = dataRows();
    const dir = state.sortDir === 'descending' ? -1 : 1;
    rows.sort((a, b) => {
      if (index < 0) {
        return Number(a.dataset.row) - Number(b.dataset.row);
      }
      const x = a.cells[index].textContent || '';
      const y = b.cells[index].textContent || '';
      return dir * collator.compare(x, y) || Number(a.dataset.row) - Number(b.dataset.row);
    });
    const body = t.tBodies[0];
    rows.forEach((r) => body.appendChild(r));
  }

  function applyFilter() {
    const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    const rows = dataRows();
    for (const r of rows) {
      const text = (r.textContent || '').toLowerCase();
      const sev = r.dataset.severity || 'none';
      const severityOk =
        state.severity === 'all' ||
        sev === state.severity ||
        (state.severity === 'accepted' && r.querySelector('.rule.accepted') !== null);
      const visible = severityOk && words.every((w) => text.includes(w));
      r.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    const count = document.getElementById('row-count');
    if (count) {
      count.textContent = `${shown} of ${rows.length}`;
    }
  }

  function apply() {
    filter.value = state.filter;
    severity.value = state.severity;
    applySort();
    applyFilter();
    vscode.setState(state);
  }

  function open(row) {
    if (row && row.dataset.row !== undefined) {
      vscode.postMessage({ type: 'open', row: Number(row.dataset.row) });
    }
  }

  main.addEventListener('click', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const sort = target.closest('th[data-key]');
    if (sort instanceof HTMLElement) {
      const key = sort.dataset.key || null;
      state.sortDir = state.sortKey === key && state.sortDir === 'ascending' ? 'descending' : 'ascending';
      state.sortKey = key;
      apply();
      return;
    }
    if (target.closest('a')) {
      return;
    }
    open(target.closest('tr[data-row]'));
  });
  main.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if ((e.key === 'Enter' || e.key === ' ') && target.matches('tr[data-row]')) {
      e.preventDefault();
      open(target);
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
  document.getElementById('rescan')?.addEventListener('click', () => vscode.postMessage({ type: 'rescan' }));
  document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

  let generation = 0;
  window.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg && msg.type === 'render' && typeof msg.body === 'string' && msg.generation > generation) {
      generation = msg.generation;
      // The body is built and escaped by the extension (reportBodyHtml); the CSP blocks any script in it.
      main.innerHTML = msg.body;
      apply();
    }
  });

  apply();
  vscode.postMessage({ type: 'ready' });
})();
