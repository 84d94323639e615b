// The analyst console: a hash router over the views; every view reads the API with the user's key.
import { api, key, setKey } from './api.js';
import { lang, setLang, t } from './i18n.js';
import { h, replace } from './dom.js';
import { queueView } from './views/queue.js';
import { alertView } from './views/alert.js';
import { entityView } from './views/entity.js';
import { topView, auditView, referenceView } from './views/lists.js';
import { tuningView } from './views/tuning.js';
import { reportsView, reportView } from './views/reports.js';

const view = document.getElementById('view');
let me = null;

const menus = {
  analyst: ['alerts', 'top', 'references', 'tuning', 'reports'],
  operator: ['alerts', 'top', 'references', 'tuning'],
  admin: ['alerts', 'top', 'references', 'tuning', 'audit', 'reports'],
  leader: ['reports', 'top'],
  auditor: ['audit'],
};

function renderChrome() {
  document.getElementById('lang').value = lang();
  const logout = document.getElementById('logout');
  logout.textContent = t('logout');
  logout.hidden = !me;
  document.getElementById('who').textContent = me ? `${me.name} · ${me.role}` : '';
  const route = location.hash.split('/')[1] || '';
  replace(document.getElementById('nav'), ...(me ? menus[me.role] ?? [] : []).map(item =>
    h('a', { href: `#/${item}`, class: route === item ? 'active' : '' }, t(item))));
}

function login(message) {
  const input = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', placeholder: 'lsk_…' });
  const form = h('form', { class: 'card login', onsubmit: async event => {
    event.preventDefault();
    setKey(input.value.trim());
    await start();
  } }, h('h1', {}, t('loginTitle')), h('label', { for: 'api-key' }, t('apiKey')), input, h('button', { type: 'submit', id: 'login' }, t('login')),
  message ? h('p', { class: 'error' }, message) : null);
  replace(view, form);
  input.focus();
}

async function route() {
  renderChrome();
  const [path, search] = location.hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search ?? '');
  try {
    if (parts[0] === 'alerts' && parts[1]) await alertView(view, parts[1], me);
    else if (parts[0] === 'entities' && parts[2]) await entityView(view, parts[1], parts[2], me);
    else if (parts[0] === 'top') await topView(view, params);
    else if (parts[0] === 'audit') await auditView(view, params);
    else if (parts[0] === 'references') await referenceView(view, params);
    else if (parts[0] === 'tuning') await tuningView(view, me);
    else if (parts[0] === 'reports' && parts[1]) await reportView(view, parts[1], params);
    else if (parts[0] === 'reports') await reportsView(view, params);
    else if ((menus[me.role] ?? [])[0] === 'alerts') await queueView(view, params);
    else location.hash = `#/${menus[me.role][0]}`;
  } catch (error) {
    if (error.status === 401) { setKey(null); me = null; renderChrome(); login(t('badKey')); return; }
    replace(view, h('div', { class: 'card error', id: 'error' }, error.message));
  }
}

async function start() {
  if (!key()) { login(); return; }
  try {
    me = await api('/api/me');
  } catch (error) {
    setKey(null);
    me = null;
    renderChrome();
    login(error.status === 401 ? t('badKey') : error.message);
    return;
  }
  if (!location.hash) location.hash = `#/${menus[me.role][0]}`;
  await route();
}

document.getElementById('lang').addEventListener('change', event => { setLang(event.target.value); me ? route() : login(); });
document.getElementById('logout').addEventListener('click', () => { setKey(null); me = null; location.hash = ''; renderChrome(); login(); });
window.addEventListener('hashchange', () => { if (me) route(); });
setLang(lang());
start();
