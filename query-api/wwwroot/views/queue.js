// The alert queue: filters, sortable columns and server-side paging, so it stays fast on 100k alerts.
import { api, query } from '../api.js';
import { t, lang } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';

const types = ['scripted_bulk_lookup', 'unknown_source', 'account_sharing', 'many_accounts_one_source', 'weak_credentials',
  'departed_account_use', 'off_hours', 'brute_force', 'volume_spike', 'outage'];
const severities = ['critical', 'high', 'medium', 'low'];
const states = ['new', 'investigating', 'closed'];
const filterNames = ['type', 'severity', 'state', 'agency', 'entity', 'assignee', 'q', 'since', 'until'];

export function severityBadge(severity) { return h('span', { class: `sev sev-${severity}` }, severity); }
export function stateBadge(state, disposition) {
  return h('span', { class: `state state-${state}`, 'data-state': state }, t(state) + (disposition ? ` · ${t(disposition)}` : ''));
}

function go(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  location.hash = `#/alerts?${search}`;
}

export async function queueView(view, params) {
  const current = Object.fromEntries(params.entries());
  const page = Number(current.page || 1);
  const sort = current.sort || 'last_seen';
  const order = current.order || 'desc';
  const data = await api(`/api/alerts${query({ ...current, page, page_size: 50, sort, order })}`);

  const select = (name, values) => h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, t('any')),
    values.map(v => h('option', { value: v, selected: current[name] === v }, name === 'state' ? t(v) : v)));
  const input = (name, type = 'text') => h('input', { name, id: `filter-${name}`, type, value: current[name] ?? '' });
  const form = h('form', { class: 'filters card', id: 'filters', onsubmit: event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    go({ ...values, sort, order });
  } },
  h('label', {}, t('type'), select('type', types)), h('label', {}, t('severity'), select('severity', severities)),
  h('label', {}, t('state'), select('state', states)), h('label', {}, t('agency'), input('agency')), h('label', {}, t('entity'), input('entity')),
  h('label', {}, t('assignee'), input('assignee')), h('label', {}, t('text'), input('q')),
  h('label', {}, t('since'), input('since')), h('label', {}, t('until'), input('until')),
  h('button', { type: 'submit', id: 'apply' }, t('filter')), h('button', { type: 'button', class: 'secondary', onclick: () => go({}) }, t('clear')));

  const selected = new Set();
  const header = (key, label) => h('th', { class: 'sortable', onclick: () => go({ ...current, page: 1, sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' }) },
    label + (sort === key ? (order === 'desc' ? ' ▾' : ' ▴') : ''));
  const rows = data.items.map(a => h('tr', { class: 'row', 'data-id': a.id, onclick: event => {
    if (event.target.type !== 'checkbox') location.hash = `#/alerts/${a.id}`;
  } },
  h('td', {}, h('input', { type: 'checkbox', 'aria-label': a.id, onchange: e => e.target.checked ? selected.add(a.id) : selected.delete(a.id) })),
  h('td', {}, severityBadge(a.severity), ' ', a.score), h('td', { class: 'type' }, a.type), h('td', {}, `${a.entity_kind} `, h('b', {}, a.entity)),
  h('td', {}, a.agency), h('td', {}, stateBadge(a.state, a.disposition)), h('td', {}, a.assignee),
  h('td', {}, localTime(a.last_seen)), h('td', {}, a.occurrences), h('td', { class: 'why' }, lang() === 'en' ? a.summary_en : a.summary_vi)));

  const table = h('table', { id: 'queue' }, h('thead', {}, h('tr', {}, h('th', {}, ''), header('score', t('score')), header('type', t('type')),
    header('entity', t('entity')), h('th', {}, t('agency')), header('state', t('state')), h('th', {}, t('assignee')), header('last_seen', t('lastSeen')),
    header('occurrences', t('occurrences')), h('th', {}, t('why')))), h('tbody', {}, rows));

  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  const pager = h('div', { class: 'pager' },
    h('button', { class: 'secondary', disabled: page <= 1, onclick: () => go({ ...current, page: page - 1 }) }, t('prev')),
    h('span', { id: 'page-info' }, `${t('page')} ${page} ${t('of')} ${pages} · ${data.total} ${t('total')}`),
    h('button', { class: 'secondary', disabled: page >= pages, onclick: () => go({ ...current, page: page + 1 }) }, t('next')));

  const assignee = h('input', { placeholder: t('assignee') });
  const disposition = h('select', {}, ['true_positive', 'benign', 'false_positive', 'duplicate'].map(d => h('option', { value: d }, t(d))));
  const bulkMessage = h('span', { class: 'muted' });
  const bulk = async body => {
    const result = await api('/api/alerts/bulk', { method: 'POST', body: { ids: [...selected], ...body } });
    bulkMessage.textContent = `${result.changed.length} ✓ ${result.failed.map(f => f.reason).join('; ')}`;
    await queueView(view, params);
  };
  const bulkBar = h('div', { class: 'actions card' }, assignee, h('button', { class: 'secondary', onclick: () => bulk({ action: 'assign', assignee: assignee.value }) }, t('bulkAssign')),
    disposition, h('button', { class: 'secondary', onclick: () => bulk({ action: 'transition', state: 'closed', disposition: disposition.value }) }, t('bulkClose')), bulkMessage);

  replace(view, h('h1', {}, t('alerts')), form, data.items.length ? table : h('p', { class: 'card muted' }, t('none')), pager, bulkBar);
}
