// The dashboard page: follows the board's lines (server-sent events, the JSON of
// `board monitor --format jsonl`) and offers the host's actions (ACK). Text goes in with
// textContent only: a line's fields come from a serial port and are never markup.
"use strict";

const token = new URLSearchParams(location.search).get("token");
const alarms = new Map();
// The panel's lights: the alarm kinds of PROTOCOL.md §5 (ALARM) with the severity each can have.
const panelLights = [
  "DEPRESSURIZATION pressure WARNING", "DEPRESSURIZATION pressure CAUTION",
  "OVERTEMP temp WARNING", "OVERTEMP temp CAUTION",
  "SENSOR_FAULT pressure WARNING", "SENSOR_FAULT temp CAUTION", "SENSOR_FAULT supply CAUTION",
];          // seq -> alarm fields, with cleared/acked kept current
const events = document.getElementById("events");
const eventLogMax = 200;

// Plots keep a min/max envelope per pixel column (as the HTML report does), so hours of 10 Hz
// telemetry stay a fixed amount of memory: when the columns are full, pairs of columns merge.
class EnvelopePlot {
  constructor(canvas, threshold) {
    this.canvas = canvas; this.threshold = threshold;
    this.columns = []; this.secondsPerColumn = 1; this.startS = null;
  }
  add(timeS, value) {
    if (value === null || !Number.isFinite(value)) return;
    if (this.startS === null) this.startS = timeS;
    let index = Math.floor((timeS - this.startS) / this.secondsPerColumn);
    while (index >= this.canvas.width) { this.merge(); index = Math.floor((timeS - this.startS) / this.secondsPerColumn); }
    const column = this.columns[index] ??= { min: value, max: value };
    column.min = Math.min(column.min, value); column.max = Math.max(column.max, value);
  }
  merge() {
    const merged = [];
    for (let i = 0; i < this.columns.length; i += 2) {
      const a = this.columns[i], b = this.columns[i + 1];
      merged.push(a && b ? { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) } : (a ?? b));
    }
    this.columns = merged; this.secondsPerColumn *= 2;
  }
  draw() {
    const g = this.canvas.getContext("2d"), w = this.canvas.width, h = this.canvas.height;
    g.clearRect(0, 0, w, h);
    const present = this.columns.filter(Boolean);
    if (present.length === 0) return;
    let low = Math.min(...present.map(c => c.min)), high = Math.max(...present.map(c => c.max));
    if (this.threshold !== undefined) { low = Math.min(low, 0); high = Math.max(high, this.threshold * 1.1); }
    if (high === low) { high += 1; low -= 1; }
    const y = v => h - 4 - (v - low) / (high - low) * (h - 8);
    g.strokeStyle = "#5af";
    this.columns.forEach((c, x) => { if (c) { g.beginPath(); g.moveTo(x + .5, y(c.min) + .5); g.lineTo(x + .5, y(c.max) - .5); g.stroke(); } });
    if (this.threshold !== undefined) { g.strokeStyle = "#e66"; g.beginPath(); g.moveTo(0, y(this.threshold)); g.lineTo(w, y(this.threshold)); g.stroke(); }
    g.fillStyle = "#999"; g.font = "11px sans-serif";
    g.fillText(high.toFixed(1), 2, 11); g.fillText(low.toFixed(1), 2, h - 2);
  }
}
const pressurePlot = new EnvelopePlot(document.getElementById("plotPressure"));
const statisticPlot = new EnvelopePlot(document.getElementById("plotStatistic"), 100);

function text(id, value) { document.getElementById(id).textContent = value; }

function logLine(line) {
  const item = document.createElement("li");
  item.textContent = `${line.time.substring(11, 23)}  ${line.text}`;
  item.className = line.kind;
  events.prepend(item);
  while (events.children.length > eventLogMax) events.lastChild.remove();
}

function onTelemetry(f) {
  const boardS = f.t / 1000;
  text("pressure", f.p_pa === null ? "—" : `${(f.p_pa / 1000).toFixed(2)} kPa`);
  text("temperature", f.temp_mc === null ? "—" : `${(f.temp_mc / 1000).toFixed(2)} °C`);
  text("residual", f.res_pa === null ? "—" : `${f.res_pa} Pa`);
  text("statistic", f.cusum_pm === null ? "—" : `${(f.cusum_pm / 10).toFixed(1)} %`);
  text("boardTime", `${boardS.toFixed(1)} s`);
  pressurePlot.add(boardS, f.p_pa === null ? null : f.p_pa / 1000);
  statisticPlot.add(boardS, f.cusum_pm === null || f.model !== 1 ? null : f.cusum_pm / 10);
}

// The board re-sends every unacknowledged alarm (every 2 s of its time: hundreds a second in a
// fast replay); only a change is drawn, or the ACK buttons would never hold still to be clicked.
// Milliseconds from the host receiving each new alarm's line to the page drawing it (both clocks
// are this machine's): read by the browser tests and the measuring harness.
window.alarmDisplayLatencyMs = [];

function onAlarm(f, receivedAt) {
  const known = alarms.get(f.seq);
  if (!known && receivedAt) requestAnimationFrame(() => window.alarmDisplayLatencyMs.push(Date.now() - Date.parse(receivedAt)));
  if (known && known.cleared === f.cleared && known.acked === f.acked && known.sev === f.sev) return;
  alarms.set(f.seq, { ...known, ...f });
  renderAlarms();
}

function renderAlarms() {
  // A light per condition, as on a spacecraft's caution-and-warning panel (a WARNING and a CAUTION
  // of the same kind are two lights): lit while a condition is present, flashing while one is not
  // acknowledged, steady once all are, dark when the condition clears.
  const tiles = new Map();
  for (const key of panelLights) tiles.set(key, { lit: false, flashing: false });
  const rows = document.getElementById("alarmRows");
  for (const a of [...alarms.values()].sort((x, y) => y.seq - x.seq)) {
    const key = `${a.type} ${a.ch} ${a.sev}`;
    const tile = tiles.get(key) ?? { lit: false, flashing: false };
    if (a.cleared === null) {
      tile.lit = true;
      tile.flashing ||= a.acked !== 1;
    }
    tiles.set(key, tile);
    renderRow(rows, a);
  }
  // The lights are made once and only their classes change: a light replaced on every line would
  // restart its flashing and could not be looked at.
  const panel = document.getElementById("annunciator");
  for (const [key, tile] of tiles) {
    let div = panel.querySelector(`[data-alarm="${key}"]`);
    if (!div) {
      const [type, channel, severity] = key.split(" ");
      div = document.createElement("div");
      div.dataset.alarm = key;
      div.title = `${severity} ${type} on ${channel}`;
      div.textContent = `${type.replace("_", " ")}${type === "SENSOR_FAULT" ? " " + channel : ""} · ${severity}`;
      panel.append(div);
    }
    const severity = key.split(" ")[2];
    const wanted = `tile ${tile.lit ? severity : "off"}${tile.lit && tile.flashing ? " flashing" : ""}`;
    if (div.className !== wanted) div.className = wanted;
  }
}

// One row per alarm, newest first, made once and updated in place.
function renderRow(rows, a) {
  let row = rows.querySelector(`tr[data-seq="${a.seq}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.seq = a.seq;
    for (let i = 0; i < 8; i++) row.append(document.createElement("td"));
    const newer = [...rows.children].find(r => Number(r.dataset.seq) < a.seq);
    rows.insertBefore(row, newer ?? null);
  }
  row.className = a.sev;
  const state = `${a.cleared === null ? "present" : "cleared"}, ${a.acked === 1 ? "acknowledged" : "not acknowledged"}`;
  [a.seq, a.sev, a.type, a.ch, a.cause, `${(a.t / 1000).toFixed(1)} s`, state].forEach((value, i) => {
    if (row.cells[i].textContent !== String(value)) row.cells[i].textContent = value;
  });
  const action = row.cells[7];
  if (a.acked === 1) {
    action.replaceChildren();
  } else if (!action.firstChild) {
    const button = document.createElement("button");
    button.type = "button"; button.textContent = "ACK"; button.className = "ack";
    button.addEventListener("click", () => acknowledge(String(a.seq)));
    action.append(button);
  }
}

async function acknowledge(which) {
  const headers = token ? { "X-Dashboard-Token": token } : {};
  const response = await fetch(`api/ack/${which}`, { method: "POST", headers });
  const answer = await response.json();
  text("actionResult", answer.text);
}
document.getElementById("ackAll").addEventListener("click", () => acknowledge("all"));

async function refreshStatus() {
  try {
    const response = await fetch("api/status");
    const answer = await response.json();
    const list = document.getElementById("status");
    list.replaceChildren();
    for (const [key, value] of Object.entries(answer.reply?.fields ?? {})) {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = key; dd.textContent = value === null ? "—" : String(value);
      list.append(dt, dd);
    }
  } catch { /* the next poll tries again; the link indicator says when the server is gone */ }
}

// The journal, acknowledged alarms included: on load and after the stream comes back.
async function refreshAlarms() {
  try {
    const answer = await (await fetch("api/alarms")).json();
    for (const f of answer.alarms ?? []) onAlarm(f);
  } catch { /* shown by the link indicator */ }
}

function connect() {
  const source = new EventSource("api/events");
  source.addEventListener("open", () => { text("link", "following the board"); document.getElementById("link").className = "link up"; refreshAlarms(); });
  source.addEventListener("error", () => { text("link", "reconnecting…"); document.getElementById("link").className = "link down"; });
  source.addEventListener("line", message => {
    const line = JSON.parse(message.data);
    const f = line.fields;
    switch (line.kind) {
      case "telemetry": onTelemetry(f); break;
      case "alarm": onAlarm(f, line.time); break;
      case "clear": if (alarms.has(f.seq)) { alarms.get(f.seq).cleared = f.t; renderAlarms(); } logLine(line); break;
      case "event":
        if (f.id === "ALARM_ACKED" && alarms.has(f.alarm)) { alarms.get(f.alarm).acked = 1; renderAlarms(); }
        logLine(line); break;
      default:
        if (line.type === "HELLO") text("board", line.text);
        break;
    }
    if (line.kind === "alarm" && f.re === 0) logLine(line);
  });
}

renderAlarms();
connect();
refreshStatus();
setInterval(refreshStatus, 5000);
setInterval(() => { pressurePlot.draw(); statisticPlot.draw(); }, 500);
