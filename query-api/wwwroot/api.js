// Calls to /api with the signed-in user's key; problems come back as Error with the server's own words.
const keyName = 'logsentinel.key';

export function key() { return sessionStorage.getItem(keyName); }
export function setKey(value) { if (value) sessionStorage.setItem(keyName, value); else sessionStorage.removeItem(keyName); }

export async function api(path, options = {}) {
  const headers = { 'X-Api-Key': key() ?? '', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const response = await fetch(path, { ...options, headers, body: options.body ? JSON.stringify(options.body) : undefined });
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(describe(data) || `${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

function describe(problem) {
  if (!problem) return '';
  const parts = [problem.title, problem.detail].filter(Boolean);
  if (problem.errors && !Array.isArray(problem.errors)) {
    for (const [field, messages] of Object.entries(problem.errors)) parts.push(`${field}: ${messages.join('; ')}`);
  }
  return parts.join('\n');
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
