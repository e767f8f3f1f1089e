// A size-over-time line chart as inline SVG: no chart library for one line. The SVG is an image with a
// summary as its accessible name; the numbers themselves are in a table beside it for screen readers.
import { h, fmt } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  children.forEach((c) => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return el;
}

/** points: [{t: Date, value: number}] oldest first. */
export function lineChart(points, { label, width = 960, height = 200 } = {}) {
  const pad = { l: 56, r: 16, t: 12, b: 28 };
  const w = width - pad.l - pad.r;
  const hgt = height - pad.t - pad.b;
  const times = points.map((p) => p.t.getTime());
  const values = points.map((p) => p.value);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const vMax = Math.max(...values, 1);
  const vMin = Math.min(0, ...values);
  const x = (t) => pad.l + (t1 === t0 ? w / 2 : ((t - t0) / (t1 - t0)) * w);
  const y = (v) => pad.t + hgt - ((v - vMin) / (vMax - vMin || 1)) * hgt;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t.getTime()).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const area = `${path} L${x(times[times.length - 1]).toFixed(1)},${y(vMin)} L${x(times[0]).toFixed(1)},${y(vMin)} Z`;
  const first = points[0];
  const last = points[points.length - 1];
  const summary = `${label}: ${fmt.int(first.value)} on ${fmt.when(first.t)} to ${fmt.int(last.value)} on ${fmt.when(last.t)}, ${points.length} refreshes, highest ${fmt.int(Math.max(...values))}.`;
  const ticks = [vMin, (vMin + vMax) / 2, vMax];
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary },
    ...ticks.map((v) => s('line', { class: 'axis', x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v) })),
    ...ticks.map((v) => s('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt.int(Math.round(v)))),
    s('text', { x: pad.l, y: height - 8 }, fmt.when(first.t)),
    s('text', { x: width - pad.r, y: height - 8, 'text-anchor': 'end' }, fmt.when(last.t)),
    s('path', { class: 'area', d: area }),
    s('path', { class: 'line', d: path }),
    ...points.map((p) => s('circle', { cx: x(p.t.getTime()), cy: y(p.value), r: 3, fill: 'currentColor', class: 'dot' },
      s('title', {}, `${fmt.when(p.t)}: ${fmt.int(p.value)}`))));
  return h('figure', { class: 'chart' }, svg, h('figcaption', { class: 'hint' }, summary));
}
