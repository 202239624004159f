// The map: an equirectangular SVG (x = longitude + 180, y = 90 - latitude, in degrees) with
// Natural Earth country outlines and one dot per located event.

import { svg, label, when } from "./dom.js";

const WIDTH = 360;
const HEIGHT = 180;

function ringPath(ring) {
  let path = "";
  for (let i = 0; i < ring.length; i += 2) {
    const x = (ring[i] + 180).toFixed(2);
    const y = (90 - ring[i + 1]).toFixed(2);
    // A ring that crosses the antimeridian (Fiji, Chukotka) jumps across the map: lift the pen.
    const jump = i > 0 && Math.abs(ring[i] - ring[i - 2]) > 180;
    path += `${i === 0 || jump ? "M" : "L"}${x} ${y}`;
  }
  return `${path}Z`;
}

/** The view box that holds every located event with a margin (the world when few). */
function frame(events) {
  const located = events.filter((e) => e.lat !== null && e.lon !== null);
  if (located.length === 0) return [0, 0, WIDTH, HEIGHT];
  const xs = located.map((e) => e.lon + 180);
  const ys = located.map((e) => 90 - e.lat);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = Math.max(8, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
  x0 -= margin; x1 += margin; y0 -= margin; y1 += margin;
  // Keep the 2:1 shape of the world so that the map does not stretch.
  let w = x1 - x0;
  let h = y1 - y0;
  if (w < 2 * h) { x0 -= (2 * h - w) / 2; w = 2 * h; } else { y0 -= (w / 2 - h) / 2; h = w / 2; }
  if (w >= WIDTH) return [0, 0, WIDTH, HEIGHT];
  x0 = Math.min(Math.max(x0, 0), WIDTH - w);
  y0 = Math.min(Math.max(y0, 0), HEIGHT - h);
  return [x0, y0, w, h];
}

/** An SVG map of ``events`` (summaries from /api/events) over ``shapes``. */
export function renderMap(shapes, events, onPick) {
  const box = frame(events);
  const scale = box[2] / WIDTH;
  const active = new Set(events.map((e) => e.country).filter(Boolean));
  const root = svg("svg", {
    class: "map", viewBox: box.map((n) => n.toFixed(2)).join(" "),
    role: "img", "aria-label": "Map of the filtered events",
    preserveAspectRatio: "xMidYMid meet",
  });
  root.append(svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }));
  for (const country of shapes.countries) {
    const d = country.rings.map(ringPath).join("");
    const path = svg("path", { d, class: active.has(country.iso2) ? "land active" : "land" });
    path.append(svg("title", {}, country.name));
    root.append(path);
  }
  let unlocated = 0;
  for (const event of events) {
    if (event.lat === null || event.lon === null) { unlocated += 1; continue; }
    const radius = (1.2 + Math.min(3, Math.sqrt(event.n_reports))) * Math.max(scale, 0.08);
    const dot = svg("circle", {
      cx: (event.lon + 180).toFixed(3), cy: (90 - event.lat).toFixed(3), r: radius.toFixed(3),
      class: `dot type-${event.type}`, tabindex: 0, "data-id": event.id,
    });
    dot.append(svg("title", {}, `${label(event.type)}, ${event.place_name || "?"}, ` +
      `${when(event.date_start, event.date_end, event.granularity)} (${event.n_reports} reports)`));
    const pick = () => onPick(event);
    dot.addEventListener("click", pick);
    dot.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
    root.append(dot);
  }
  root.dataset.unlocated = String(unlocated);
  return root;
}

