// The /query page: runs the editor's query at /sparql (as any SPARQL client does), draws the
// answer as a table whose IRIs link to their pages, and keeps the permalink and the download
// links in step with the query that ran. The server hands over everything else as JSON
// (#editor-setup, #editor-words), so this file holds no text of its own.

const PAGE_ROWS = 1000; // more rows make the page slow; the downloads hold them all

function readJson(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

const setup = readJson("editor-setup");
const words = readJson("editor-words");
const $ = (id) => document.getElementById(id);
const textarea = $("query");
const status = $("status"), errorBox = $("error"), results = $("results");
const downloads = $("downloads"), downloadLinks = $("download-links"), permalink = $("permalink");

const editor = window.KGEditor
  ? window.KGEditor.create(textarea, {
      completions: setup.completions, label: words.label, onRun: run,
      attributes: { "aria-describedby": "query-hint" },
    })
  : null;
if (!editor) status.textContent = words.noscript;
// The label points at the hidden textarea: let a click on it reach the editor instead.
$("query-label").addEventListener("click", (event) => {
  if (editor) { event.preventDefault(); editor.focus(); }
});

function currentQuery() {
  return editor ? editor.value : textarea.value;
}

function setQuery(text) {
  if (editor) editor.value = text; else textarea.value = text;
}

function pageUrl(query, run) {
  const params = new URLSearchParams({ query, lang: setup.lang });
  if (run) params.set("run", "1");
  return setup.page + "?" + params.toString();
}

// -- the answer as a table -------------------------------------------------------------------

function compact(iri) {
  for (const [prefix, namespace] of Object.entries(setup.prefixes)) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[\w-]+$/.test(local)) return prefix + ":" + local;
  }
  return iri;
}

function href(iri) {
  // Our own IRIs have their page on this server, under the same path (kg.iris.local_path).
  if (setup.local.some((namespace) => iri.startsWith(namespace))) {
    return setup.root + "/" + iri.slice(setup.base.length) +
      (iri.includes("#") ? "" : "?lang=" + setup.lang);
  }
  return iri;
}

function linkable(iri) {
  // Only web addresses become links: a result may bind any IRI (`javascript:…`, `data:…`), and
  // a link to it would run or open whatever the query's author wrote when it is clicked.
  try {
    return ["http:", "https:"].includes(new URL(iri).protocol);
  } catch {
    return false;
  }
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && !linkable(term.value)) {
    td.textContent = term.value;
  } else if (term.type === "uri") {
    const a = document.createElement("a");
    a.href = href(term.value);
    a.textContent = compact(term.value);
    if (a.textContent !== term.value) a.title = term.value;
    td.appendChild(a);
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = " @" + term["xml:lang"];
      td.lang = term["xml:lang"];
      td.appendChild(tag);
    }
    if (term.datatype) td.title = term.datatype;
  }
  return td;
}

function table(data) {
  const t = document.createElement("table");
  t.id = "result-table";
  const caption = t.createCaption();
  caption.textContent = words.results;
  caption.className = "visually-hidden";
  const head = t.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const binding of data.results.bindings.slice(0, PAGE_ROWS)) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
  }
  return t;
}

function showDownloads(query, graph) {
  downloadLinks.replaceChildren();
  for (const [name, extension] of graph ? setup.graphFormats : setup.tableFormats) {
    const a = document.createElement("a");
    const params = new URLSearchParams({ query, format: name });
    a.href = setup.endpoint + "?" + params.toString();
    a.download = "result" + extension;
    a.dataset.format = name;
    a.textContent = name.toUpperCase();
    downloadLinks.append(a, " ");
  }
  downloads.hidden = false;
}

function showError(code, body) {
  errorBox.textContent = words.error + " " + code + ": " + (body.message || "");
  errorBox.hidden = false;
  const detail = body.detail || {};
  if (editor && detail.line) editor.goTo(detail.line, detail.column || 1);
}

// -- running ---------------------------------------------------------------------------------

let running = null;

async function run() {
  const query = currentQuery();
  if (running) running.abort();
  running = new AbortController();
  status.textContent = words.running;
  errorBox.hidden = true;
  downloads.hidden = true;
  results.replaceChildren();
  permalink.href = pageUrl(query, true);
  // The address bar and the language switch follow the query that ran.
  history.replaceState(null, "", permalink.href);
  const other = document.querySelector("a.lang");
  if (other) {
    const params = new URLSearchParams({ query, lang: other.hreflang, run: "1" });
    other.href = setup.page + "?" + params.toString();
  }
  let response;
  try {
    response = await fetch(setup.endpoint, {
      method: "POST", signal: running.signal,
      body: new URLSearchParams({ query }),
      headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9",
                 "Accept-Language": setup.lang },
    });
  } catch (error) {
    if (error.name === "AbortError") return;
    status.textContent = "";
    showError("–", { message: String(error) });
    return;
  }
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    const body = type.includes("json") ? await response.json() : { message: await response.text() };
    status.textContent = "";
    showError(response.status, body);
    return;
  }
  let message;
  if (type.includes("json")) {
    const data = await response.json();
    if (data.boolean !== undefined) {
      const p = document.createElement("p");
      p.id = "boolean-result";
      p.textContent = data.boolean ? words.yes : words.no;
      results.appendChild(p);
      message = "";
    } else {
      results.appendChild(table(data));
      const count = data.results.bindings.length;
      message = count + " " + words.rows;
      if (count > PAGE_ROWS) message += " (" + words.shown.replace("{shown}", PAGE_ROWS) + ")";
    }
    showDownloads(query, false);
  } else {
    const pre = document.createElement("pre");
    pre.id = "graph-result";
    pre.tabIndex = 0; // a scrolling region must be reachable by keyboard
    pre.textContent = await response.text();
    results.appendChild(pre);
    message = words.graph;
    showDownloads(query, true);
  }
  const cap = response.headers.get(setup.truncatedHeader);
  if (cap) message += " · " + words.truncated + " " + cap;
  status.textContent = message;
  running = null;
}

$("query-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});

$("example-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const chosen = $("example").selectedOptions[0];
  if (!chosen) return;
  setQuery(chosen.dataset.query);
  permalink.href = pageUrl(chosen.dataset.query, true);
  if (editor) editor.focus();
});

if (setup.run) run();
