/* parallax web UI: story list, story comparison, article and search views,
 * rendered from the JSON API (docs/api.md). No framework, no network
 * access beyond the server that served this file. A page written by
 * `parallax report --html` carries its story in #story-data and renders
 * without a server. */
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
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function pick(o, ...keys) {
  if (!o || typeof o !== 'object') return undefined;
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

function asText(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join(', ');
  if (typeof v === 'object') return asText(pick(v, 'name', 'text', 'value', 'source', 'label', 'id'));
  return String(v);
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

function section(id, title, note, ...content) {
  return el('section', { class: 'card', id }, el('h2', {}, title), note ? el('p', { class: 'section-note' }, note) : null, ...content);
}

/* Article reference: "[3]" linking to the article list below. */
function citeLinks(cites, articles) {
  const list = Array.isArray(cites) ? cites : cites !== undefined ? [cites] : [];
  if (!list.length) return null;
  return el('sup', { class: 'cite' }, list.map((c) => {
    const ref = typeof c === 'object' ? pick(c, 'article', 'row', 'id') : c;
    const idx = articles.findIndex((a) => a.row === ref || a.id === ref);
    const label = idx >= 0 ? String(idx + 1) : asText(ref);
    return el('a', { href: idx >= 0 ? `#art-${articles[idx].row}` : null, title: idx >= 0 ? articles[idx].source || '' : null, 'data-cite': '' }, `[${label}]`);
  }));
}

function renderSummary(an, articles) {
  const s = pick(an, 'summary', 'cited_summary');
  if (!s) return null;
  let paras;
  if (typeof s === 'string') paras = [el('p', {}, s)];
  else {
    const sentences = Array.isArray(s) ? s : pick(s, 'sentences', 'items') || [s];
    paras = [el('p', {}, sentences.map((x) => typeof x === 'string' ? [x, ' '] :
      [asText(pick(x, 'text', 'sentence')), citeLinks(pick(x, 'cites', 'citations', 'articles', 'sources'), articles), ' ']))];
  }
  return section('summary', 'Summary', 'Each sentence cites the articles it comes from.', el('div', { class: 'summary' }, paras));
}

function valueCell(v, articles) {
  const who = pick(v, 'attribution', 'according_to', 'attributed_to', 'speaker');
  return el('div', {}, el('strong', {}, asText(pick(v, 'value', 'text', 'number', 'raw'))),
    ' ', el('span', { class: 'muted small' }, asText(pick(v, 'source', 'outlet'))),
    who ? el('div', { class: 'small muted' }, `according to ${asText(who)}`) : null,
    citeLinks(pick(v, 'article', 'articles', 'cites'), articles));
}

function renderConflicts(an, articles) {
  const items = pick(an, 'conflicts', 'numbers', 'disagreements');
  if (!Array.isArray(items) || !items.length) return null;
  const rows = items.map((it) => {
    const values = pick(it, 'values', 'reports', 'claims') || [];
    const conflict = pick(it, 'conflict', 'disagree', 'disagreement');
    return el('tr', { class: conflict ? 'conflict' : null },
      el('td', {}, asText(pick(it, 'what', 'quantity', 'topic', 'label', 'unit', 'key')), conflict ? [' ', el('span', { class: 'badge' }, 'disagree')] : null),
      el('td', {}, (Array.isArray(values) ? values : [values]).map((v) => valueCell(v, articles))));
  });
  return section('conflicts', 'Numbers and disagreements', 'Figures the outlets report, with who they attribute them to; rows where outlets disagree are marked.',
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'What'), el('th', {}, 'Reported values'))), el('tbody', {}, rows)));
}

function renderQuotes(an, articles) {
  const items = pick(an, 'quotes');
  if (!Array.isArray(items) || !items.length) return null;
  return section('quotes', 'Who is quoted', 'Quotes grouped by speaker, with the outlets that carry them.',
    el('div', { class: 'quotes' }, items.map((q) => el('div', { class: 'quote' },
      el('blockquote', {}, `“${asText(pick(q, 'text', 'quote'))}”`),
      el('div', { class: 'who' }, asText(pick(q, 'speaker', 'who')) || 'unattributed'),
      el('div', { class: 'small muted' }, asText(pick(q, 'sources', 'source', 'outlets'))),
      citeLinks(pick(q, 'articles', 'article', 'cites'), articles)))));
}

function renderFraming(an) {
  let f = pick(an, 'framing', 'framing_words');
  if (!f) return null;
  if (!Array.isArray(f)) f = Object.entries(f).map(([source, words]) => ({ source, words }));
  if (!f.length) return null;
  const blocks = f.map((entry) => {
    const words = (pick(entry, 'words', 'terms') || []).slice(0, 8);
    const max = Math.max(...words.map((w) => Number(pick(w, 'score', 'weight', 'count')) || 1), 1);
    return el('div', {}, el('h3', { class: 'small' }, asText(pick(entry, 'source', 'outlet'))),
      words.map((w) => {
        const word = typeof w === 'string' ? w : asText(pick(w, 'word', 'term', 'text'));
        const score = typeof w === 'string' ? 1 : Number(pick(w, 'score', 'weight', 'count')) || 1;
        return el('div', { class: 'framing-row' }, el('span', {}, word),
          el('div', { class: 'fbar' }, el('span', { style: `width:${(100 * score) / max}%;background:${color(pick(entry, 'leaning'))}` })));
      }));
  });
  return section('framing', 'Framing', 'Words each outlet leans on more than the others.', el('div', { class: 'grid2' }, blocks));
}

function renderOmissions(an, articles) {
  const items = pick(an, 'omissions');
  if (!Array.isArray(items) || !items.length) return null;
  return section('omissions', 'What some outlets leave out', null, items.map((o) => el('div', { class: 'omission' },
    el('div', {}, asText(pick(o, 'text', 'fact', 'claim', 'what'))),
    el('div', { class: 'small muted' }, 'reported by ', asText(pick(o, 'reported_by', 'present_in', 'sources')) || '?',
      ' · missing from ', el('strong', {}, asText(pick(o, 'missing_from', 'absent_from', 'source')) || '?')),
    citeLinks(pick(o, 'articles', 'cites'), articles))));
}

/* The analysis timeline when there is one, else when each article appeared. */
function renderTimeline(an, articles) {
  let items = pick(an || {}, 'timeline');
  let note = 'Events as the articles date them.';
  if (!Array.isArray(items) || !items.length) {
    items = articles.map((a) => ({ date: a.date, text: `${a.source || 'unknown'}: ${a.title || '(untitled)'}`, articles: [a.row] }));
    note = 'When each outlet published.';
  }
  return section('timeline', 'Timeline', note, el('ul', { class: 'timeline' }, items.map((t) => el('li', {},
    el('time', {}, fmtDate(asText(pick(t, 'date', 'time', 'when')))), asText(pick(t, 'text', 'event', 'what')),
    citeLinks(pick(t, 'articles', 'article', 'cites'), articles)))));
}

function renderArticles(articles) {
  return section('articles', `Articles (${articles.length})`, 'What cleaning removed from each article is listed under it.',
    articles.map((a, i) => el('div', { class: 'article', id: `art-${a.row}` },
      el('h3', {}, `[${i + 1}] `, el('a', { href: `#/article/${a.row}` }, a.title || '(untitled)')),
      el('div', { class: 'meta' }, el('i', { class: 'dot', style: `background:${color(a.leaning)}` }), ` ${a.source || 'unknown source'} · ${a.leaning || 'leaning unknown'} · ${fmtDate(a.date)}`,
        a.authors && a.authors.length ? ` · ${a.authors.join(', ')}` : '', a.duplicate_of ? ` · copy of article ${a.duplicate_of}` : ''),
      removedList(a.removed))));
}

function removedList(removed) {
  if (!removed || !removed.length) return el('div', { class: 'small muted' }, 'Nothing removed by cleaning.');
  return el('details', {}, el('summary', {}, `Cleaning removed ${removed.length} piece${removed.length === 1 ? '' : 's'}`),
    el('ul', { class: 'removed' }, removed.map((r) => el('li', {}, el('span', { class: 'why' }, r.reason), r.text))));
}

function renderStory(s) {
  document.title = `parallax: ${s.title || 'story'}`;
  const an = s.analysis && typeof s.analysis === 'object' ? s.analysis : null;
  const arts = s.articles_list || [];
  const parts = [
    el('a', { class: 'back', href: '#/' }, '← all stories'),
    el('h1', {}, s.title || '(untitled story)'),
    el('div', { class: 'meta' }, `${s.articles} articles from ${s.sources} outlets · ${fmtDate(s.first_date)} – ${fmtDate(s.last_date)}`),
    el('div', { class: 'card' }, el('h2', {}, 'Coverage'), coverageBar(s.coverage), dateRow(s.coverage, s.first_date, s.last_date), sourceChips(s.coverage)),
  ];
  if (an) {
    parts.push(renderSummary(an, arts), renderConflicts(an, arts), renderQuotes(an, arts), renderFraming(an), renderOmissions(an, arts));
  } else {
    parts.push(el('div', { class: 'card empty', id: 'no-analysis' }, 'This story has not been analysed yet.'));
  }
  parts.push(renderTimeline(an, arts), renderArticles(arts));
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
  const embedded = document.getElementById('story-data');
  if (embedded) {
    document.querySelector('.search').remove();
    renderStory(JSON.parse(embedded.textContent));
    return;
  }
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
