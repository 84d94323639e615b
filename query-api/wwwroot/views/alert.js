// One alert: why it fired, the evidence, the entity's activity against its baseline, the workflow and its history.
import { api, query } from '../api.js';
import { t, lang } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';
import { activityChart } from '../chart.js';
import { severityBadge, stateBadge } from './queue.js';

const chartKinds = ['account', 'ip', 'agency'];

export async function chartCard(kind, name, from, to, windowStart, windowEnd) {
  if (!chartKinds.includes(kind)) return h('div', { class: 'card chart' }, h('h2', {}, t('activity')), h('p', { class: 'muted' }, t('noChart')));
  const timeline = await api(`/api/entities/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/timeline${query({ from, to, bucket: 'hour' })}`);
  return h('div', { class: 'card chart', id: 'chart' }, h('h2', {}, t('activity')), activityChart(timeline.points, windowStart, windowEnd),
    h('div', { class: 'legend' }, h('span', { class: 'o' }, '━ '), t('observedLine'), '   ', h('span', { class: 'b' }, '┅ '), t('baselineLine'),
      windowStart ? ['   ▮ ', t('alertWindow')] : []));
}

function shift(time, hours) {
  return new Date(Date.parse(time) + hours * 3600e3).toISOString();
}

export async function alertView(view, id, me) {
  const detail = await api(`/api/alerts/${encodeURIComponent(id)}`);
  const a = detail.alert;
  const canWrite = me.role === 'analyst' || me.role === 'admin';

  const summary = h('div', { class: 'card' },
    h('h1', {}, severityBadge(a.severity), ' ', a.type, ' · ', a.entity_kind, ' ', h('a', { href: `#/entities/${a.entity_kind}/${encodeURIComponent(a.entity)}` }, a.entity)),
    h('p', { id: 'summary' }, lang() === 'en' ? a.summary_en : a.summary_vi),
    h('dl', { class: 'kv' },
      h('dt', {}, t('state')), h('dd', { id: 'state' }, stateBadge(a.state, a.disposition)),
      h('dt', {}, t('assignee')), h('dd', { id: 'assignee' }, a.assignee || '—'),
      h('dt', {}, t('score')), h('dd', {}, a.score),
      h('dt', {}, t('category')), h('dd', {}, lang() === 'en' ? a.category.en : a.category.vi),
      h('dt', {}, t('agency')), h('dd', {}, a.agency || '—'),
      h('dt', {}, t('window')), h('dd', {}, `${localTime(detail.window_start)} → ${localTime(detail.window_end)}`),
      h('dt', {}, t('firstSeen')), h('dd', {}, localTime(a.first_seen)),
      h('dt', {}, t('lastSeen')), h('dd', {}, localTime(a.last_seen)),
      h('dt', {}, t('occurrences')), h('dd', {}, a.occurrences)));

  const features = (detail.explanation.features ?? []).map(f => h('tr', {}, h('td', {}, f.name), h('td', {}, f.observed), h('td', {}, `${f.comparison} ${f.expected}`)));
  const explanation = h('div', { class: 'card' }, h('h2', {}, t('explanation')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('feature')), h('th', {}, t('observed')), h('th', {}, t('expected')))), h('tbody', {}, features)));

  const ev = detail.evidence;
  const list = (label, values) => values?.length ? [h('dt', {}, label), h('dd', { class: 'mono' }, values.slice(0, 30).join(', ') + (values.length > 30 ? ` … (+${values.length - 30})` : ''))] : [];
  const evidence = h('div', { class: 'card' }, h('h2', {}, t('evidence')), h('dl', { class: 'kv' },
    Object.entries(ev.counts ?? {}).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    list('accounts', ev.accounts), list('addresses', ev.addresses), list('user_agents', ev.user_agents), list('citizen_refs', ev.citizen_refs)));

  const message = h('span', { class: 'muted', id: 'action-message' });
  const act = async (path, body) => {
    try {
      await api(`/api/alerts/${a.id}/${path}`, { method: 'POST', body });
      await alertView(view, id, me);
      document.getElementById('action-message').textContent = t('saved');
    } catch (error) {
      message.textContent = error.message;
      message.className = 'error';
    }
  };
  const disposition = h('select', { id: 'disposition' }, h('option', { value: '' }, `${t('disposition')}…`),
    ['true_positive', 'benign', 'false_positive', 'duplicate'].map(d => h('option', { value: d }, t(d))));
  const assignee = h('input', { id: 'assignee-input', value: a.assignee, placeholder: t('assignee') });
  const note = h('textarea', { id: 'note', rows: 2, cols: 50 });
  const actions = canWrite ? h('div', { class: 'card' }, h('div', { class: 'actions' },
    h('button', { id: 'investigate', disabled: a.state !== 'new' && a.state !== 'closed', onclick: () => act('transition', { state: 'investigating' }) }, t('investigate')),
    disposition, h('button', { id: 'close', disabled: a.state === 'closed', onclick: () => act('transition', { state: 'closed', disposition: disposition.value || null }) }, t('close')),
    assignee, h('button', { class: 'secondary', id: 'assign', onclick: () => act('assignee', { assignee: assignee.value }) }, t('assign'))),
    h('div', { class: 'actions' }, note, h('button', { class: 'secondary', id: 'add-note', onclick: () => act('notes', { text: note.value }) }, t('addNote')), message)) : null;

  const [chart, history, events] = await Promise.all([
    chartCard(a.entity_kind, a.entity, shift(detail.window_start, -48), shift(detail.window_end, 24), detail.window_start, detail.window_end),
    api(`/api/alerts/${a.id}/history?page_size=200`),
    api(`/api/alerts/${a.id}/events?page_size=100`),
  ]);
  const historyCard = h('div', { class: 'card' }, h('h2', {}, t('history')), h('table', { id: 'history' },
    h('thead', {}, h('tr', {}, h('th', {}, t('at')), h('th', {}, t('actor')), h('th', {}, t('action')), h('th', {}, t('state')), h('th', {}, t('detail')))),
    h('tbody', {}, history.items.map(e => h('tr', {}, h('td', {}, localTime(e.at)), h('td', {}, e.actor), h('td', {}, e.action),
      h('td', {}, e.from_state ? `${e.from_state} → ${e.to_state}` : e.to_state), h('td', {}, e.detail))))));
  const eventsCard = h('div', { class: 'card', id: 'events-card' });
  const showEvents = async (data, page) => {
    const pages = Math.max(1, Math.ceil(data.total / data.page_size));
    const turn = async to => showEvents(await api(`/api/alerts/${a.id}/events?page_size=100&page=${to}`), to);
    replace(eventsCard, h('h2', {}, `${t('events')} (${data.total})`), h('table', { id: 'events' },
      h('thead', {}, h('tr', {}, ['at', 'source', 'account', 'from', 'action', 'status', 'citizen_ref'].map(c => h('th', {}, t(c))))),
      h('tbody', {}, data.items.map(e => h('tr', {}, h('td', {}, localTime(e.at)), h('td', {}, e.table), h('td', {}, e.account), h('td', {}, e.client_ip),
        h('td', {}, e.action), h('td', {}, e.outcome), h('td', { class: 'mono' }, e.citizen_ref ? `${e.citizen_ref.slice(0, 16)} (${e.citizen_province})` : ''))))),
      h('div', { class: 'pager' }, h('button', { class: 'secondary', disabled: page <= 1, onclick: () => turn(page - 1) }, t('prev')),
        `${t('page')} ${page} ${t('of')} ${pages}`, h('button', { class: 'secondary', disabled: page >= pages, onclick: () => turn(page + 1) }, t('next'))));
  };
  await showEvents(events, 1);

  replace(view, h('p', {}, h('a', { href: '#/alerts' }, t('back'))), summary, actions, chart, h('div', { class: 'grid' }, explanation, evidence), historyCard, eventsCard);
}
