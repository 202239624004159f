// DOM helpers: every piece of text from the database goes in through textContent, never
// as markup, so article text and titles cannot add elements or run script.

const SVG_NS = "http://www.w3.org/2000/svg";

/** An HTML element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element with attributes and children. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error("event handlers go through addEventListener");
    if (name === "href") {
      node.setAttribute("href", safeHref(String(value)));
      continue;
    }
    node.setAttribute(name, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only in-page routes, same-site paths and http(s) URLs may become links. */
export function safeHref(value) {
  if (value.startsWith("#") || (value.startsWith("/") && !value.startsWith("//"))) return value;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (_error) {
    // not a URL: fall through
  }
  return "#";
}

/** An external link (new tab, no referrer) when the URL is http(s), else plain text. */
export function externalLink(url, label) {
  if (!url || safeHref(url) === "#") return document.createTextNode(label || url || "");
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label || url);
}

/** Empty a node. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** A date span as text: 2024-05-14, or 2024-05-01 – 2024-05-31. */
export function when(start, end, granularity) {
  // An event whose reports gave no date carries only the days before publication.
  if (granularity === "unknown") return end ? `undated (by ${end})` : "date unknown";
  if (!start) return "date unknown";
  return end && end !== start ? `${start} – ${end}` : start;
}

/** A label from a snake_case name: suicide_bombing -> suicide bombing. */
export function label(name) {
  return String(name || "").replaceAll("_", " ");
}

/** The route link of an event, actor or article. */
export const links = {
  event: (id) => `#/event/${encodeURIComponent(id)}`,
  actor: (id) => `#/actor/${encodeURIComponent(id)}`,
  article: (id) => `#/article/${encodeURIComponent(id)}`,
};
