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
  replace(view, h('h1', {}, t('tuning')), h('p', { class: 'muted' }, t('previewHint')), summary, edit, versions);
}
