// An account, address or agency: when it was active, its reference data, its activity against its baseline and its alerts.
import { api, query } from '../api.js';
import { t, lang } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';
import { chartCard } from './alert.js';
import { severityBadge, stateBadge } from './queue.js';

export async function entityView(view, kind, name) {
  const entity = await api(`/api/entities/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`);
  const alerts = await api(`/api/alerts${query({ entity_kind: kind, entity: name, page_size: 50, sort: 'last_seen', order: 'desc' })}`);
  const from = entity.last_seen ? new Date(Date.parse(entity.last_seen) - 7 * 86400e3).toISOString() : undefined;
  const chart = await chartCard(kind, name, from, entity.last_seen ?? undefined);
  const account = entity.account;
  const info = h('div', { class: 'card' }, h('h1', {}, `${kind} `, h('b', { id: 'entity-name' }, name)), h('dl', { class: 'kv' },
    h('dt', {}, t('firstActive')), h('dd', {}, localTime(entity.first_seen) || '—'),
    h('dt', {}, t('lastActive')), h('dd', {}, localTime(entity.last_seen) || '—'),
    h('dt', {}, t('requests')), h('dd', {}, entity.requests),
    h('dt', {}, t('lookups')), h('dd', {}, entity.lookups),
    account ? [h('dt', {}, t('agency')), h('dd', {}, account.agency), h('dt', {}, t('role')), h('dd', {}, account.role),
      h('dt', {}, t('status')), h('dd', {}, `${account.status} (${account.status_since})`)] : [],
    h('dt', {}, t('networks')), h('dd', {}, entity.networks.map(n => `${n.cidr} ${n.label}`).join('; ') || '—'),
    h('dt', {}, t('delegations')), h('dd', {}, entity.delegations.map(d => `${d.account} → ${d.delegate} ${localTime(d.valid_from)} – ${localTime(d.valid_to)}`).join('; ') || '—')));
  const list = h('div', { class: 'card' }, h('h2', {}, `${t('alertsOf')} (${alerts.total})`), h('table', {}, h('tbody', {}, alerts.items.map(a =>
    h('tr', { class: 'row', onclick: () => { location.hash = `#/alerts/${a.id}`; } }, h('td', {}, severityBadge(a.severity)), h('td', {}, a.type),
      h('td', {}, stateBadge(a.state, a.disposition)), h('td', {}, localTime(a.last_seen)), h('td', {}, lang() === 'en' ? a.summary_en : a.summary_vi))))));
  replace(view, info, chart, list);
}
