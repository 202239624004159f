// The HTTP API, as the page uses it. A token given once in the address (#token=...) is kept
// for this tab only and sent as a bearer token.

const TOKEN_KEY = "threatline-token";

export function rememberToken() {
  const match = location.hash.match(/[#&]token=([^&]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + "#/");
  }
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET /api/<path> with query parameters (empty ones left out); the parsed JSON. */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const suffix = query.toString() ? `?${query}` : "";
  const response = await fetch(`/api/${path}${suffix}`, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: "http", message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}

let shapes = null;

/** The country outlines (loaded once). */
export async function countryShapes() {
  if (!shapes) shapes = get("countries.json");
  return shapes;
}
