// Article text with marked spans. The text is cut at every span boundary and each piece
// becomes a text node inside a <span> whose classes say which spans cover it, so markup in
// the article stays text.

import { el } from "./dom.js";

/** Spans of one event mention: [start, end, kind, note]. */
export function mentionSpans(mention) {
  const spans = [];
  const add = (start, end, kind, note) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) {
      spans.push([start, end, kind, note]);
    }
  };
  for (const span of mention.evidence || []) add(span.start, span.end, "evidence", "evidence");
  if (mention.trigger) add(mention.trigger.start, mention.trigger.end, "trigger", `event: ${mention.type}`);
  if (mention.time) add(mention.time.char_start, mention.time.char_end, "time", `time: ${mention.time.start || "?"}`);
  if (mention.place) add(mention.place.start, mention.place.end, "place", `place (precision ${mention.place.precision})`);
  for (const field of ["fatalities", "injuries"]) {
    const q = mention[field];
    if (q) add(q.start, q.end, "count", `${field}: ${q.min ?? "?"}${q.max !== q.min ? `..${q.max ?? ""}` : ""}`);
  }
  for (const a of mention.attributions || []) add(a.start, a.end, "attribution", `${a.source} (${a.stance})`);
  for (const span of mention.instruments || []) add(span.start, span.end, "instrument", "instrument");
  for (const span of mention.physical_targets || []) add(span.start, span.end, "target", "target");
  return spans;
}

/** A <div> with ``text`` split into paragraphs, the ``spans`` marked. */
export function highlightedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const [start, end] of spans) {
    cuts.add(Math.max(0, Math.min(start, text.length)));
    cuts.add(Math.max(0, Math.min(end, text.length)));
  }
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) cuts.add(i);
  const points = [...cuts].sort((a, b) => a - b);
  const root = el("div", { class: "article-text" });
  let paragraph = el("p");
  root.append(paragraph);
  for (let i = 0; i + 1 < points.length; i += 1) {
    let [start, end] = [points[i], points[i + 1]];
    if (text[start] === "\n") {
      // A newline ends the paragraph (blank lines included).
      while (start < end && text[start] === "\n") start += 1;
      if (paragraph.childNodes.length) { paragraph = el("p"); root.append(paragraph); }
      if (start >= end) continue;
    }
    const piece = text.slice(start, end);
    const covering = spans.filter(([s, e]) => s <= start && e >= end);
    if (covering.length === 0) {
      paragraph.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((c) => c[2]))];
    const node = el(kinds.includes("evidence") ? "mark" : "span",
      { class: kinds.map((k) => `hl-${k}`).join(" "), title: covering.map((c) => c[3]).join("; ") },
      piece);
    paragraph.append(node);
  }
  return root;
}

/** The legend of the highlight colours. */
export function legend() {
  const kinds = [["evidence", "evidence sentence"], ["trigger", "event word"], ["time", "time"],
    ["place", "place"], ["count", "casualty count"], ["attribution", "attribution"],
    ["instrument", "weapon / means"], ["target", "physical target"]];
  return el("p", { class: "legend" }, "Marked: ",
    kinds.map(([kind, text]) => el("span", { class: `hl-${kind} key` }, text)));
}
