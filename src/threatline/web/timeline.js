// The timeline: events per day or week as SVG bars on a linear time axis.

import { svg } from "./dom.js";

const DAY = 86400000;
const WIDTH = 900;
const HEIGHT = 140;
const PAD = { left: 34, right: 10, top: 10, bottom: 24 };

function parse(day) {
  return Date.parse(`${day}T00:00:00Z`);
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Axis ticks: years for long spans, months for shorter ones, days for a few weeks. */
function ticks(t0, t1) {
  const out = [];
  const span = (t1 - t0) / DAY;
  const d = new Date(t0);
  if (span > 3 * 365) {
    const step = Math.max(1, Math.ceil(span / 365 / 8));
    for (let y = d.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y += step) {
      if (Date.UTC(y, 0, 1) >= t0) out.push([Date.UTC(y, 0, 1), String(y)]);
    }
  } else if (span > 60) {
    const step = Math.max(1, Math.ceil(span / 30 / 8));
    for (let m = d.getUTCFullYear() * 12 + d.getUTCMonth(); ; m += step) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t > t1) break;
      if (t >= t0) out.push([t, iso(t).slice(0, 7)]);
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 8));
    for (let t = t0; t <= t1; t += step * DAY) out.push([t, iso(t)]);
  }
  return out;
}

/** An SVG bar chart of ``timeline`` (from /api/timeline); ``onPick(start, end)`` is called
 * with the days of a clicked bar. */
export function renderTimeline(timeline, onPick) {
  const root = svg("svg", {
    class: "timeline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
    "aria-label": `Events per ${timeline.bucket}`,
  });
  const buckets = timeline.buckets;
  if (buckets.length === 0) {
    root.append(svg("text", { x: WIDTH / 2, y: HEIGHT / 2, class: "empty" }, "no dated events"));
    return root;
  }
  const width = { day: DAY, week: 7 * DAY, month: 30 * DAY }[timeline.bucket] || DAY;
  // At least a dozen bucket widths on the axis, so that one bar does not fill the chart.
  const first = parse(buckets[0].start);
  const last = parse(buckets[buckets.length - 1].start) + width;
  const pad = Math.max(0, 12 * width - (last - first)) / 2;
  const t0 = first - pad;
  const t1 = last + pad;
  const most = Math.max(...buckets.map((b) => b.count));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (n) => PAD.top + plotH - (n / most) * plotH;
  root.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0), class: "axis" }));
  for (const [t, text] of ticks(t0, t1)) {
    root.append(svg("line", { x1: x(t), x2: x(t), y1: y(0), y2: y(0) + 4, class: "axis" }));
    root.append(svg("text", { x: x(t), y: HEIGHT - 6, class: "tick" }, text));
  }
  root.append(svg("text", { x: PAD.left - 6, y: y(most) + 4, class: "tick count" }, String(most)));
  for (const bucket of buckets) {
    const start = parse(bucket.start);
    const barW = Math.max(3, x(start + width) - x(start) - 1);
    const bar = svg("rect", {
      x: x(start).toFixed(2), y: y(bucket.count).toFixed(2), width: barW.toFixed(2),
      height: (y(0) - y(bucket.count)).toFixed(2), class: "bar", tabindex: 0,
      "data-start": bucket.start,
    });
    const end = iso(start + width - DAY);
    bar.append(svg("title", {}, `${bucket.start}${end !== bucket.start ? ` – ${end}` : ""}: ` +
      `${bucket.count} event${bucket.count === 1 ? "" : "s"}`));
    bar.addEventListener("click", () => onPick(bucket.start, end));
    root.append(bar);
  }
  return root;
}
