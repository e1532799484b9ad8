/** Inline stylesheet of the self-contained HTML export: readable on screen, compact on paper. */
export const EXPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff; --line: #d1d9e0; --all: #8ab4f8; --us: #c5221f; --warn: #9a6700; --err: #c5221f; --info: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --all: #4f7cc1; --us: #f85149; --warn: #d29922; --err: #f85149; --info: #4493f8; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
.muted { color: var(--muted); font-size: .9em; }
.stats { display: flex; flex-wrap: wrap; gap: 1rem; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.stat-value { font-size: 1.8rem; font-weight: 600; } .stat.flagged .stat-value { color: var(--us); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 1.5rem; }
.chart { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
.bars { list-style: none; padding: 0; margin: 0; }
.bars li { display: grid; grid-template-columns: 9rem 1fr 2.5rem; gap: .5rem; align-items: center; }
.bar { height: .9rem; width: 100%; } .bar-all { fill: var(--all); } .bar-us { fill: var(--us); }
.bar-count { text-align: right; font-variant-numeric: tabular-nums; }
.map { margin: 0; } .map figcaption { font-weight: normal; } .map-svg { width: 100%; max-width: 960px; height: auto; display: block; }
.map-sphere { fill: color-mix(in srgb, var(--all) 8%, transparent); } .map-land { fill: color-mix(in srgb, var(--muted) 25%, transparent); stroke: var(--bg); stroke-width: .5; }
.map-placed { fill: var(--all); } .map-copy-target { fill: color-mix(in srgb, var(--us) 45%, transparent); } .map-flagged { fill: var(--us); } .map-marker { fill: var(--all); stroke: var(--fg); stroke-width: 1; } .map-marker.map-flagged { fill: var(--us); }
.map-copy { stroke: var(--fg); stroke-opacity: .75; } .map-arrow { fill: var(--fg); }
.flows-svg { max-width: 100%; height: auto; } .flow { stroke: var(--us); stroke-opacity: .55; } .flow-node { fill: var(--all); } .flow-node.flow-abroad { fill: var(--us); } .flow-label { font-size: 12px; fill: currentColor; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.num.flagged { color: var(--us); font-weight: 600; }
.swatch { width: .8rem; height: .8rem; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
#placements td:nth-child(1), #placements td:nth-child(2), #placements td:nth-child(8) { overflow-wrap: anywhere; }
th { background: color-mix(in srgb, var(--line) 35%, var(--bg)); }
@media screen { thead th { position: sticky; top: 0; z-index: 1; } }
tr.group-row th { background: var(--bg); font-weight: 600; padding-top: .8rem; }
.loc { font-family: ui-monospace, monospace; white-space: nowrap; }
.places { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
table.not-read th:first-child { width: 28%; } table.not-read td:first-child { overflow-wrap: anywhere; } table.not-read th:nth-child(2) { width: 5em; }
.rule.sev-error { color: var(--err); } .rule.sev-warning { color: var(--warn); } .rule.sev-info { color: var(--info); }
.rule.accepted { color: var(--muted); font-style: italic; } .unresolved-region { font-style: italic; } .copy-abroad { color: var(--us); font-weight: 600; }
a { color: var(--info); }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  .stat, .chart, tr, h3 { break-inside: avoid; } thead { display: table-header-group; } tr.group-row { break-after: avoid; }
  .loc { white-space: normal; }
  a::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
}
`;
