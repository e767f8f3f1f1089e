// The one way the UI talks to the service: JSON over fetch with the API key as a bearer token.
// Failures become ApiError carrying the server's problem+json, so pages can show code, detail and issues.

const KEY_STORAGE = 'segment-agent.api-key';
const READ_ONLY_STORAGE = 'segment-agent.read-only';

export const session = {
  get key() { return sessionStorage.getItem(KEY_STORAGE); },
  signIn(key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    sessionStorage.removeItem(READ_ONLY_STORAGE);
  },
  signOut() {
    sessionStorage.removeItem(KEY_STORAGE);
    sessionStorage.removeItem(READ_ONLY_STORAGE);
  },
  /** True once the server refused a change with 403: the key can read but not write. */
  get readOnly() { return sessionStorage.getItem(READ_ONLY_STORAGE) === 'true'; },
  markReadOnly() { sessionStorage.setItem(READ_ONLY_STORAGE, 'true'); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  get code() { return this.problem.code; }
}

function headers(extra = {}) {
  const result = { Accept: 'application/json, application/problem+json', ...extra };
  if (session.key) result.Authorization = `Bearer ${session.key}`;
  return result;
}

async function failure(response, quiet) {
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText, detail: `The server answered ${response.status} ${response.statusText}.` };
  }
  const error = new ApiError(response.status, problem);
  if (quiet) return error;
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent('segment:unauthenticated', { detail: error }));
  } else if (response.status === 403) {
    session.markReadOnly();
    window.dispatchEvent(new CustomEvent('segment:forbidden', { detail: error }));
  }
  return error;
}

async function send(method, path, body, { quiet = false } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { code: 'network', detail: `Could not reach the service: ${e.message}` });
  }
  if (!response.ok) throw await failure(response, quiet);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path) => send('GET', path),
  /** A call whose 401/403 the caller handles itself (signing in, probing what the server has). */
  quietly: (path) => send('GET', path, undefined, { quiet: true }),
  post: (path, body) => send('POST', path, body),
  put: (path, body) => send('PUT', path, body),
  del: (path) => send('DELETE', path),
};

/** Query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Downloads a file that needs the API key: a plain link cannot send the Authorization header, so the file
 * is fetched here and handed to the browser as a blob.
 */
export async function download(path, filename) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/csv, application/problem+json' }) });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}
