/* parallax web UI: story list, story comparison, article and search views,
 * rendered from the JSON API (docs/api.md). No framework, no network
 * access beyond the server that served this file. */
'use strict';

const LEANINGS = ['left', 'center-left', 'center', 'center-right', 'right', 'state-media', 'wire', 'unknown'];
const view = document.getElementById('view');

/* ---- small DOM helpers ------------------------------------------------- */

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'style') e.setAttribute('style', v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function leaningKey(l) {
  const k = (l || 'unknown').toLowerCase();
  return LEANINGS.includes(k) ? k : 'unknown';
}

function color(l) {
  return `var(--${leaningKey(l)})`;
}

function fmtDate(d) {
  if (!d) return 'undated';
  const t = Date.parse(d.length === 10 ? d + 'T00:00:00Z' : d);
  if (Number.isNaN(t)) return d;
  return new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function dayOf(d) {
  const t = Date.parse((d || '').slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : t / 86400000;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${r.status}`;
    throw new Error(msg);
  }
  return body;
}

function showError(e) {
  view.replaceChildren(el('div', { class: 'card error', role: 'alert' }, el('strong', { text: 'Error: ' }), e.message));
}

/* ---- coverage ---------------------------------------------------------- */

/* coverage: [{leaning, source, articles, first_date, last_date}] */
function coverageBar(coverage) {
  const by = {};
  let total = 0;
  for (const c of coverage || []) {
    const k = leaningKey(c.leaning);
    by[k] = (by[k] || 0) + c.articles;
    total += c.articles;
  }
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': 'coverage by source leaning' });
  const legend = el('div', { class: 'legend' });
  for (const k of LEANINGS) {
    if (!by[k]) continue;
    bar.appendChild(el('span', { style: `width:${(100 * by[k]) / total}%;background:${color(k)}`, title: `${k}: ${by[k]}` }));
    legend.appendChild(el('span', {}, el('i', { class: 'dot', style: `background:${color(k)}` }), ` ${k} ${by[k]}`));
  }
  return el('div', { class: 'coverage' }, bar, legend);
}

/* One dot per outlet at the day of its first article. */
function dateRow(coverage, first, last) {
  const d0 = dayOf(first), d1 = dayOf(last);
  const row = el('div', { class: 'daterow' });
  for (const c of coverage || []) {
    const d = dayOf(c.first_date);
    if (d === null || d0 === null) continue;
    const x = d1 > d0 ? (100 * (d - d0)) / (d1 - d0) : 50;
    row.appendChild(el('i', { style: `left:${x}%;background:${color(c.leaning)}`, title: `${c.source || 'unknown'}: ${fmtDate(c.first_date)}` }));
  }
  return el('div', {}, row, el('div', { class: 'dates' }, el('span', { text: fmtDate(first) }), el('span', { text: fmtDate(last) })));
}

/* ---- coverage over time ------------------------------------------------ */

function svg(tag, attrs, ...children) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children.flat(Infinity)) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/* Articles per day (per week over long spans), stacked by outlet leaning;
 * estimated dates drawn paler. Inline SVG: no library, no network. */
function coverageChart(articles) {
  const dated = articles.filter((a) => dayOf(a.date) !== null);
  if (!dated.length) return null;
  const days = dated.map((a) => dayOf(a.date));
  const d0 = Math.min(...days), d1 = Math.max(...days);
  const step = d1 - d0 > 90 ? 7 : 1;
  const nbins = Math.floor((d1 - d0) / step) + 1;
  const bins = Array.from({ length: nbins }, () => new Map());
  for (const a of dated) {
    const b = bins[Math.floor((dayOf(a.date) - d0) / step)];
    const key = `${leaningKey(a.leaning)}${a.date_estimated ? '~' : ''}`;
    if (!b.has(key)) b.set(key, []);
    b.get(key).push(a.source || 'unknown');
  }
  const max = Math.max(...bins.map((b) => [...b.values()].reduce((n, v) => n + v.length, 0)));
  const W = 720, H = 120, pad = 18, bw = Math.min(40, Math.max(2, (W - 2 * pad) / nbins - 1));
  const bars = [];
  bins.forEach((b, i) => {
    let y = H - pad;
    for (const k of LEANINGS) for (const est of [false, true]) {
      const srcs = b.get(`${k}${est ? '~' : ''}`);
      if (!srcs) continue;
      const h = ((H - 2 * pad) * srcs.length) / max;
      y -= h;
      const day = new Date((d0 + i * step) * 86400000).toISOString().slice(0, 10);
      bars.push(svg('rect', { x: pad + i * (bw + 1), y, width: bw, height: h, fill: color(k), 'fill-opacity': est ? 0.4 : 1 },
        svg('title', {}, `${step === 7 ? 'week of ' : ''}${fmtDate(day)}: ${srcs.length} ${k}${est ? ' (estimated dates)' : ''}: ${[...new Set(srcs)].join(', ')}`)));
    }
  });
  const undated = articles.length - dated.length;
  return el('div', { class: 'timechart' },
    svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': `articles per ${step === 7 ? 'week' : 'day'} by outlet leaning` },
      svg('line', { x1: pad, y1: H - pad, x2: W - pad, y2: H - pad, stroke: '#999' }), bars,
      svg('text', { x: pad, y: H - 4, 'font-size': 10, fill: '#666' }, fmtDate(dated.find((a) => dayOf(a.date) === d0).date)),
      svg('text', { x: W - pad, y: H - 4, 'font-size': 10, fill: '#666', 'text-anchor': 'end' }, fmtDate(dated.find((a) => dayOf(a.date) === d1).date)),
      svg('text', { x: pad, y: 10, 'font-size': 10, fill: '#666' }, `${max} article${max === 1 ? '' : 's'} per ${step === 7 ? 'week' : 'day'} at most`)),
    el('div', { class: 'small muted' }, `Articles per ${step === 7 ? 'week' : 'day'}, coloured by outlet leaning; paler bars are articles without a date of their own, placed at their estimated date.${undated ? ` ${undated} undated article${undated === 1 ? '' : 's'} not shown.` : ''}`));
}

function sourceChips(coverage) {
  return el('div', { class: 'chips' }, (coverage || []).map((c) =>
    el('span', { class: 'chip' }, el('i', { class: 'dot', style: `background:${color(c.leaning)}` }), c.source || 'unknown')));
}

/* ---- story list -------------------------------------------------------- */

function storyItem(s) {
  return el('li', { class: 'card story-item' },
    el('div', {},
      el('h2', {}, el('a', { href: `#/story/${s.id}`, class: 'story-link' }, s.title || '(untitled story)')),
      el('div', { class: 'meta' }, `${s.articles} article${s.articles === 1 ? '' : 's'} from ${s.sources} outlet${s.sources === 1 ? '' : 's'} · ${fmtDate(s.first_date)}${s.last_date !== s.first_date ? ' – ' + fmtDate(s.last_date) : ''}${s.has_analysis ? '' : ' · not analysed yet'}`),
      sourceChips(s.coverage)),
    el('div', {}, coverageBar(s.coverage), dateRow(s.coverage, s.first_date, s.last_date)));
}

async function showStories(params) {
  const qs = new URLSearchParams();
  if (params.get('since')) qs.set('since', params.get('since'));
  if (params.get('q')) qs.set('q', params.get('q'));
  const res = await api(`/api/stories?${qs}`);
  document.title = 'parallax: stories';
  const head = el('div', {}, el('h1', {}, 'Stories'),
    el('p', { class: 'muted' }, `${res.total} stor${res.total === 1 ? 'y' : 'ies'}, most recent first. Bars show how much of each story's coverage comes from outlets of each leaning; dots mark when each outlet first reported it.`));
  if (!res.stories.length)
    return view.replaceChildren(head, el('div', { class: 'card empty' }, 'No stories yet. Add articles with ', el('code', {}, 'parallax ingest'), ' or POST /api/articles.'));
  view.replaceChildren(head, el('ul', { class: 'story-list', id: 'stories' }, res.stories.map(storyItem)));
}

/* ---- story page: the comparison --------------------------------------- */

/* The story object of GET /api/stories/{id}: the report schema
 * (docs/report-schema.md) plus the store's fields (docs/api.md). */

function section(id, title, note, ...content) {
  return el('section', { class: 'card', id }, el('h2', {}, title), note ? el('p', { class: 'section-note' }, note) : null, ...content);
}

/* Lookups from the report's article ids and outlet names. */
function storyIndex(s) {
  const byId = new Map(), leaning = new Map();
  for (const a of s.articles || []) {
    byId.set(a.id, a);
    if (!leaning.has(a.source)) leaning.set(a.source, a.leaning);
  }
  return { byId, leaning, sources: s.sources || [] };
}

function articleHref(ix, id) {
  const a = ix.byId.get(id);
  return a && a.row ? `#/article/${a.row}` : null;
}

function outletChip(ix, name, href) {
  const inner = [el('i', { class: 'dot', style: `background:${color(ix.leaning.get(name))}` }), ` ${name}`];
  return href ? el('a', { class: 'chip', href, title: 'open the article' }, inner) : el('span', { class: 'chip' }, inner);
}

/* The first n items rendered into container, and a button that renders
 * the rest: a story of hundreds of articles has thousands of items. */
function capped(container, items, n, render) {
  container.append(...items.slice(0, n).map(render));
  if (items.length <= n) return [container];
  const more = el('button', { class: 'more', type: 'button' }, `Show all ${items.length}`);
  more.addEventListener('click', () => {
    container.append(...items.slice(n).map((x, k) => render(x, n + k)));
    more.remove();
  });
  return [container, more];
}

function truncate(t, n) {
  t = t || '';
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function cites(ix, it) {
  return el('span', { class: 'cites' }, (it.cites || [it.source]).map((c, i) =>
    outletChip(ix, c, i === 0 ? articleHref(ix, it.article) : null)));
}

/* The gist, then per outlet what it leads with and what only it reports. */
function renderSummary(s, ix) {
  const items = s.summary || [];
  if (!items.length) return null;
  const lines = (s.outlet_lines || []).filter((l) => l.lead || l.only);
  const line = (l) => el('li', {}, outletChip(ix, l.source, articleHref(ix, (l.lead || l.only).article)),
    l.lead ? [' leads with ', el('span', { class: 'lead' }, l.lead.text)] : null,
    l.only ? [' ', el('span', { class: 'label' }, 'only here'), ' ', el('a', { href: articleHref(ix, l.only.article) }, l.only.text)] : null);
  return section('summary', 'Summary', 'The gist: the sentence closest to what the outlets share, with the outlets that report it; then what each outlet leads with and what only it reports.',
    el('p', { class: 'gist' }, items[0].text, ' ', cites(ix, items[0])),
    ...capped(el('ul', { class: 'outlet-lines' }), lines, 12, line),
    items.length > 1 ? el('details', {}, el('summary', {}, `Other central sentences (${items.length - 1})`),
      el('ol', { class: 'summary' }, items.slice(1).map((it) => el('li', {}, it.text, ' ', cites(ix, it))))) : null);
}

/* One claim per line; the sentence it comes from is the row's tooltip. */
function claimRow(c, ix) {
  return el('tr', { class: 'claim', title: c.sentence || '' },
    el('td', { class: 'nowrap' }, el('strong', {}, c.text)),
    el('td', {}, outletChip(ix, c.source, articleHref(ix, c.article))),
    el('td', { class: 'nowrap small muted' }, fmtDate(c.date)),
    el('td', { class: 'small' }, c.attribution ? `according to ${c.attribution}` : el('span', { class: 'muted' }, 'no attribution')));
}

function fmtNumber(v) {
  return v === null || v === undefined ? '?' : Number(v).toLocaleString('en-US');
}

function fmtValue(c, v) {
  const n = fmtNumber(v);
  if (c.kind === 'money') return `${c.unit && c.unit !== 'USD' ? c.unit + ' ' : '$'}${n}`;
  return c.kind === 'percent' ? `${n}%` : n;
}

/* "6 – 12", "$2 – $3", or one figure when the claims agree. */
function fmtRange(c) {
  const span = c.min === c.max ? fmtValue(c, c.min) : `${fmtValue(c, c.min)} – ${fmtValue(c, c.max)}`;
  if (c.kind === 'money' || c.kind === 'percent' || !c.unit) return span;
  return `${span} ${c.unit}${c.max !== 1 && !/s$/.test(c.unit) ? 's' : ''}`;
}

/* The status of a group of claims, with how sure the grouping is. */
function statusBadge(c) {
  const conf = typeof c.confidence === 'number' ? ` · confidence ${c.confidence.toFixed(2)}` : '';
  const badge = c.status === 'agree'
    ? el('span', { class: 'badge agree' }, 'agree')
    : c.status === 'evolving'
      ? el('span', { class: 'badge calm', title: 'every larger figure comes from a later article' }, 'later reports, later figures')
      : el('span', { class: 'badge' }, 'disagree');
  return el('div', { class: 'status' }, badge, el('span', { class: 'small muted confidence' }, conf));
}

function numberRow(c, ix) {
  const sources = new Set((c.claims || []).map((cl) => cl.source));
  return el('tr', { class: c.status === 'agree' ? 'agreement' : 'conflict' },
    el('td', {}, el('strong', {}, c.label || c.counted || c.kind), el('div', { class: 'small muted' }, c.kind),
      c.evidence ? el('div', { class: 'small muted evidence' }, c.evidence) : null),
    el('td', { class: 'nowrap' }, fmtRange(c),
      el('div', { class: 'small muted' }, `${sources.size} outlet${sources.size === 1 ? '' : 's'}`), statusBadge(c)),
    claimsCell(c.claims || [], ix));
}

function claimsCell(claims, ix) {
  const [body, more] = capped(el('tbody', {}), claims, 12, (cl) => claimRow(cl, ix));
  return el('td', {}, el('table', { class: 'claims' }, body), more);
}

function numberTable(items, ix, cls) {
  const [body, more] = capped(el('tbody', {}), items, 30, (c) => numberRow(c, ix));
  return [el('table', { class: cls },
    el('thead', {}, el('tr', {}, el('th', {}, 'Quantity'), el('th', {}, 'Figure'), el('th', {}, 'Claims'))), body), more];
}

/* Disagreements at or above the report's display threshold first; the less
 * certain ones (shown: false) folded under them. */
function renderConflicts(s, ix) {
  const items = s.conflicts || [];
  if (!items.length) return null;
  const sure = items.filter((c) => c.shown !== false), unsure = items.filter((c) => c.shown === false);
  return section('conflicts', `Numbers that disagree (${sure.length})`,
    'Claims about the same quantity that differ between articles, with who each article attributes its figure to (hover a claim for its sentence). The confidence (0 to 1) is how surely the claims report one quantity, with what it rests on under the quantity.',
    sure.length ? numberTable(sure, ix, 'conflicts') : el('p', { class: 'muted' }, 'No disagreement the comparison is sure of.'),
    unsure.length ? el('details', { class: 'unsure' }, el('summary', {}, `${unsure.length} less certain disagreement${unsure.length === 1 ? '' : 's'}`),
      ...numberTable(unsure, ix, 'conflicts')) : null);
}

/* Figures two or more outlets give alike: what the coverage confirms. */
function renderAgreements(s, ix) {
  const items = (s.agreements || []).filter((c) => c.shown !== false);
  if (!items.length) return null;
  return section('agreements', `Numbers outlets agree on (${items.length})`,
    'The same figure for the same quantity in articles from different outlets: what the coverage confirms.',
    ...numberTable(items, ix, 'agreements'));
}

/* Speakers down, outlets across: who each outlet quotes, and how. */
function renderQuotes(s, ix) {
  const quotes = (s.quotes || []).filter((q) => q.speaker);
  if (!quotes.length) return null;
  const bySpeaker = new Map();
  for (const q of quotes) {
    if (!bySpeaker.has(q.speaker)) bySpeaker.set(q.speaker, []);
    bySpeaker.get(q.speaker).push(q);
  }
  const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 15);
  // at most 12 outlets across: those quoting the most
  const perOutlet = new Map();
  for (const q of quotes) perOutlet.set(q.source, (perOutlet.get(q.source) || 0) + 1);
  const outlets = ix.sources.filter((o) => perOutlet.has(o))
    .sort((a, b) => perOutlet.get(b) - perOutlet.get(a)).slice(0, 12)
    .sort((a, b) => ix.sources.indexOf(a) - ix.sources.indexOf(b));
  const head = el('tr', {}, el('th', {}, 'Speaker'), outlets.map((o) => el('th', {}, outletChip(ix, o))));
  const rows = speakers.map(([who, qs]) => el('tr', {},
    el('th', { scope: 'row', class: 'speaker' }, who, el('div', { class: 'small muted' }, `${qs.length} quote${qs.length === 1 ? '' : 's'}`)),
    outlets.map((o) => {
      const mine = qs.filter((q) => q.source === o);
      // at most three quotes a cell: a big story has thousands
      return el('td', { class: mine.length ? 'has' : 'none' }, mine.slice(0, 3).map((q) =>
        el('a', { class: 'q', href: articleHref(ix, q.article), title: q.text }, `“${truncate(q.text, 80)}”`)),
        mine.length > 3 ? el('div', { class: 'small muted' }, `and ${mine.length - 3} more`) : null);
    })));
  const shared = (s.shared_quotes || []).map((q) => el('li', {}, `“${truncate(q.text, 200)}” `,
    el('span', { class: 'who' }, q.speaker ? `— ${q.speaker}` : ''), ' ', el('span', { class: 'cites' }, (q.sources || []).map((o) => outletChip(ix, o)))));
  return section('quotes', `Quotes (${(s.quotes || []).length})`, 'Who each outlet quotes: speakers down, outlets across. Empty cells are outlets that do not quote that speaker.',
    el('div', { class: 'scroll' }, el('table', { class: 'quote-grid' }, el('thead', {}, head), el('tbody', {}, rows))),
    shared.length ? [el('h3', { class: 'small' }, 'Carried by several outlets'), el('ul', { class: 'shared' }, shared)] : null);
}

function renderFraming(s, ix) {
  const f = (s.framing || []).filter((e) => (e.terms || []).length);
  if (!f.length) return null;
  const blocks = f.map((entry) => {
    const terms = entry.terms.slice(0, 8);
    const max = Math.max(...terms.map((t) => Math.abs(t.z) || 0), 0.001);
    return el('div', { class: 'framing-block' }, el('h3', { class: 'small' }, outletChip(ix, entry.source), el('span', { class: 'muted' }, ` ${entry.words} words`)),
      terms.map((t) => el('div', { class: 'framing-row', title: `used ${t.count}× here, ${t.others}× by the other outlets; z = ${t.z}` },
        el('span', {}, t.term),
        el('div', { class: 'fbar' }, el('span', { style: `width:${(100 * Math.max(t.z, 0)) / max}%;background:${color(ix.leaning.get(entry.source))}` })))),
      (entry.labels || []).length ? el('div', { class: 'small labels' }, 'calls ', entry.labels.slice(0, 4).map((l, i) => [i ? '; ' : '', el('strong', {}, l.actor), ` “${l.label}”`])) : null);
  });
  return section('framing', 'Framing', 'Words each outlet uses more than the others do. A bar is a z-score: how many standard deviations more often the outlet uses the word than the other outlets do (weighted log-odds); about 2 or more is a clear lean, below 1 may be chance.',
    ...capped(el('div', { class: 'grid2' }), blocks, 12, (b) => b));
}

/* Actors down, outlets across: the words each outlet attaches to them. */
function renderActors(s, ix) {
  const actors = (s.actors || []).filter((a) => a.outlets.length);
  if (!actors.length) return null;
  const used = new Set(actors.flatMap((a) => a.outlets.map((o) => o.source)));
  const outlets = ix.sources.filter((o) => used.has(o)).slice(0, 12);
  const cell = (a, o) => {
    const c = a.outlets.find((x) => x.source === o);
    if (!c) return el('td', { class: 'none' });
    return el('td', { class: 'has' }, c.words.map((w, i) => [i ? ', ' : '',
      el('a', { href: articleHref(ix, w.article), title: w.sentence, class: w.only_here ? 'own' : null }, w.word),
      w.count > 1 ? el('span', { class: 'small muted' }, ` ×${w.count}`) : null]));
  };
  return section('actors', 'How each outlet names the actors', 'The words each outlet calls the people, organisations and places most outlets name by (before the name: "the jihadist group", "the occupied West Bank"; after it: "Hamas terrorists"), and what it says is done to people ("Palestinians have been murdered"). Words in bold only this outlet attaches to the actor; hover a word for its sentence.',
    el('div', { class: 'scroll' }, el('table', { class: 'actor-grid' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Actor'), outlets.map((o) => el('th', {}, outletChip(ix, o))))),
      el('tbody', {}, actors.map((a) => el('tr', {}, el('th', { scope: 'row' }, a.name, el('div', { class: 'small muted' }, a.kind)),
        outlets.map((o) => cell(a, o))))))));
}

function renderConsensus(s, ix) {
  const facts = ((s.consensus || {}).facts || []).filter((f) => f.consensus);
  if (!facts.length) return null;
  return section('consensus', 'What most outlets agree on', `Facts reported by at least ${s.consensus.majority} outlets.`,
    el('ul', { class: 'facts' }, facts.slice(0, 10).map((f) => el('li', {}, f.text, ' ',
      el('span', { class: 'small muted' }, `${f.sources.length} outlets`)))));
}

function renderOmissions(s, ix) {
  const items = (s.omissions || []).filter((o) => (o.omitted || []).length || (o.only_here || []).length);
  if (!items.length) return null;
  return section('omissions', 'What each outlet leaves out', 'Facts most other outlets report that this one does not, and what only this one reports.',
    ...capped(el('div', { class: 'grid2' }), items, 12, (o) => el('div', { class: 'omission' },
      el('h3', { class: 'small' }, outletChip(ix, o.source)),
      (o.omitted || []).length ? el('div', {}, el('div', { class: 'label' }, 'leaves out'),
        el('ul', { class: 'omitted' }, o.omitted.map((x) => el('li', {}, x.text, ' ', el('span', { class: 'small muted' }, `(${x.sources.join(', ')})`))))) : null,
      (o.only_here || []).length ? el('div', {}, el('div', { class: 'label' }, 'only here'),
        el('ul', { class: 'only' }, o.only_here.map((x) => el('li', {}, el('a', { href: articleHref(ix, x.article) }, truncate(x.text, 220)))))) : null)));
}

function eventDate(e) {
  const t = Date.parse(e.date + 'T00:00:00Z');
  if (Number.isNaN(t)) return e.date;
  const d = new Date(t);
  if (e.grain === 'year') return String(d.getUTCFullYear());
  if (e.grain === 'month') return d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (e.grain === 'week') return `week of ${fmtDate(e.date)}`;
  return fmtDate(e.date);
}

function renderTimeline(s, ix) {
  const items = s.timeline || [];
  if (!items.length) return null;
  return section('timeline', `Timeline (${items.length})`, 'Dates the articles mention, in order, with the first sentence naming each.',
    ...capped(el('ul', { class: 'timeline' }), items, 100, (e) => el('li', { class: e.future ? 'future' : null },
      el('time', { datetime: e.date }, eventDate(e)), e.future ? el('span', { class: 'badge calm' }, 'expected') : null, ' ',
      e.text, ' ', el('span', { class: 'cites' }, (e.sources && e.sources.length ? e.sources : [e.source]).map((o, i) =>
        outletChip(ix, o, i === 0 ? articleHref(ix, e.article) : null))))));
}

function renderEntities(s, ix) {
  const items = (s.entities || []).slice(0, 12);
  if (!items.length) return null;
  return section('entities', 'People and organisations', 'Most mentioned first, with how many outlets name them.',
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Kind'), el('th', {}, 'Mentions'), el('th', {}, 'Outlets'))),
      el('tbody', {}, items.map((e) => el('tr', {}, el('td', {}, e.name, e.role ? el('span', { class: 'small muted' }, ` (${e.role})`) : null),
        el('td', {}, e.kind), el('td', {}, String(e.mentions)), el('td', {}, String((e.sources || []).length)))))));
}

function renderArticles(s) {
  const articles = s.articles || [];
  const dups = s.duplicates || [];
  return section('articles', `Articles (${articles.length})`, 'What cleaning removed from each article is listed under it.',
    ...capped(el('div', {}), articles, 100, (a, i) => el('div', { class: 'article', id: `art-${a.row}` },
      el('h3', {}, `[${i + 1}] `, a.row ? el('a', { href: `#/article/${a.row}` }, a.title || '(untitled)') : a.title || '(untitled)'),
      el('div', { class: 'meta' }, el('i', { class: 'dot', style: `background:${color(a.leaning)}` }),
        ` ${a.source || 'unknown source'} · ${a.leaning || 'leaning unknown'} · `,
        a.date_estimated ? el('span', { class: 'estimated', title: 'the article has no date: estimated from its story and its own text' }, `about ${fmtDate(a.date)} (estimated)`) : fmtDate(a.date),
        ` · ${a.sentences} sentences`,
        a.url ? [' · ', el('a', { href: a.url, rel: 'noopener noreferrer' }, 'original')] : ''),
      removedList(a.removed))),
    dups.length ? el('div', { id: 'duplicates' }, el('h3', { class: 'small' }, `Copies set aside (${dups.length})`),
      el('p', { class: 'section-note' }, 'Copies of an article above are not compared, so that a copy never counts as a second outlet confirming it.'),
      el('ul', {}, dups.map((d) => el('li', {}, el('a', { href: `#/article/${d.row}` }, d.title || d.article),
        ` · ${d.source || 'unknown source'} · ${fmtDate(d.date)} · ${d.relation || 'copy'} of `,
        el('a', { href: `#/article/${d.duplicate_of_row}` }, `article ${d.duplicate_of_row}`))))) : null);
}

function removedList(removed) {
  if (!removed || !removed.length) return el('div', { class: 'small muted' }, 'Nothing removed by cleaning.');
  return el('details', {}, el('summary', {}, `Cleaning removed ${removed.length} piece${removed.length === 1 ? '' : 's'}`),
    el('ul', { class: 'removed' }, removed.map((r) => el('li', {}, el('span', { class: 'why' }, r.reason), r.text))));
}

/* Related stories in other languages (docs/links.md): linked on shared
 * names, figures and dates, never merged. Nothing when there are none. */
function renderAlsoCovered(s) {
  const also = s.also_covered_in;
  if (!also || !(also.stories || []).length) return null;
  return el('div', { class: 'card', id: 'also-covered' },
    el('p', {}, 'Also covered in: ', el('b', {}, (also.languages || []).join(', '))),
    el('ul', { class: 'also-covered' }, also.stories.map((o) =>
      el('li', {}, el('span', { class: 'lang' }, o.language), ' ',
        el('a', { href: `#/story/${o.id}`, class: 'story-link' }, o.title || '(untitled story)')))));
}

function renderStory(s) {
  document.title = `parallax: ${s.title || 'story'}`;
  const ix = storyIndex(s);
  const parts = [
    el('a', { class: 'back', href: '#/' }, '← all stories'),
    el('h1', {}, (s.headline && s.headline.text) || s.title || '(untitled story)'),
    el('div', { class: 'meta' }, `${s.article_count} article${s.article_count === 1 ? '' : 's'} from ${s.source_count} outlet${s.source_count === 1 ? '' : 's'} · ${fmtDate(s.first_date)} – ${fmtDate(s.last_date)} · `,
      s.analyzed_at ? `analysed ${fmtDate(s.analyzed_at)}` : el('span', { id: 'not-stored' }, 'compared now (no stored analysis)')),
    renderAlsoCovered(s),
    el('div', { class: 'card', id: 'coverage' }, el('h2', {}, 'Coverage'), coverageBar(s.coverage), coverageChart(s.articles || []) || dateRow(s.coverage, s.first_date, s.last_date), sourceChips(s.coverage)),
    renderSummary(s, ix), renderConflicts(s, ix), renderAgreements(s, ix), renderQuotes(s, ix), renderActors(s, ix), renderFraming(s, ix),
    renderConsensus(s, ix), renderOmissions(s, ix), renderTimeline(s, ix), renderEntities(s, ix), renderArticles(s),
  ];
  view.replaceChildren(...parts.filter(Boolean));
}

async function showStory(id) {
  renderStory(await api(`/api/stories/${encodeURIComponent(id)}`));
}

/* ---- article and search ----------------------------------------------- */

async function showArticle(id) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `parallax: ${a.title || 'article'}`;
  view.replaceChildren(
    a.story ? el('a', { class: 'back', href: `#/story/${a.story}` }, '← story') : el('a', { class: 'back', href: '#/' }, '← all stories'),
    el('h1', {}, a.title || '(untitled)'),
    el('div', { class: 'meta' }, `${a.source || 'unknown source'} · ${a.leaning || 'leaning unknown'} · ${fmtDate(a.date)}`,
      a.url ? [' · ', el('a', { href: a.url, rel: 'noopener noreferrer' }, 'original')] : ''),
    el('div', { class: 'card body' }, (a.text || '').split('\n\n').map((p) => el('p', {}, p))),
    el('div', { class: 'card' }, el('h2', {}, 'Removed by cleaning'), removedList(a.removed)));
}

/* The server escapes the snippet for HTML and marks matches with <mark>. */
function snippetNode(html) {
  const p = el('p', { class: 'snippet' });
  p.innerHTML = html;
  return p;
}

async function showSearch(params) {
  const q = params.get('q') || '';
  document.getElementById('search-q').value = q;
  const res = await api(`/api/search?${new URLSearchParams({ q, limit: '50' })}`);
  document.title = `parallax: search ${q}`;
  view.replaceChildren(el('h1', {}, `Search: ${q}`), el('p', { class: 'muted' }, `${res.total} matching article${res.total === 1 ? '' : 's'}`),
    el('div', { id: 'results' }, res.results.map((h) => el('div', { class: 'card hit' },
      el('a', { href: `#/article/${h.id}` }, h.title || '(untitled)'),
      el('div', { class: 'meta' }, `${h.source || 'unknown'} · ${fmtDate(h.date)}`, h.story ? [' · ', el('a', { href: `#/story/${h.story}` }, 'story')] : ''),
      snippetNode(h.snippet)))));
}

/* ---- routing ----------------------------------------------------------- */

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  let m;
  try {
    if ((m = path.match(/^\/story\/(\d+)$/))) await showStory(m[1]);
    else if ((m = path.match(/^\/article\/(\d+)$/))) await showArticle(m[1]);
    else if (path === '/search') await showSearch(params);
    else await showStories(params);
    window.scrollTo(0, 0);
  } catch (e) {
    showError(e);
  }
}

function start() {
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = document.getElementById('search-q').value.trim();
    if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
  });
  window.addEventListener('hashchange', route);
  api('/api/health').then((h) => {
    document.getElementById('footer').textContent = `parallax ${h.version} · ${h.articles} articles · ${h.stories} stories`;
  }).catch(() => {});
  route();
}

start();
