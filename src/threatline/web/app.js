// The page's router: #/ (events with the filters in the address), #/event/ID, #/actor/ID,
// #/article/ID, #/actors, #/articles.

import { get, rememberToken } from "./api.js";
import { clear, el, label } from "./dom.js";
import { actorView, actorsView, articleView, articlesView, eventView, eventsView } from "./views.js";

const FILTERS = ["start", "end", "type", "country", "min_certainty", "q", "offset"];
const view = document.getElementById("view");
const form = document.getElementById("filters");

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: Object.fromEntries(new URLSearchParams(query)) };
}

function toHash(route, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined && !(key === "offset" && Number(value) === 0)) {
      query.set(key, String(value));
    }
  }
  const suffix = query.toString();
  return `#/${route}${suffix ? `?${suffix}` : ""}`;
}

function navigateEvents(params) {
  location.hash = toHash("", params);
}

function fillForm(params) {
  for (const name of FILTERS) {
    const input = form.elements.namedItem(name);
    if (input) input.value = params[name] || "";
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  navigateEvents({ ...data, offset: 0 });
});
form.addEventListener("reset", () => setTimeout(() => navigateEvents({}), 0));

async function fillChoices() {
  const stats = await get("stats");
  const typeSelect = document.getElementById("f-type");
  for (const [type, n] of Object.entries(stats.types)) {
    typeSelect.append(el("option", { value: type }, `${label(type)} (${n})`));
  }
  const countrySelect = document.getElementById("f-country");
  for (const [code, n] of Object.entries(stats.countries)) {
    countrySelect.append(el("option", { value: code }, `${code} (${n})`));
  }
  if (stats.first_date) document.getElementById("f-start").placeholder = stats.first_date;
}

async function render() {
  const { parts, params } = parseHash();
  const [route, id] = parts;
  document.body.dataset.route = route || "events";
  form.hidden = Boolean(route);
  try {
    let node;
    if (route === "event" && id) node = await eventView(id);
    else if (route === "actor" && id) node = await actorView(id);
    else if (route === "article" && id) node = await articleView(id);
    else if (route === "actors") node = await actorsView(params, (p) => { location.hash = toHash("actors", p); });
    else if (route === "articles") node = await articlesView(params);
    else {
      fillForm(params);
      const filters = Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
      node = await eventsView(filters, navigateEvents);
    }
    clear(view).append(node);
    document.body.dataset.ready = "1";
  } catch (error) {
    clear(view).append(el("p", { class: "error", role: "alert" },
      `Could not load this view: ${error.message}` + (error.code ? ` [${error.code}]` : "")));
    document.body.dataset.ready = "1";
  }
  window.scrollTo(0, 0);
}

rememberToken();
window.addEventListener("hashchange", () => { document.body.dataset.ready = ""; render(); });
fillChoices().catch(() => {}).finally(render);
