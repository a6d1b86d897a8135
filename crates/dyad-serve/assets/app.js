// dyad dashboard: plain JavaScript, no build step, no library. Talks to the JSON API
// described at /api/openapi.json. Views are chosen by the URL hash: #/dyad, #/network,
// #/map, #/events, #/article/ID.
"use strict";

// ---------- small helpers ----------

const SVG = "http://www.w3.org/2000/svg";
const QUADS = [
  { n: 1, name: "Verbal cooperation", color: "#8fd19e" },
  { n: 2, name: "Material cooperation", color: "#2f9e57" },
  { n: 3, name: "Verbal conflict", color: "#f3a27f" },
  { n: 4, name: "Material conflict", color: "#c8372d" },
];

// Builds an HTML element; children are nodes or strings (always inserted as text).
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

// Builds an SVG element.
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function fmt(x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : Number(x).toFixed(digits);
}

// Diverging colour for a Goldstein value in [-10, 10]: red (conflict) .. grey .. green (cooperation).
function goldsteinColor(g) {
  if (g === null || g === undefined) return "#9aa3b2";
  const t = Math.max(-1, Math.min(1, g / 7));
  const mid = [154, 163, 178];
  const end = t < 0 ? [200, 55, 45] : [47, 158, 87];
  const a = Math.abs(t);
  const c = mid.map((m, i) => Math.round(m + (end[i] - m) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

class ApiError extends Error {}

// GET (or POST) a JSON API path; errors become ApiError with the server's message.
async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError(`cannot reach the server (${e.message})`);
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError(`${url}: HTTP ${res.status}, not JSON`);
  }
  if (!res.ok) throw new ApiError(`${body && body.error ? body.error : "HTTP " + res.status}`);
  return body;
}

function showError(msg) {
  const el = document.getElementById("error");
  if (!msg) {
    el.hidden = true;
    el.textContent = "";
    return;
  }
  el.hidden = false;
  el.textContent = msg;
}

const tip = {
  show(ev, text) {
    const el = document.getElementById("tip");
    el.textContent = text;
    el.hidden = false;
    el.style.left = `${Math.min(ev.clientX + 12, window.innerWidth - 330)}px`;
    el.style.top = `${ev.clientY + 12}px`;
  },
  hide() {
    document.getElementById("tip").hidden = true;
  },
};

function hover(el, text) {
  el.addEventListener("mousemove", (ev) => tip.show(ev, text));
  el.addEventListener("mouseleave", () => tip.hide());
  return el;
}

// ---------- routing ----------

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || "dyad", arg: parts[1], params: new URLSearchParams(query || "") };
}

function go(view, arg, params) {
  let hash = `#/${view}`;
  if (arg) hash += `/${encodeURIComponent(arg)}`;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  if (qs.toString()) hash += `?${qs}`;
  if (location.hash === hash) route();
  else location.hash = hash;
}

const views = { dyad: dyadView, network: networkView, map: mapView, events: eventsView, article: articleView };
let routeSeq = 0;

async function route() {
  const r = parseHash();
  const view = views[r.view] ? r.view : "dyad";
  for (const a of document.querySelectorAll("#tabs a")) a.classList.toggle("active", a.dataset.view === view);
  tip.hide();
  showError(null);
  const seq = ++routeSeq;
  const main = document.getElementById("view");
  try {
    const el = await views[view](r);
    if (seq !== routeSeq) return; // a newer navigation won
    main.replaceChildren(el);
    document.body.dataset.view = view;
    document.body.dataset.ready = String(seq);
  } catch (e) {
    if (seq !== routeSeq) return;
    main.replaceChildren(h("div", { class: "card empty" }, "Could not load this view."));
    showError(e instanceof ApiError ? e.message : `unexpected error: ${e.message}`);
    if (!(e instanceof ApiError)) throw e;
  }
}

// ---------- shared pieces ----------

let actorCache = null;
async function actors() {
  if (!actorCache) actorCache = (await api("/api/actors", { limit: 500 })).items;
  return actorCache;
}

function actorLabel(code) {
  const a = (actorCache || []).find((x) => x.code === code);
  return a && a.name ? `${a.name} (${code})` : code;
}

function shortName(code) {
  const a = (actorCache || []).find((x) => x.code === code);
  return a && a.name && code.length === 3 ? a.name : code;
}

function actorCell(a) {
  if (!a) return h("td", { class: "actor muted" }, "—");
  return h("td", { class: "actor" }, h("span", { class: "code" }, a.code), h("small", {}, a.name || a.text || ""));
}

function quadBadge(q) {
  const quad = QUADS[q - 1];
  return h("span", { class: `quad q${q}`, title: quad ? quad.name : "" }, quad ? quad.name : `quad ${q}`);
}

// A table of events; clicking a row opens the article with that event focused.
function eventsTable(items) {
  if (!items.length) return h("div", { class: "empty" }, "No events match.");
  const rows = items.map((e) =>
    h(
      "tr",
      { "data-event": e.id, "data-article": e.article, onclick: () => go("article", e.article, { event: e.id }) },
      h("td", { class: "date" }, e.date || h("span", { class: "muted" }, "unknown")),
      actorCell(e.source),
      h(
        "td",
        {},
        h("span", { class: "code", title: e.cameo_name || "" }, e.cameo),
        " ",
        e.cameo_name ? h("span", {}, e.cameo_name) : null,
        h("div", { class: "muted" }, `“${e.evidence.event_text}”`),
      ),
      actorCell(e.target),
      h("td", {}, quadBadge(e.quad_class)),
      h("td", { class: "num" }, fmt(e.goldstein)),
      h("td", {}, e.location ? e.location.name : h("span", { class: "muted" }, "—")),
      h(
        "td",
        {},
        h(
          "a",
          {
            href: `#/article/${e.article}?event=${e.id}`,
            class: "article-link",
            onclick: (ev) => ev.stopPropagation(),
          },
          e.outlet || e.article_id,
        ),
      ),
    ),
  );
  return h(
    "table",
    { class: "events" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, "Date"),
        h("th", {}, "Source"),
        h("th", {}, "Event"),
        h("th", {}, "Target"),
        h("th", {}, "Quad class"),
        h("th", { class: "num" }, "Goldstein"),
        h("th", {}, "Place"),
        h("th", {}, "Article"),
      ),
    ),
    h("tbody", {}, rows),
  );
}

function pager(page, onMove) {
  const { total, limit, offset } = page;
  const end = Math.min(offset + limit, total);
  return h(
    "div",
    { class: "pager" },
    h("span", {}, total ? `${offset + 1}–${end} of ${total}` : "0 results"),
    h("button", { disabled: offset <= 0, onclick: () => onMove(Math.max(0, offset - limit)) }, "‹ Previous"),
    h("button", { disabled: end >= total, onclick: () => onMove(offset + limit) }, "Next ›"),
  );
}

// ---------- dyad view ----------

async function dyadView(r) {
  const [acts, dyads] = await Promise.all([actors(), api("/api/dyads", { limit: 40 })]);
  let a = r.params.get("a");
  let b = r.params.get("b");
  const by = r.params.get("by") || "month";
  if ((!a || !b) && dyads.items.length) {
    a = dyads.items[0].a;
    b = dyads.items[0].b;
  }

  const options = (sel) =>
    acts.map((x) => h("option", { value: x.code, selected: x.code === sel }, `${x.name ? x.name + " · " : ""}${x.code} (${x.events})`));
  const selA = h("select", { id: "actor-a", name: "a" }, options(a));
  const selB = h("select", { id: "actor-b", name: "b" }, options(b));
  const selBy = h(
    "select",
    { id: "by", name: "by" },
    ["day", "week", "month", "year"].map((x) => h("option", { value: x, selected: x === by }, x)),
  );
  const show = () => go("dyad", null, { a: selA.value, b: selB.value, by: selBy.value });
  const controls = h(
    "div",
    { class: "card" },
    h("h2", {}, "Choose two actors"),
    h("label", { class: "field" }, "Actor A", selA),
    h("label", { class: "field" }, "Actor B", selB),
    h(
      "div",
      { class: "row" },
      h("label", { class: "field" }, "Group by", selBy),
      h("button", { type: "button", title: "Swap A and B", onclick: () => go("dyad", null, { a: selB.value, b: selA.value, by: selBy.value }) }, "⇄"),
      h("button", { id: "show-dyad", type: "button", class: "primary", onclick: show }, "Show"),
    ),
  );
  const pairs = h(
    "div",
    { class: "card" },
    h("h2", {}, "Most active dyads"),
    h(
      "ul",
      { class: "pairs", id: "top-dyads" },
      dyads.items.map((d) =>
        hover(
          h(
            "li",
            {
              class: (d.a === a && d.b === b) || (d.a === b && d.b === a) ? "active" : "",
              "data-dyad": `${d.a}-${d.b}`,
              onclick: () => go("dyad", null, { a: d.a, b: d.b, by: selBy.value }),
            },
            h("span", { class: "swatch", style: `background:${goldsteinColor(d.goldstein)}` }),
            `${shortName(d.a)} — ${shortName(d.b)}`,
            h("span", { class: "n" }, d.events),
          ),
          `${actorLabel(d.a)} and ${actorLabel(d.b)}: ${d.events} events, mean Goldstein ${fmt(d.goldstein)}`,
        ),
      ),
    ),
  );

  const right = h("div", {});
  if (!a || !b) {
    right.append(h("div", { class: "card empty" }, "The store has no events yet. Ingest some articles first."));
  } else {
    const [tl, evs] = await Promise.all([
      api("/api/timeline", { a, b, by }),
      api("/api/events", { dyad: `${a},${b}`, limit: 100 }),
    ]);
    const totals = tl.buckets.reduce(
      (acc, x) => {
        acc.n += x.events;
        acc.coop += x.quad[0] + x.quad[1];
        acc.g += (x.goldstein || 0) * x.events;
        return acc;
      },
      { n: 0, coop: 0, g: 0 },
    );
    right.append(
      h(
        "div",
        { class: "card", id: "dyad-chart" },
        h("h1", {}, `${actorLabel(a)} — ${actorLabel(b)}`),
        h("p", { class: "muted", style: "margin:0 0 8px" }, "Events between the two actors in either direction, per " + by + "."),
        h(
          "div",
          { class: "summary" },
          h("div", {}, h("b", {}, totals.n + tl.undated), tl.undated ? `events (${tl.undated} undated, not in the chart)` : "events"),
          h("div", {}, h("b", {}, totals.n ? `${Math.round((100 * totals.coop) / totals.n)}%` : "–"), "cooperation"),
          h("div", {}, h("b", {}, totals.n ? fmt(totals.g / totals.n) : "–"), "mean Goldstein"),
          h("div", {}, h("b", {}, tl.buckets.length), `${by}s with events`),
        ),
        timelineChart(tl.buckets),
        h(
          "div",
          { class: "legend" },
          QUADS.map((q) => h("span", {}, h("span", { class: "swatch", style: `background:${q.color}` }), q.name)),
          h("span", {}, h("span", { class: "swatch", style: "background:#1d2330;height:2px" }), "mean Goldstein (right axis)"),
        ),
      ),
      h(
        "div",
        { class: "card", id: "dyad-events" },
        h("h2", {}, `Events (${evs.total})`),
        eventsTable(evs.items),
        evs.total > evs.items.length
          ? h("p", { class: "muted" }, h("a", { href: `#/events?dyad=${encodeURIComponent(a + "," + b)}` }, "All events of this dyad →"))
          : null,
      ),
    );
  }
  return h("div", { class: "grid" }, h("div", {}, controls, pairs), right);
}

// Bars: cooperation (quad 1, 2) above the axis, conflict (quad 3, 4) below; line: mean Goldstein.
function timelineChart(buckets) {
  const W = 900;
  const H = 300;
  const m = { l: 44, r: 44, t: 12, b: 36 };
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" });
  if (!buckets.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#6b7280" }, "No events for this dyad."));
    return svg;
  }
  const up = buckets.map((x) => x.quad[0] + x.quad[1]);
  const down = buckets.map((x) => x.quad[2] + x.quad[3]);
  const maxUp = Math.max(1, ...up);
  const realDown = Math.max(0, ...down);
  // without conflict events keep a thin band below the axis rather than a full scale
  const maxDown = realDown > 0 ? Math.max(realDown, maxUp * 0.15) : maxUp * 0.08;
  const scale = ih / (maxUp + maxDown);
  const y0 = m.t + maxUp * scale;
  const step = iw / buckets.length;
  const bw = Math.max(2, Math.min(46, step * 0.7));
  const gy = (g) => m.t + ((10 - g) / 20) * ih;

  const axis = s("g", { class: "axis" });
  // left axis: counts
  const ticks = niceTicks(maxUp).filter((t) => t > 0);
  for (const t of ticks) axis.append(s("text", { x: m.l - 6, y: y0 - t * scale + 4, "text-anchor": "end" }, t));
  for (const t of niceTicks(realDown).filter((t) => t > 0 && t <= realDown))
    axis.append(s("text", { x: m.l - 6, y: y0 + t * scale + 4, "text-anchor": "end" }, -t));
  axis.append(s("text", { x: m.l - 6, y: y0 + 4, "text-anchor": "end" }, 0));
  axis.append(s("line", { x1: m.l, x2: W - m.r, y1: y0, y2: y0, stroke: "#9aa3b2" }));
  // right axis: Goldstein
  for (const g of [-10, -5, 0, 5, 10]) {
    axis.append(s("text", { x: W - m.r + 6, y: gy(g) + 4 }, g));
    axis.append(s("line", { x1: W - m.r, x2: W - m.r + 3, y1: gy(g), y2: gy(g) }));
  }
  axis.append(s("text", { x: m.l - 6, y: H - 4, "text-anchor": "end" }, "events"));
  axis.append(s("text", { x: W - 4, y: H - 4, "text-anchor": "end" }, "Goldstein"));
  svg.append(axis);

  const every = Math.ceil(buckets.length / 12);
  buckets.forEach((x, i) => {
    const cx = m.l + step * (i + 0.5);
    let yUp = y0;
    for (const q of [0, 1]) {
      const hgt = x.quad[q] * scale;
      if (hgt > 0) {
        yUp -= hgt;
        svg.append(hover(s("rect", { x: cx - bw / 2, y: yUp, width: bw, height: hgt, fill: QUADS[q].color }), `${x.period}: ${x.quad[q]} ${QUADS[q].name.toLowerCase()}`));
      }
    }
    let yDown = y0;
    for (const q of [2, 3]) {
      const hgt = x.quad[q] * scale;
      if (hgt > 0) {
        svg.append(hover(s("rect", { x: cx - bw / 2, y: yDown, width: bw, height: hgt, fill: QUADS[q].color }), `${x.period}: ${x.quad[q]} ${QUADS[q].name.toLowerCase()}`));
        yDown += hgt;
      }
    }
    if (i % every === 0) svg.append(s("text", { x: cx, y: H - m.b + 16, "text-anchor": "middle", class: "axis", fill: "#6b7280", "font-size": 11 }, x.period));
  });
  const pts = buckets.map((x, i) => `${m.l + step * (i + 0.5)},${gy(x.goldstein || 0)}`);
  svg.append(s("polyline", { points: pts.join(" "), fill: "none", stroke: "#1d2330", "stroke-width": 2 }));
  buckets.forEach((x, i) => {
    svg.append(hover(s("circle", { cx: m.l + step * (i + 0.5), cy: gy(x.goldstein || 0), r: 4, fill: "#1d2330" }), `${x.period}: mean Goldstein ${fmt(x.goldstein)} over ${x.events} events`));
  });
  return svg;
}

function niceTicks(max) {
  const raw = max / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((k) => k >= raw) || mag;
  const out = [];
  for (let t = 0; t <= max + 1e-9; t += Math.max(1, Math.round(step))) out.push(t);
  return out;
}

// ---------- network view ----------

async function networkView(r) {
  const limit = r.params.get("nodes") || 40;
  const net = await api("/api/network", { limit });
  const W = 1200;
  const H = 560;
  const svg = s("svg", { class: "network", id: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const card = h(
    "div",
    { class: "card" },
    h("h1", {}, "Actor network"),
    h(
      "p",
      { class: "muted", style: "margin:0 0 8px" },
      `${net.nodes.length} actors, ${net.edges.length} pairs. Line width: number of events; colour: mean Goldstein. Click an actor for its events, a line for the dyad.`,
    ),
    svg,
    h(
      "div",
      { class: "legend" },
      [-8, -4, 0, 4, 8].map((g) => h("span", {}, h("span", { class: "swatch", style: `background:${goldsteinColor(g)}` }), `Goldstein ${g > 0 ? "+" : ""}${g}`)),
    ),
  );
  if (!net.nodes.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#6b7280" }, "No events yet."));
    return card;
  }
  const pos = layout(net.nodes, net.edges, W, H);
  const maxE = Math.max(...net.edges.map((e) => e.events), 1);
  const maxN = Math.max(...net.nodes.map((n) => n.events), 1);
  for (const e of net.edges) {
    const p = pos.get(e.a);
    const q = pos.get(e.b);
    if (!p || !q) continue;
    svg.append(
      hover(
        s("line", {
          class: "edge",
          x1: p.x, y1: p.y, x2: q.x, y2: q.y,
          stroke: goldsteinColor(e.goldstein),
          "stroke-width": 1 + 7 * Math.sqrt(e.events / maxE),
          "stroke-opacity": 0.75,
          onclick: () => go("dyad", null, { a: e.a, b: e.b }),
        }),
        `${actorLabel(e.a)} — ${actorLabel(e.b)}: ${e.events} events, mean Goldstein ${fmt(e.goldstein)}`,
      ),
    );
  }
  for (const n of net.nodes) {
    const p = pos.get(n.id);
    const rad = 5 + 13 * Math.sqrt(n.events / maxN);
    svg.append(
      hover(
        s(
          "g",
          { class: "node", transform: `translate(${p.x},${p.y})`, onclick: () => go("events", null, { actor: n.id }) },
          s("circle", { r: rad, fill: goldsteinColor(n.goldstein), stroke: "#fff", "stroke-width": 2 }),
          s("text", { y: -rad - 5, "text-anchor": "middle" }, n.name && n.id.length === 3 ? `${n.name} (${n.id})` : n.id),
        ),
        `${actorLabel(n.id)}: ${n.events} events, mean Goldstein ${fmt(n.goldstein)}`,
      ),
    );
  }
  return card;
}

// A small deterministic force layout: nodes start on a circle (busiest first), springs on
// edges, repulsion between all pairs, gravity to the centre; 300 cooling steps.
function layout(nodes, edges, W, H) {
  const pos = new Map();
  const N = nodes.length;
  nodes.forEach((n, i) => {
    const ang = (2 * Math.PI * i) / N;
    pos.set(n.id, { x: W / 2 + (W / 3) * Math.cos(ang), y: H / 2 + (H / 3) * Math.sin(ang), dx: 0, dy: 0 });
  });
  const k = Math.sqrt((W * H) / Math.max(N, 1)) * 0.55;
  const list = [...pos.values()];
  for (let it = 0; it < 300; it++) {
    const temp = 40 * (1 - it / 300) + 1;
    for (const p of list) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        const p = list[i];
        const q = list[j];
        let dx = p.x - q.x;
        let dy = p.y - q.y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = (k * k) / d2;
        p.dx += dx * f; p.dy += dy * f;
        q.dx -= dx * f; q.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const p = pos.get(e.a);
      const q = pos.get(e.b);
      if (!p || !q || p === q) continue;
      const dx = p.x - q.x;
      const dy = p.y - q.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      // pull grows with distance (d^2 / k along the edge) and a little with the event count
      const f = (d / k) * (1 + Math.log(1 + e.events) * 0.3);
      p.dx -= dx * f; p.dy -= dy * f;
      q.dx += dx * f; q.dy += dy * f;
    }
    for (const p of list) {
      p.dx += (W / 2 - p.x) * 0.02;
      p.dy += (H / 2 - p.y) * 0.02;
      const len = Math.max(Math.sqrt(p.dx * p.dx + p.dy * p.dy), 1e-9);
      p.x += (p.dx / len) * Math.min(len, temp);
      p.y += (p.dy / len) * Math.min(len, temp);
    }
  }
  // stretch the drawing to fill the frame
  const xs = list.map((p) => p.x);
  const ys = list.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const p of list) {
    p.x = x1 > x0 ? 90 + ((p.x - x0) / (x1 - x0)) * (W - 180) : W / 2;
    p.y = y1 > y0 ? 50 + ((p.y - y0) / (y1 - y0)) * (H - 90) : H / 2;
  }
  return pos;
}

// ---------- map view ----------

let worldPath = null;
async function mapView() {
  const [places, world] = await Promise.all([
    api("/api/places", { limit: 500 }),
    worldPath ? Promise.resolve(worldPath) : api("/assets/world.json"),
  ]);
  worldPath = world;
  // equirectangular: x = lon + 180, y = 90 - lat (the outline file uses the same frame)
  const svg = s("svg", { class: "map", id: "map", viewBox: "0 0 360 180", role: "img", "aria-label": "map of event locations" });
  const grat = s("g", { class: "grat" });
  for (let lon = -180; lon <= 180; lon += 30) grat.append(s("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: 180 }));
  for (let lat = -90; lat <= 90; lat += 30) grat.append(s("line", { x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat }));
  svg.append(s("rect", { x: 0, y: 0, width: 360, height: 180, fill: "#f4f8fc" }), grat, s("path", { class: "land", d: world.path }));
  const items = places.items.filter((p) => p.lat !== null && p.lon !== null);
  const maxN = Math.max(1, ...items.map((p) => p.events));
  for (const p of [...items].sort((x, y) => y.events - x.events)) {
    svg.append(
      hover(
        s("circle", {
          class: "pt",
          cx: p.lon + 180,
          cy: 90 - p.lat,
          r: 1.2 + 3.5 * Math.sqrt(p.events / maxN),
          fill: goldsteinColor(p.goldstein),
          onclick: () => go("events", null, { place: p.name }),
        }),
        `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events, mean Goldstein ${fmt(p.goldstein)}`,
      ),
    );
  }
  const list = h(
    "ul",
    { class: "pairs" },
    [...items].sort((x, y) => y.events - x.events).map((p) =>
      h(
        "li",
        { onclick: () => go("events", null, { place: p.name }) },
        h("span", { class: "swatch", style: `background:${goldsteinColor(p.goldstein)}` }),
        `${p.name}${p.country ? " · " + p.country : ""}`,
        h("span", { class: "n" }, p.events),
      ),
    ),
  );
  return h(
    "div",
    { class: "grid-wide" },
    h(
      "div",
      { class: "card" },
      h("h1", {}, "Where events happened"),
      h("p", { class: "muted", style: "margin:0 0 8px" }, "Circle size: number of events; colour: mean Goldstein. Click a place for its events."),
      svg,
    ),
    h("div", { class: "card" }, h("h2", {}, `Places (${items.length})`), items.length ? list : h("div", { class: "empty" }, "No located events.")),
  );
}

// ---------- events view ----------

const FILTERS = [
  ["actor", "Actor (either side)", "RUS"],
  ["source", "Source actor", "RUSGOV"],
  ["target", "Target actor", "ITA"],
  ["dyad", "Dyad A,B", "RUS,ITA"],
  ["root", "CAMEO root", "04"],
  ["cameo", "CAMEO code", "043"],
  ["plover", "PLOVER type", "CONSULT"],
  ["quad", "Quad class 1–4", "1"],
  ["from", "From date", "2020-01-01"],
  ["to", "To date", "2020-12-31"],
  ["place", "Place", "Moscow"],
  ["outlet", "Outlet", ""],
  ["q", "Text search", "sanctions"],
];

async function eventsView(r) {
  const params = {};
  for (const [k] of FILTERS) if (r.params.get(k)) params[k] = r.params.get(k);
  const limit = 50;
  const offset = Number(r.params.get("offset") || 0);
  const page = await api("/api/events", { ...params, limit, offset });
  const inputs = {};
  const form = h(
    "form",
    {
      class: "filters",
      id: "filters",
      onsubmit: (ev) => {
        ev.preventDefault();
        const p = {};
        for (const [k, el] of Object.entries(inputs)) if (el.value.trim()) p[k] = el.value.trim();
        go("events", null, p);
      },
    },
    FILTERS.map(([k, label, ph]) => {
      inputs[k] = h("input", { name: k, value: params[k] || "", placeholder: ph ? `e.g. ${ph}` : "", type: k === "from" || k === "to" ? "date" : "text" });
      return h("label", { class: "field" }, label, inputs[k]);
    }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, "Apply"),
      h("button", { type: "button", onclick: () => go("events") }, "Clear"),
    ),
  );
  return h(
    "div",
    {},
    h("div", { class: "card" }, h("h1", {}, "Events"), form),
    h(
      "div",
      { class: "card" },
      eventsTable(page.items),
      pager(page, (o) => go("events", null, { ...params, offset: o })),
    ),
  );
}

// ---------- article view ----------

async function articleView(r) {
  let id = r.arg;
  if (!id) {
    const first = await api("/api/events", { limit: 1 });
    if (!first.items.length) return h("div", { class: "card empty" }, "No articles yet.");
    id = first.items[0].article;
  }
  const art = await api(`/api/articles/${encodeURIComponent(id)}`);
  const focus = r.params.get("event");
  const textEl = h("div", { class: "article-text", id: "article-text" }, highlight(art.text, art.spans));
  const items = art.events.map((e) =>
    h(
      "li",
      { "data-event": e.id, onclick: () => focusEvent(String(e.id)) },
      h("div", {}, h("span", { class: "code" }, e.source.code), " → ", h("span", { class: "code" }, e.target ? e.target.code : "—"), " ", quadBadge(e.quad_class)),
      h("div", {}, h("b", {}, e.cameo), " ", e.cameo_name || "", " · ", h("i", {}, `“${e.evidence.event_text}”`)),
      h("div", { class: "meta" }, `${e.date || "date unknown"} · Goldstein ${fmt(e.goldstein)}${e.location ? " · " + e.location.name : ""} · ${e.pattern}`),
    ),
  );
  const list = h("ul", { class: "evlist", id: "article-events" }, items);
  function focusEvent(eid) {
    textEl.classList.add("focused");
    for (const li of list.children) li.classList.toggle("active", li.dataset.event === eid);
    let first = null;
    for (const m of textEl.querySelectorAll("mark")) {
      const on = (m.dataset.events || "").split(" ").includes(eid);
      m.classList.toggle("focus", on);
      if (on && !first) first = m;
    }
    // scroll inside the two panels only, never the page
    if (first) textEl.scrollTop = Math.max(0, first.offsetTop - textEl.clientHeight / 3);
    const li = list.querySelector("li.active");
    if (li) list.scrollTop = Math.max(0, li.offsetTop - list.clientHeight / 3);
  }
  if (focus) setTimeout(() => focusEvent(focus), 0);
  return h(
    "div",
    { class: "grid-wide" },
    h(
      "div",
      { class: "card" },
      h("h1", { id: "article-title" }, art.title || art.article_id),
      h(
        "p",
        { class: "muted", style: "margin:0 0 8px" },
        [art.outlet, art.published, art.url ? h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null]
          .filter(Boolean)
          .flatMap((x, i) => (i ? [" · ", x] : [x])),
      ),
      h(
        "div",
        { class: "legend", style: "margin-bottom:10px" },
        h("span", {}, h("span", { class: "key src" }, "source"), "who acted"),
        h("span", {}, h("span", { class: "key evt" }, "event"), "what they did"),
        h("span", {}, h("span", { class: "key tgt" }, "target"), "to whom"),
        h("span", {}, "Click an event on the right to focus its words."),
      ),
      textEl,
    ),
    h("div", { class: "card" }, h("h2", {}, `Events in this article (${art.events.length})`), art.events.length ? list : h("div", { class: "empty" }, "No events.")),
  );
}

// Splits `text` at every span boundary (offsets count Unicode code points) and wraps the
// pieces covered by spans in <mark>s; a piece covered by several spans takes the most
// specific kind (event over target over source) and lists every event it belongs to.
function highlight(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(chars.length, sp.start)));
    cuts.add(Math.max(0, Math.min(chars.length, sp.end)));
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const rank = { source: 1, target: 2, event: 3 };
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const piece = chars.slice(a, b).join("");
    const cover = spans.filter((sp) => sp.start <= a && sp.end >= b && sp.end > sp.start);
    if (!cover.length) {
      out.push(piece);
      continue;
    }
    const kind = cover.reduce((k, sp) => (rank[sp.kind] > rank[k] ? sp.kind : k), cover[0].kind);
    const evs = [...new Set(cover.map((sp) => String(sp.event)))].join(" ");
    out.push(h("mark", { class: `hl-${kind}`, "data-events": evs, title: cover.map((sp) => sp.kind).join(", ") }, piece));
  }
  return out;
}

// ---------- start ----------

async function header() {
  try {
    const hl = await api("/api/health");
    document.getElementById("stats").textContent = `${hl.articles} articles · ${hl.events} events${hl.ingest ? " · ingest on" : ""}`;
  } catch (e) {
    showError(e.message);
  }
}

window.addEventListener("hashchange", route);
header();
route();
