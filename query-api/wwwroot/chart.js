// An SVG line chart of an entity's activity (solid) against its baseline (dashed), the alert window shaded.
const W = 900, H = 220, L = 48, R = 10, T = 10, B = 28;

function el(name, attrs = {}, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function activityChart(points, windowStart, windowEnd) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'data-points': points.length });
  if (points.length === 0) return svg;
  const times = points.map(p => Date.parse(p.start));
  const t0 = times[0], t1 = times[times.length - 1] || t0 + 1;
  const max = Math.max(1, ...points.map(p => Math.max(p.requests, p.baseline_requests ?? 0)));
  const x = t => L + (W - L - R) * ((t - t0) / Math.max(1, t1 - t0));
  const y = v => H - B - (H - T - B) * (v / max);
  if (windowStart && windowEnd) {
    const a = Math.max(L, x(Date.parse(windowStart))), b = Math.min(W - R, x(Date.parse(windowEnd)));
    svg.append(el('rect', { class: 'win', x: a, y: T, width: Math.max(2, b - a), height: H - T - B }));
  }
  svg.append(el('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }));
  svg.append(el('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
  svg.append(el('text', { x: 4, y: T + 10 }, String(Math.round(max))));
  svg.append(el('text', { x: 4, y: H - B }, '0'));
  const fmt = t => new Date(t + 7 * 3600e3).toISOString().slice(5, 16).replace('T', ' ');
  svg.append(el('text', { x: L, y: H - 8 }, fmt(t0)));
  svg.append(el('text', { x: W - R - 80, y: H - 8 }, fmt(t1)));
  const line = values => values.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const baseline = points.map((p, i) => [times[i], p.baseline_requests]).filter(([, v]) => v !== null && v !== undefined);
  if (baseline.length) svg.append(el('path', { class: 'base', d: line(baseline) }));
  svg.append(el('path', { class: 'obs', d: line(points.map((p, i) => [times[i], p.requests])) }));
  return svg;
}
