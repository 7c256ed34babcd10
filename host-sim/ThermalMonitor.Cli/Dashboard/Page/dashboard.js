// The dashboard page: follows the board's lines (server-sent events, the JSON of
// `board monitor --format jsonl`) and offers the host's actions (ACK). Text goes in with
// textContent only: a line's fields come from a serial port and are never markup.
"use strict";

const token = new URLSearchParams(location.search).get("token");
const alarms = new Map();  // seq -> alarm fields, with cleared/acked kept current
// The panel's lights: the alarm kinds of PROTOCOL.md §5 (ALARM) with the severity each can have.
const panelLights = [
  "DEPRESSURIZATION pressure WARNING", "DEPRESSURIZATION pressure CAUTION",
  "OVERTEMP temp WARNING", "OVERTEMP temp CAUTION",
  "SENSOR_FAULT pressure WARNING", "SENSOR_FAULT temp CAUTION", "SENSOR_FAULT supply CAUTION",
];
const events = document.getElementById("events");
const eventLogMax = 200;

// The plots share one time axis (profile or board seconds) and keep a min/max envelope per pixel
// column, as the HTML report does, so hours of 10 Hz telemetry stay a fixed amount of memory: a
// live axis grows by merging pairs of columns when it is full; a replay's axis spans the profile
// from the start, so progress and the leak onset have their places before the data arrives.
class TimeAxis {
  constructor(columns) { this.columns = columns; this.startS = null; this.secondsPerColumn = 1; this.fixed = false; this.series = []; }
  // A replay: the whole profile on the axis at once; what was plotted before (another run) is dropped.
  span(fromS, toS) {
    if (this.fixed && this.startS === fromS && this.secondsPerColumn === Math.max((toS - fromS) / this.columns, 1e-3)) return;
    this.startS = fromS; this.secondsPerColumn = Math.max((toS - fromS) / this.columns, 1e-3); this.fixed = true;
    for (const s of this.series) s.columns = [];
  }
  restart() { this.startS = null; this.secondsPerColumn = 1; for (const s of this.series) s.columns = []; }
  column(timeS) {
    if (this.startS === null) this.startS = timeS;
    let index = Math.floor((timeS - this.startS) / this.secondsPerColumn);
    if (this.fixed) return index >= 0 && index < this.columns ? index : null;
    if (index < 0) return null;
    while (index >= this.columns) {
      for (const s of this.series) s.merge();
      this.secondsPerColumn *= 2;
      index = Math.floor((timeS - this.startS) / this.secondsPerColumn);
    }
    return index;
  }
  timeOf(column) { return this.startS + column * this.secondsPerColumn; }
}

class EnvelopeSeries {
  constructor(axis) { this.axis = axis; this.columns = []; axis.series.push(this); }
  add(timeS, value) {
    if (value === null || !Number.isFinite(value)) return;
    const index = this.axis.column(timeS);
    if (index === null) return;
    const column = this.columns[index] ??= { min: value, max: value };
    column.min = Math.min(column.min, value); column.max = Math.max(column.max, value);
  }
  merge() {
    const merged = [];
    for (let i = 0; i < this.columns.length; i += 2) {
      const a = this.columns[i], b = this.columns[i + 1];
      merged.push(a && b ? { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) } : (a ?? b));
    }
    this.columns = merged;
  }
}

const plotColumns = 900;
const axis = new TimeAxis(plotColumns);
// Colours of the marks on every plot: the alarm's severity, the leak onset (ground truth).
const markColours = { WARNING: "#f33", CAUTION: "#fb0", onset: "#ccc" };

class Plot {
  constructor(canvasId, options = {}) {
    this.canvas = document.getElementById(canvasId); this.series = new EnvelopeSeries(axis);
    this.threshold = options.threshold; this.floor = options.floor; this.decimals = options.decimals ?? 1;
    this.marksDrawn = [];
  }
  draw(marks) {
    const g = this.canvas.getContext("2d"), w = this.canvas.width, h = this.canvas.height;
    g.clearRect(0, 0, w, h);
    const x = timeS => axis.startS === null ? null : Math.floor((timeS - axis.startS) / axis.secondsPerColumn) + .5;
    // Marks first, under the data: a dashed line for the onset, a solid one per alarm raised. Marks
    // that fall in one column (a WARNING seconds after a CAUTION, hours into a replay) are drawn
    // side by side, two pixels apart, so each stays visible.
    const drawn = [];
    for (const mark of marks) {
      let at = x(mark.timeS);
      if (at === null || at < 0 || at > w) continue;
      while (drawn.some(d => Math.abs(d.x - at) < 2)) at += 2;
      drawn.push({ kind: mark.kind, timeS: mark.timeS, x: at });
      g.strokeStyle = markColours[mark.kind]; g.setLineDash(mark.kind === "onset" ? [4, 3] : []);
      g.beginPath(); g.moveTo(at, 0); g.lineTo(at, h); g.stroke();
    }
    this.marksDrawn = drawn;
    g.setLineDash([]);
    const present = this.series.columns.filter(Boolean);
    if (present.length === 0) return;
    let low = Math.min(...present.map(c => c.min)), high = Math.max(...present.map(c => c.max));
    if (this.threshold !== undefined) { low = Math.min(low, 0); high = Math.max(high, this.threshold * 1.1); }
    if (this.floor !== undefined) low = Math.max(this.floor, low);
    if (high === low) { high += 1; low -= 1; }
    const y = v => h - 14 - (Math.max(v, low) - low) / (high - low) * (h - 20);
    // Whole pixels, one column each from the minimum to the maximum: crisp, and at least one pixel tall.
    g.fillStyle = "#5af";
    this.series.columns.forEach((c, i) => {
      if (!c) return;
      const top = Math.round(y(c.max)), bottom = Math.round(y(c.min));
      g.fillRect(i, top, 1, Math.max(1, bottom - top + 1));
    });
    if (this.threshold !== undefined) { g.strokeStyle = "#e66"; g.beginPath(); g.moveTo(0, y(this.threshold)); g.lineTo(w, y(this.threshold)); g.stroke(); }
    g.fillStyle = "#999"; g.font = "11px sans-serif";
    g.fillText(high.toFixed(this.decimals), 2, 11); g.fillText(low.toFixed(this.decimals), 2, h - 16);
    g.fillText(clock(axis.startS), 2, h - 2);
    const end = clock(axis.timeOf(axis.fixed ? plotColumns : this.series.columns.length));
    g.fillText(end, w - g.measureText(end).width - 2, h - 2);
  }
}
const plots = [
  new Plot("plotPressure", { floor: 0, decimals: 1 }),
  new Plot("plotTemperature", { decimals: 1 }),
  new Plot("plotResidual", { decimals: 0 }),
  new Plot("plotStatistic", { threshold: 100, decimals: 0 }),
];
const [pressurePlot, temperaturePlot, residualPlot, statisticPlot] = plots;

// For the browser tests: the pixel column a time falls in, and what the plots hold.
window.dashboard = {
  columnOf: timeS => axis.startS === null ? null : Math.floor((timeS - axis.startS) / axis.secondsPerColumn),
  marksDrawn: canvasId => plots.find(p => p.canvas.id === canvasId)?.marksDrawn ?? [],
};

function clock(seconds) {
  if (seconds === null || !Number.isFinite(seconds)) return "";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

function text(id, value) { document.getElementById(id).textContent = value; }

function logLine(line) {
  const item = document.createElement("li");
  item.textContent = `${line.time.substring(11, 23)}  ${line.text}`;
  item.className = line.kind;
  events.prepend(item);
  while (events.children.length > eventLogMax) events.lastChild.remove();
}

let lastBoardS = null;
function onTelemetry(f) {
  // During a replay the plots are the replay's: a board given back afterwards samples its own sensors
  // again. A page that connects after the end is given the replay's telemetry from the history.
  if (replay && f.src !== "replay") return;
  const boardS = f.t / 1000;
  // A live board's clock going back means it restarted: the plots start again from its new time.
  if (!replay && lastBoardS !== null && boardS < lastBoardS) {
    axis.restart();
    logLine({ time: new Date().toISOString(), kind: "board", text: `the board's clock went back from ${lastBoardS.toFixed(1)} s to ${boardS.toFixed(1)} s (it restarted): the plots start again` });
  }
  lastBoardS = boardS;
  text("pressure", f.p_pa === null ? "—" : `${(f.p_pa / 1000).toFixed(2)} kPa`);
  text("temperature", f.temp_mc === null ? "—" : `${(f.temp_mc / 1000).toFixed(2)} °C`);
  text("residual", f.res_pa === null ? "—" : `${f.res_pa} Pa`);
  text("statistic", f.cusum_pm === null ? "—" : `${(f.cusum_pm / 10).toFixed(1)} %`);
  text("boardTime", `${boardS.toFixed(1)} s`);
  pressurePlot.series.add(boardS, f.p_pa === null ? null : f.p_pa / 1000);
  temperaturePlot.series.add(boardS, f.temp_mc === null ? null : f.temp_mc / 1000);
  // The residual comes once the model predicts (null before); the statistic counts once it is ready (model=1).
  residualPlot.series.add(boardS, f.res_pa);
  statisticPlot.series.add(boardS, f.cusum_pm === null || f.model !== 1 ? null : f.cusum_pm / 10);
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
  // Once a replay has ended its board has its own state back: the replay's alarms are no longer there to acknowledge.
  if (a.acked === 1 || (replay && replay.phase !== "running")) {
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

// The board's STATUS in groups a person reads (PROTOCOL.md, STATUS), and the host's own counters.
const statusRows = [
  ["mode, session", f => `${f.mode}, session ${f.session}`],
  ["loop work min / avg / max", f => `${f.loop_min_us} / ${f.loop_avg_us} / ${f.loop_max_us} µs over ${f.cycles} cycles`],
  ["overruns", f => `${f.overruns} cycles longer than the sample period`],
  ["free memory", f => f.free_bytes === null ? "not known on this board" : `${f.free_bytes} bytes`],
  ["board's link", f => `${f.rx_lines} lines received, ${f.rx_rejected} refused, ${f.rx_overflow_bytes} bytes lost to a full buffer, ${f.tx_dropped_lines} lines dropped unsent`],
  ["alarms", f => `${f.alarms_raised} raised this session, ${f.unacked} not acknowledged, ${f.journal_lost} lost from a full journal`],
  ["samples", f => `${f.samples} processed, ${f.injected} injected, ${f.discarded} discarded`],
  ["telemetry, uptime", f => `every ${f.tlm_ms} ms, board clock ${(f.uptime_ms / 1000).toFixed(1)} s`],
];

async function refreshStatus() {
  let answer;
  try {
    answer = await (await fetch("api/status")).json();
  } catch { return; /* the next poll tries again; the stream indicator says when the server is gone */ }
  const list = document.getElementById("status");
  const rows = [];
  const f = answer.reply?.fields;
  if (f) {
    for (const [label, describe] of statusRows) rows.push([label, describe(f)]);
  } else {
    rows.push(["board", answer.text]);
  }
  const h = answer.host;
  if (h) rows.push(["this host's link", `${h.linesReceived} lines received, ${h.linesCorrupted} corrupted, ${h.linesMissing} missing, ${h.reconnects} reconnections`]);
  list.replaceChildren();
  for (const [label, value] of rows) {
    const dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = label; dd.textContent = value;
    list.append(dt, dd);
  }
}

// The journal, acknowledged alarms included: on load and after the stream comes back.
async function refreshAlarms() {
  try {
    const answer = await (await fetch("api/alarms")).json();
    for (const f of answer.alarms ?? []) onAlarm(f);
  } catch { /* shown by the link indicator */ }
}

// The board link's state (event "board"): lost, back or gone.
function onBoardLink(state) {
  const element = document.getElementById("boardLink");
  element.textContent = { lost: "board lost, reconnecting…", back: `board back (reconnected ${state.reconnects}×)`, gone: "board gone" }[state.state] ?? state.state;
  element.className = `link ${state.state === "back" ? "up" : "down"}`;
  element.title = state.text;
  logLine({ time: state.time, kind: "board", text: state.text });
  if (state.state === "back") {
    // The board's journal is the truth: a board that was reset has none of the old alarms (and
    // numbers them from 1 again), one that was only unplugged lists them again.
    forgetAlarms();
    refreshAlarms(); refreshStatus();
  }
}

function forgetAlarms() {
  alarms.clear();
  document.getElementById("alarmRows").replaceChildren();
  renderAlarms();
}

// A board that restarted begins a new session: its alarm numbers start again, and the old
// session's alarms are no longer on the board to acknowledge.
let session = null;
function onHello(line) {
  text("board", line.text);
  const next = line.fields.session;
  if (session !== null && next !== session) {
    forgetAlarms();
    logLine({ time: line.time, kind: "board", text: `the board started session ${next} (was ${session}): the alarms of session ${session} are no longer on it` });
  }
  session = next;
}

// A replay in progress (event "replay"): progress, profile time (UTC when the profile has a start
// time) and the leak onset; the plots span the whole replay.
let replay = null;
function onReplay(state) {
  replay = state;
  document.getElementById("replay").hidden = false;
  axis.span(state.firstS, state.lastS);
  text("replayProfile", `${state.profile} on ${state.target}${state.speed > 0 ? ` at ${state.speed}× real time` : ", as fast as it goes"}`);
  text("replayDescription", state.description);
  const bar = document.getElementById("replayProgress");
  bar.max = Math.max(1, state.samplesTotal); bar.value = state.samplesDone;
  const percent = Math.floor(100 * state.samplesDone / Math.max(1, state.samplesTotal));
  text("replayPercent", `${percent} % (${state.samplesDone.toLocaleString("en")} of ${state.samplesTotal.toLocaleString("en")} samples)`);
  text("replayTime", `profile time ${clock(state.profileTimeS)}${state.startUtc ? ` · ${utc(state.startUtc, state.profileTimeS)}` : ""}`);
  text("replayOnset", state.onsetS === null ? "leak onset not known for this profile"
    : `leak onset at ${clock(state.onsetS)}${state.startUtc ? ` (${utc(state.startUtc, state.onsetS)})` : ""}, ground truth: the dashed line`);
  text("replayPhase", state.phase === "running" ? "running" : `${state.phase}${state.text ? `: ${state.text}` : ""}`);
  document.getElementById("replayPhase").className = state.phase;
  if (state.phase !== "running") {
    document.getElementById("ackAll").disabled = true;
    renderAlarms();
  }
}

function utc(startUtc, seconds) {
  return new Date(Date.parse(startUtc) + seconds * 1000).toISOString().replace("T", " ").substring(0, 19) + " UTC";
}

function marks() {
  const list = [];
  if (replay?.onsetS !== null && replay?.onsetS !== undefined) list.push({ kind: "onset", timeS: replay.onsetS });
  for (const a of alarms.values()) list.push({ kind: a.sev, timeS: a.t / 1000 });
  return list.sort((a, b) => a.timeS - b.timeS);
}

function drawPlots() {
  const list = marks();
  for (const plot of plots) plot.draw(list);
}

function connect() {
  const source = new EventSource("api/events");
  source.addEventListener("open", () => { text("link", "following the board"); document.getElementById("link").className = "link up"; refreshAlarms(); });
  source.addEventListener("error", () => { text("link", "reconnecting…"); document.getElementById("link").className = "link down"; });
  source.addEventListener("board", message => onBoardLink(JSON.parse(message.data)));
  source.addEventListener("replay", message => onReplay(JSON.parse(message.data)));
  source.addEventListener("line", message => onLine(JSON.parse(message.data), true));
  // What happened before this page connected (the server's history): the same lines, not timed.
  source.addEventListener("past", message => onLine(JSON.parse(message.data), false));
}

function onLine(line, live) {
  const f = line.fields;
  switch (line.kind) {
    case "telemetry": onTelemetry(f); break;
    case "alarm": onAlarm(f, live ? line.time : null); break;
    case "clear": if (alarms.has(f.seq)) { alarms.get(f.seq).cleared = f.t; renderAlarms(); } logLine(line); break;
    case "event":
      if (f.id === "ALARM_ACKED" && alarms.has(f.alarm)) { alarms.get(f.alarm).acked = 1; renderAlarms(); }
      logLine(line); break;
    default:
      if (line.type === "HELLO") onHello(line);
      break;
  }
  if (line.kind === "alarm" && f.re === 0) logLine(line);
}

renderAlarms();
connect();
refreshStatus();
setInterval(refreshStatus, 5000);
setInterval(drawPlots, 500);
