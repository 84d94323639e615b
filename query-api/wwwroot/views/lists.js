// The day's riskiest entities, the audit trail and the reference-data loads: paged lists.
import { api, query } from '../api.js';
import { t } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';

function pager(view, params, data, render) {
  const page = data.page;
  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  const go = p => { params.set('page', p); render(view, params); };
  return h('div', { class: 'pager' }, h('button', { class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, t('prev')),
    `${t('page')} ${page} ${t('of')} ${pages} · ${data.total} ${t('total')}`,
    h('button', { class: 'secondary', disabled: page >= pages, onclick: () => go(page + 1) }, t('next')));
}

function table(columns, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, t(c))))), h('tbody', {}, rows));
}

export async function topView(view, params) {
  const day = params.get('day') || new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  const data = await api(`/api/entities/top${query({ day, page: params.get('page'), page_size: 50 })}`);
  const input = h('input', { type: 'date', value: day, onchange: e => { params.set('day', e.target.value); params.delete('page'); topView(view, params); } });
  replace(view, h('h1', {}, t('top')), h('div', { class: 'card' }, h('label', {}, `${t('day')} `, input)),
    table(['rank', 'entity', 'agency', 'alerts', 'score', 'risk', 'types'], data.items.map(e => h('tr', {},
      h('td', {}, e.rank), h('td', {}, ['account', 'ip', 'agency'].includes(e.entity_kind) ? h('a', { href: `#/entities/${e.entity_kind}/${encodeURIComponent(e.entity)}` }, `${e.entity_kind} ${e.entity}`) : `${e.entity_kind} ${e.entity}`),
      h('td', {}, e.agency), h('td', {}, e.alerts), h('td', {}, e.max_score), h('td', {}, e.risk), h('td', {}, e.types.join(', '))))),
    pager(view, params, data, topView));
}

export async function auditView(view, params) {
  const data = await api(`/api/audit${query({ actor: params.get('actor'), action: params.get('action'), page: params.get('page'), page_size: 50 })}`);
  const actor = h('input', { value: params.get('actor') ?? '', placeholder: t('actor') });
  const action = h('input', { value: params.get('action') ?? '', placeholder: t('action') });
  const form = h('form', { class: 'filters card', onsubmit: e => { e.preventDefault(); params.set('actor', actor.value); params.set('action', action.value); params.delete('page'); auditView(view, params); } },
    actor, action, h('button', { type: 'submit' }, t('filter')));
  replace(view, h('h1', {}, t('audit')), form, table(['at', 'actor', 'role', 'action', 'target', 'detail', 'from'], data.items.map(e => h('tr', {},
    h('td', {}, localTime(e.at)), h('td', {}, e.actor), h('td', {}, e.role), h('td', {}, e.action), h('td', { class: 'mono' }, e.target), h('td', {}, e.detail),
    h('td', {}, e.remote_address)))), pager(view, params, data, auditView));
}

export async function referenceView(view, params) {
  const data = await api(`/api/reference/versions${query({ page: params.get('page'), page_size: 50 })}`);
  replace(view, h('h1', {}, t('references')), table(['type', 'version', 'loadedAt', 'loadedBy', 'source', 'rows'], data.items.map(v => h('tr', {},
    h('td', {}, v.kind), h('td', {}, v.version), h('td', {}, localTime(v.loaded_at)), h('td', {}, v.loaded_by), h('td', {}, v.source), h('td', {}, v.rows)))),
  pager(view, params, data, referenceView));
}
