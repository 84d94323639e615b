// Detection tuning: the document in force and its versions; operators store a changed document with a reason or revert.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { h, localTime, replace } from '../dom.js';

export async function tuningView(view, me) {
  const [current, history] = await Promise.all([api('/api/tuning'), api('/api/tuning/versions?page_size=100')]);
  const canWrite = me.role === 'operator' || me.role === 'admin';
  const doc = current.document;
  const rules = list => list.length ? list.map(r => h('li', { class: 'mono' }, JSON.stringify(r))) : [h('li', { class: 'muted' }, '—')];
  const summary = h('div', { class: 'card' }, h('h2', {}, `${t('version')} ${current.version}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'key'), h('th', {}, 'value'), h('th', {}, t('agency')))),
      h('tbody', {}, doc.thresholds.map(x => h('tr', {}, h('td', { class: 'mono' }, x.key), h('td', {}, x.value), h('td', {}, x.agency ?? ''))))),
    h('h2', {}, t('suppressions')), h('ul', {}, rules(doc.suppressions)),
    h('h2', {}, t('allowLists')), h('ul', {}, rules(doc.allow_lists)),
    h('h2', {}, t('calendar')), h('p', { class: 'mono' }, JSON.stringify(doc.calendar)));

  const message = h('span', { class: 'muted' });
  const editor = h('textarea', { id: 'tuning-json', rows: 12, cols: 100, class: 'mono' });
  editor.value = JSON.stringify(doc, null, 2);
  const reason = h('input', { id: 'tuning-reason', placeholder: t('reason'), size: 60 });
  const save = async body => {
    try {
      await api(body.document ? '/api/tuning' : '/api/tuning/revert', { method: 'POST', body });
      await tuningView(view, me);
    } catch (error) {
      message.textContent = error.message;
      message.className = 'error';
    }
  };
  const edit = canWrite ? h('div', { class: 'card' }, h('h2', {}, t('change')), editor, h('div', { class: 'actions' }, reason,
    h('button', { onclick: () => {
      let document;
      try { document = JSON.parse(editor.value); } catch (error) { message.textContent = error.message; message.className = 'error'; return; }
      save({ document, based_on: current.version, reason: reason.value, change: 'edited in the console' });
    } }, t('save')), message)) : null;

  const versions = h('div', { class: 'card' }, h('h2', {}, t('history')), h('table', {}, h('thead', {}, h('tr', {},
    ['version', 'at', 'actor', 'change', 'reason', ''].map(c => h('th', {}, c ? t(c) : '')))),
  h('tbody', {}, history.items.map(v => h('tr', {}, h('td', {}, v.version), h('td', {}, localTime(v.written_at)), h('td', {}, v.actor), h('td', {}, v.change),
    h('td', {}, v.reason), h('td', {}, canWrite && v.version !== current.version
      ? h('button', { class: 'secondary', onclick: () => save({ version: v.version, based_on: current.version, reason: reason.value || `revert to ${v.version}` }) }, t('revert'))
      : ''))))));
  const preview = canWrite ? await previewCard(current) : null;
  replace(view, h('h1', {}, t('tuning')), h('p', { class: 'muted' }, t('previewHint')), summary, preview, edit, versions);
}

// Operators try a threshold before they change it: the server replays the last days of stored events under the
// current tuning and under the proposal, and says how many alerts each raises. Nothing is stored (the read is audited).
async function previewCard(current) {
  const keys = await api('/api/tuning/keys');
  const key = h('select', { id: 'preview-key' }, keys.map(k => h('option', { value: k.key }, `${k.key} (${k.configured})`)));
  const inForce = current.document.thresholds.find(x => !x.agency && keys.some(k => k.key === x.key));
  if (inForce) key.value = inForce.key;
  const value = h('input', { id: 'preview-value', size: 8, placeholder: t('previewValue') });
  const agency = h('input', { id: 'preview-agency', size: 10, placeholder: t('agency') });
  const days = h('input', { id: 'preview-days', type: 'number', min: 1, max: 366, size: 4, placeholder: '7' });
  const result = h('div', { id: 'preview-result' });
  const run = async () => {
    replace(result, h('p', { class: 'muted' }, t('previewRunning')));
    try {
      const body = { thresholds: [{ key: key.value, value: value.value, agency: agency.value || null }], days: days.value ? Number(days.value) : null };
      const p = await api('/api/tuning/preview', { method: 'POST', body });
      result.dataset.current = p.current_alerts;
      result.dataset.proposed = p.proposed_alerts;
      if (!p.events) { replace(result, h('p', { id: 'preview-says' }, t('previewNoEvents'))); return; }
      replace(result, h('p', { id: 'preview-says' }, h('strong', {}, t('previewSays')(p.proposed_alerts, p.days, p.current_alerts))),
        h('table', {}, h('thead', {}, h('tr', {}, [t('type'), t('currentCount'), t('proposedCount'), t('keptBack')].map(c => h('th', {}, c)))),
          h('tbody', {}, p.types.map(r => h('tr', { 'data-type': r.type }, h('td', {}, r.type), h('td', {}, r.current), h('td', {}, r.proposed),
            h('td', {}, `${r.kept_back_current} / ${r.kept_back_proposed}`))))));
    } catch (error) {
      replace(result, h('p', { class: 'error', id: 'preview-error' }, error.message));
    }
  };
  return h('div', { class: 'card', id: 'preview' }, h('h2', {}, t('preview')),
    h('div', { class: 'actions' }, h('label', {}, `${t('previewKey')} `, key), value, agency, h('label', {}, `${t('previewDays')} `, days),
      h('button', { id: 'preview-run', onclick: run }, t('previewRun'))), result);
}
