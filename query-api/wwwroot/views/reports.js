// The stored daily risk reports: a paged list, and one report shown in a frame of its own.
// The report's HTML is fetched with the user's key (a plain link could not carry it) and placed into an empty
// same-origin page served with the report's own policy: its inline styles and data: charts apply there, while the
// console keeps its strict one. Nothing runs inside the frame (no scripts are allowed in it).
import { api, key, query } from '../api.js';
import { t } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';

function reportQuery(r) {
  return query({ agency: r.agency, lang: r.lang });
}

function row(view, params, r) {
  const open = h('a', { href: `#/reports/${r.date}${reportQuery(r)}`, class: 'open-report' }, t('open'));
  return h('tr', { 'data-date': r.date, 'data-lang': r.lang },
    h('td', {}, r.date), h('td', {}, r.agency || t('province')), h('td', {}, r.lang), h('td', {}, localTime(r.generated_at)), h('td', {}, open));
}

export async function reportsView(view, params) {
  const data = await api(`/api/reports${query({ lang: params.get('lang'), page: params.get('page'), page_size: 50 })}`);
  const page = data.page;
  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  const go = p => { params.set('page', p); reportsView(view, params); };
  const rows = data.items.map(r => row(view, params, r));
  replace(view, h('h1', {}, t('reports')),
    rows.length ? h('table', { id: 'reports' },
      h('thead', {}, h('tr', {}, ['day', 'agency', 'language', 'generatedAt', ''].map(c => h('th', {}, c ? t(c) : '')))),
      h('tbody', {}, rows)) : h('p', { class: 'card muted', id: 'no-reports' }, t('noReports')),
    h('div', { class: 'pager' }, h('button', { class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, t('prev')),
      `${t('page')} ${page} ${t('of')} ${pages} · ${data.total} ${t('total')}`,
      h('button', { class: 'secondary', disabled: page >= pages, onclick: () => go(page + 1) }, t('next'))));
}

async function fetchHtml(path) {
  const response = await fetch(path, { headers: { 'X-Api-Key': key() ?? '' } });
  const text = await response.text();
  if (!response.ok) {
    let message = `${response.status}`;
    try { const problem = JSON.parse(text); message = [problem.title, problem.detail].filter(Boolean).join('\n') || message; } catch { /* not a problem document */ }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return text;
}

function loaded(frame) {
  return new Promise(resolve => frame.addEventListener('load', resolve, { once: true }));
}

export async function reportView(view, date, params) {
  const suffix = query({ agency: params.get('agency'), lang: params.get('lang') });
  const html = await fetchHtml(`/api/reports/${encodeURIComponent(date)}/html${suffix}`);
  const frame = h('iframe', { id: 'report-frame', class: 'report-frame', title: `${t('report')} ${date}`, sandbox: 'allow-same-origin allow-modals' });
  const print = h('button', { type: 'button', id: 'print-report', onclick: () => frame.contentWindow.print() }, t('print'));
  const json = h('button', { type: 'button', class: 'secondary', id: 'report-json', onclick: async () => {
    const figures = await api(`/api/reports/${encodeURIComponent(date)}${suffix}`);
    const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(figures, null, 2)], { type: 'application/json' })), download: `logsentinel-report-${date}.json` });
    link.click();
    URL.revokeObjectURL(link.href);
  } }, t('downloadJson'));
  const ready = loaded(frame);
  frame.src = '/console/report-frame.html';
  replace(view, h('div', { class: 'actions' }, h('a', { href: '#/reports' }, t('backReports')), print, json), frame);
  await ready;
  // Parsed by the frame's own document, so the frame's policy (not the console's) judges the report's styles.
  const doc = frame.contentDocument;
  doc.open();
  doc.write(html);
  doc.close();
  frame.dataset.loaded = 'true';
}
