// The views of the page. Each returns a DOM node built from API data with el()/svg().

import { get, countryShapes } from "./api.js";
import { el, externalLink, label, links, when } from "./dom.js";
import { renderMap } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { highlightedText, legend, mentionSpans } from "./highlight.js";

const PAGE = 200;

/** A count range as text: 11, 3–5, 24 or more. */
export function range(quantity) {
  if (quantity.max === null || quantity.max === undefined) return `${quantity.min ?? "?"} or more`;
  if (quantity.min === quantity.max) return String(quantity.min);
  return `${quantity.min ?? "?"}–${quantity.max}`;
}

function eventRow(event) {
  return el("tr", { "data-id": event.id },
    el("td", {}, when(event.date_start, event.date_end, event.granularity)),
    el("td", {}, el("a", { href: links.event(event.id), class: "event-link" }, label(event.type))),
    el("td", {}, event.place_name || "", event.country ? ` (${event.country})` : ""),
    el("td", { class: "num" }, String(event.fatalities_min ?? "")),
    el("td", {}, event.perpetrators.join(", ")),
    el("td", {}, event.certainty),
    el("td", { class: "num" }, String(event.n_reports)));
}

function eventTable(events) {
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Date", "Type", "Place", "Killed", "By", "Certainty", "Reports"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, events.map(eventRow)));
}

/** The event list: timeline, map and table of the events matching ``filters``. */
export async function eventsView(filters, navigate) {
  const days = filters.start && filters.end
    ? (Date.parse(filters.end) - Date.parse(filters.start)) / 86400000 : Infinity;
  const [page, timeline, shapes] = await Promise.all([
    get("events", { ...filters, limit: PAGE, offset: filters.offset || 0 }),
    get("timeline", { ...filters, bucket: days <= 120 ? "day" : "week" }),
    countryShapes(),
  ]);
  const pickDays = (start, end) => navigate({ ...filters, start, end, offset: 0 });
  const mapNode = renderMap(shapes, page.items, (event) => { location.hash = links.event(event.id); });
  const unlocated = Number(mapNode.dataset.unlocated);
  const offset = page.offset;
  const pager = el("p", { class: "pager" },
    `${page.total} events` + (page.total ? `, showing ${offset + 1}–${offset + page.items.length}` : ""));
  if (offset > 0) {
    const back = el("button", { type: "button", id: "prev" }, "Previous");
    back.addEventListener("click", () => navigate({ ...filters, offset: Math.max(0, offset - PAGE) }));
    pager.append(" ", back);
  }
  if (page.next_offset !== null) {
    const next = el("button", { type: "button", id: "next" }, "Next");
    next.addEventListener("click", () => navigate({ ...filters, offset: page.next_offset }));
    pager.append(" ", next);
  }
  return el("section", { class: "events-view" },
    el("div", { class: "panels" },
      el("figure", { class: "panel timeline-panel" }, el("figcaption", {},
        `Events per ${timeline.bucket}` + (timeline.undated ? ` (${timeline.undated} undated not shown)` : "") +
        " — click a bar to filter to it"), renderTimeline(timeline, pickDays)),
      el("figure", { class: "panel map-panel" }, el("figcaption", {},
        "Where" + (unlocated ? ` (${unlocated} events on this page have no place)` : "")), mapNode)),
    pager,
    page.items.length ? eventTable(page.items) : el("p", { class: "muted" }, "No events match."));
}

function reportsCell(reports) {
  return el("ul", { class: "reports" }, reports.map((report) => el("li", {},
    el("span", { class: "value" }, report.value),
    report.text ? el("span", { class: "said" }, ` “${report.text}”`) : null,
    el("span", { class: "source" }, ` — ${report.outlet || "unknown outlet"}, ${report.published || "undated"}`),
    report.according_to.length
      ? el("span", { class: "according" }, `, according to ${report.according_to.join("; ")}`)
      : el("span", { class: "according none" }, ", no attribution"),
    " ", el("a", { href: links.article(report.article_id) }, "article"))));
}

function consensus(event, field) {
  const q = (v) => (v ? `${range(v)} (“${v.text}”)` : "");
  switch (field) {
    case "type": return `${label(event.type)} (${event.status})`;
    case "date": return when(event.date_start, event.date_end, event.granularity) + ` [${event.granularity}]`;
    case "place": return [event.place_name, event.country].filter(Boolean).join(", ");
    case "fatalities": return q(event.fatalities);
    case "injuries": return q(event.injuries);
    case "perpetrators": return event.perpetrators.join(", ");
    default: return "";
  }
}

function actorLinks(ids) {
  return ids.flatMap((id, i) => [i ? ", " : "", el("a", { href: links.actor(id), class: "actor-link" }, id)]);
}

async function mentionBlock(detail) {
  const article = await get(`articles/${detail.article_id}`);
  const text = article.report.article.text;
  const mention = detail.mention;
  return el("article", { class: "mention", "data-article": detail.article_id },
    el("h3", {}, article.report.article.title || "(untitled article)"),
    el("p", { class: "meta" }, `${detail.outlet || "unknown outlet"}, ${detail.published || "undated"} · `,
      externalLink(detail.article_url, "original"), " · ",
      el("a", { href: links.article(detail.article_id) }, "all events of this article")),
    el("p", { class: "meta" }, `Reported as ${label(mention.type)} (${mention.status})` +
      (mention.codes && mention.codes.acled ? `; ACLED ${mention.codes.acled}` : "")),
    mention.attributions.length
      ? el("p", { class: "attributions" }, "Attributed to: ",
        mention.attributions.map((a) => el("span", { class: "attribution" }, `${a.source} (${a.stance})`))
          .flatMap((node, i) => [i ? "; " : "", node]))
      : null,
    highlightedText(text, mentionSpans(mention)));
}

/** One merged event: consensus and every report side by side, then each article's text
 * with the spans behind the values marked. */
export async function eventView(id) {
  const { event, mentions } = await get(`events/${encodeURIComponent(id)}`);
  const fields = ["type", "date", "place", "fatalities", "injuries", "perpetrators"];
  const rows = fields.map((field) => el("tr", { "data-field": field },
    el("th", {}, field), el("td", { class: "consensus" }, consensus(event, field)),
    el("td", {}, event.reports[field] ? reportsCell(event.reports[field]) : el("span", { class: "muted" }, "not reported"))));
  const actors = [["perpetrators", event.perpetrator_ids], ["targets", event.target_ids], ["claimants", event.claimant_ids]]
    .filter(([, ids]) => ids.length)
    .map(([role, ids]) => el("p", {}, `${role}: `, actorLinks(ids)));
  const blocks = await Promise.all(mentions.map(mentionBlock));
  return el("section", { class: "event-view", "data-id": event.id },
    el("h2", {}, `${label(event.type)} — ${event.place_name || "place unknown"}, ${when(event.date_start, event.date_end, event.granularity)}`),
    el("p", { class: "meta" }, `${event.id} · certainty: ${event.certainty} · ${event.n_reports} reports in ${event.n_articles} articles` +
      ` · first reported ${event.first_reported || "?"}, latest ${event.latest_reported || "?"}`),
    actors,
    el("table", { class: "fields" }, el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "consensus"),
      el("th", {}, "every report, with who says so"))), el("tbody", {}, rows)),
    el("h2", {}, "The reports"), legend(), blocks);
}

/** One article with every event mention's spans marked. */
export async function articleView(id) {
  const { report, merged } = await get(`articles/${encodeURIComponent(id)}`);
  const spans = report.events.flatMap(mentionSpans);
  return el("section", { class: "article-view" },
    el("h2", {}, report.article.title || "(untitled article)"),
    el("p", { class: "meta" }, `${report.article.source || "unknown outlet"}, ${report.article.published || "undated"} · `,
      externalLink(report.article.url, "original")),
    el("ul", {}, report.events.map((m) => el("li", {},
      el("a", { href: links.event(merged[m.id] || m.id) }, `${m.id}: ${label(m.type)} (${m.status})`),
      m.evidence.length ? ` — “${m.evidence[0].text}”` : ""))),
    legend(), highlightedText(report.article.text, spans));
}

function yearCounts(events) {
  const buckets = new Map();
  for (const e of events) {
    if (!e.date_start) continue;
    const month = `${e.date_start.slice(0, 7)}-01`;
    buckets.set(month, (buckets.get(month) || 0) + 1);
  }
  return [...buckets.entries()].sort().map(([start, n]) => ({ start, count: n }));
}

/** An actor: profile, facts with their sources, events over time. */
export async function actorView(id) {
  const { profile, events } = await get(`actors/${encodeURIComponent(id)}`);
  const facts = profile.facts.length
    ? el("table", { class: "facts" },
      el("thead", {}, el("tr", {}, ["fact", "value", "according to", "source", "evidence"].map((h) => el("th", {}, h)))),
      el("tbody", {}, profile.facts.map((item) => el("tr", {},
        el("td", {}, label(item.fact.predicate)),
        el("td", {}, item.fact.value),
        el("td", {}, item.fact.attributions.map((a) => `${a.source} (${a.stance})`).join("; ") || "the article"),
        el("td", {}, `${item.outlet || "?"}, ${item.published || "undated"} `,
          el("a", { href: links.article(item.article_id) }, "article")),
        el("td", { class: "evidence" }, item.fact.evidence.length ? `“${item.fact.evidence[0].text}”` : "")))))
    : el("p", { class: "muted" }, "No facts about this actor in the articles.");
  const roles = Object.entries(profile.events);
  const byId = new Map(events.map((e) => [e.id, e]));
  return el("section", { class: "actor-view", "data-id": profile.id },
    el("h2", {}, profile.name),
    el("p", { class: "meta" }, `${label(profile.kind)} · id ${profile.id}` + (profile.country ? ` · ${profile.country}` : "")),
    profile.aliases.length ? el("p", {}, `Also called: ${profile.aliases.join(", ")}`) : null,
    profile.parent ? el("p", {}, "Part of: ", el("a", { href: links.actor(profile.parent) }, profile.parent)) : null,
    profile.branches.length ? el("p", {}, "Branches: ", actorLinks(profile.branches)) : null,
    el("h3", {}, "Facts"), facts,
    el("h3", {}, "Events over time"),
    renderTimeline({ bucket: "month", buckets: yearCounts(events) }, () => {}),
    roles.length ? roles.map(([role, ids]) => el("div", {}, el("h4", {}, `as ${role}`),
      eventTable(ids.map((i) => byId.get(i)).filter(Boolean))))
      : el("p", { class: "muted" }, "No events."));
}

/** Actors, with a name filter. */
export async function actorsView(params, navigate) {
  const page = await get("actors", { name: params.name, limit: PAGE, offset: params.offset || 0 });
  const form = el("form", { class: "inline", id: "actor-search" },
    el("input", { type: "search", name: "name", placeholder: "name or alias", value: params.name || "" }),
    el("button", { type: "submit" }, "Find"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate({ name: new FormData(form).get("name") || "" });
  });
  return el("section", {}, el("h2", {}, `Actors (${page.total})`), form,
    el("table", { class: "actors" }, el("thead", {}, el("tr", {}, ["name", "kind", "country", "articles"].map((h) => el("th", {}, h)))),
      el("tbody", {}, page.items.map((a) => el("tr", {},
        el("td", {}, el("a", { href: links.actor(a.id), class: "actor-link" }, a.name)),
        el("td", {}, label(a.kind)), el("td", {}, a.country || ""), el("td", { class: "num" }, String(a.n_articles)))))));
}

/** Articles, newest first, with the full-text filter of the form. */
export async function articlesView(params) {
  const page = await get("articles", { q: params.q, limit: PAGE, offset: params.offset || 0 });
  return el("section", {}, el("h2", {}, `Articles (${page.total})`),
    el("table", { class: "articles" }, el("thead", {}, el("tr", {}, ["published", "title", "outlet", "events"].map((h) => el("th", {}, h)))),
      el("tbody", {}, page.items.map((a) => el("tr", {},
        el("td", {}, a.published || ""), el("td", {}, el("a", { href: links.article(a.id) }, a.title || "(untitled)")),
        el("td", {}, a.source || ""), el("td", { class: "num" }, String(a.n_events)))))));
}
