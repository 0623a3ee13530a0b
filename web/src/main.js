// The page: a class setting on the left, one run stepped month by month or an ensemble of runs
// on the right. All simulating happens on the server; this file only draws.
import { ApiError, getJson, postJson } from "./api.js";
import { emptySetting, requestBody, settingFromHash, settingToHash } from "./setting.js";
import { NetworkView } from "./network.js";
import { RunCharts, drawKaplanMeier } from "./charts.js";
import "./style.css";

const $ = (id) => document.getElementById(id);
const styles = ["defensief", "utilitair", "offensief", "overstijgend"];

let setting;
let base; // the scenario as shipped or uploaded, before the setting's changes
let recording;
let month = 0;
let playing = null;
const network = new NetworkView($("network"));
const charts = new RunCharts({ trust: $("chart-trust"), active: $("chart-active"), results: $("chart-results") });

function showError(error) {
  const box = $("errors");
  if (!error) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const details = error instanceof ApiError && error.details.length ? `\n• ${error.details.join("\n• ")}` : "";
  box.textContent = `${error.message}${details}`;
}

async function busy(button, work) {
  button.disabled = true;
  try {
    showError(null);
    return await work();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => (k in e ? (e[k] = v) : e.setAttribute(k, v)));
  children.forEach((c) => e.append(c));
  return e;
}

// --- settings panel -------------------------------------------------------------------------

function switchOf(arm, name) {
  return setting.interventions.find((s) => (s.arm ?? "") === arm && s.name === name);
}

function setSwitch(arm, spec, change) {
  let s = switchOf(arm, spec.name);
  if (!s) {
    s = { arm, name: spec.name };
    setting.interventions.push(s);
  }
  Object.assign(s, change);
  if (s.enabled !== false) delete s.enabled;
  if (s.start_month === spec.start_month) delete s.start_month;
  if (s.enabled === undefined && s.start_month === undefined) setting.interventions.splice(setting.interventions.indexOf(s), 1);
  if (!s.arm) delete s.arm;
}

function interventionRow(arm, spec) {
  const s = switchOf(arm, spec.name) ?? {};
  const on = element("input", { type: "checkbox", checked: s.enabled !== false });
  const start = element("input", { type: "number", min: 0, max: base.horizon_months - 1, value: s.start_month ?? spec.start_month });
  on.addEventListener("change", () => setSwitch(arm, spec, { enabled: on.checked }));
  start.addEventListener("change", () => setSwitch(arm, spec, { start_month: Number(start.value) }));
  const cost = spec.yearly_cost_keur ? `, ${spec.yearly_cost_keur} k€/year` : "";
  return element(
    "div",
    { className: "intervention" },
    element("label", {}, on, ` ${spec.name} `, element("span", { className: "hint" }, `(${spec.kind}${arm ? "" : ", in every arm"}${cost}${spec.triggered ? ", triggered" : ""})`)),
    element("label", {}, "starts in month ", start),
  );
}

function drawInterventions() {
  const box = $("interventions");
  box.innerHTML = "";
  const arm = base.arms.find((a) => a.name === setting.arm) ?? base.arms[0];
  $("arm-description").textContent = arm.description;
  base.interventions.forEach((spec) => box.append(interventionRow("", spec)));
  arm.interventions.forEach((spec) => box.append(interventionRow(arm.name, spec)));
  if (!base.interventions.length && !arm.interventions.length) box.append(element("p", { className: "hint" }, "The baseline has no interventions: pick an arm above."));
}

function drawSettings() {
  $("scenario-description").textContent = `${base.name}: ${base.description}`;
  const tbody = $("partners").querySelector("tbody");
  tbody.innerHTML = "";
  base.partners.forEach((p) => {
    const select = element("select", { "aria-label": `style of ${p.name}` }, ...styles.map((s) => element("option", { value: s, textContent: s })));
    select.value = setting.styles[p.name] ?? p.style;
    select.addEventListener("change", () => {
      if (select.value === p.style) delete setting.styles[p.name];
      else setting.styles[p.name] = select.value;
    });
    tbody.append(element("tr", {}, element("td", { textContent: p.name }), element("td", { textContent: p.type }), element("td", {}, select)));
  });
  const arm = $("arm");
  arm.innerHTML = "";
  base.arms.forEach((a) => arm.append(element("option", { value: a.name, textContent: a.name })));
  if (!base.arms.some((a) => a.name === setting.arm)) setting.arm = base.arms[0].name;
  arm.value = setting.arm;
  drawInterventions();
  $("seed").value = setting.seed ?? base.seed;
  $("run-index").value = setting.run_index ?? 0;
  $("replications").value = setting.replications ?? base.replications;
  const arms = $("ensemble-arms");
  arms.querySelectorAll("label").forEach((l) => l.remove());
  base.arms.slice(1).forEach((a) => {
    const box = element("input", { type: "checkbox", value: a.name, checked: !setting.arms.length || setting.arms.includes(a.name) });
    arms.append(element("label", {}, box, ` ${a.name}`));
  });
}

async function loadBase() {
  base = await postJson("/api/scenario", requestBody({ ...setting, styles: {}, interventions: [], seed: undefined }));
  drawSettings();
}

function readInputs() {
  const seed = $("seed").value.trim();
  setting.seed = seed === "" || seed === String(base.seed) ? undefined : seed;
  setting.run_index = Number($("run-index").value) || 0;
  setting.replications = Number($("replications").value) || base.replications;
  const checked = [...$("ensemble-arms").querySelectorAll("input:checked")].map((b) => b.value);
  setting.arms = checked.length === base.arms.length - 1 ? [] : checked;
}

// --- one run --------------------------------------------------------------------------------

function showMonth(index) {
  month = Math.max(0, Math.min(index, recording.series.month.length - 1));
  const m = recording.series.month[month];
  $("month-slider").value = month;
  $("month-label").textContent = `month ${m + 1} (year ${Math.floor(m / 12) + 1}) · ${recording.series.active_partners[month]} active · ${recording.series.phase[month]}`;
  network.showMonth(recording, month);
  charts.showMonth(month);
  const list = $("narrative");
  list.innerHTML = "";
  recording.events
    .filter((e) => e.month <= m)
    .forEach((e) => list.append(element("li", { className: e.month === m ? "new" : "", textContent: e.text })));
  list.scrollTop = list.scrollHeight;
  const last = month === recording.series.month.length - 1;
  $("step-button").disabled = last;
  $("back-button").disabled = month === 0;
  if (last) stopPlaying();
}

function stopPlaying() {
  if (playing) clearInterval(playing);
  playing = null;
  $("play-button").textContent = "▶ Play";
}

async function run() {
  readInputs();
  stopPlaying();
  recording = await postJson("/api/run", requestBody(setting, { arm: setting.arm, run_index: setting.run_index }));
  network.setPartners(recording.partners);
  charts.setRecording(recording, base.horizon_months);
  const r = recording.run;
  $("run-summary").textContent = r.ended
    ? `This run ended after ${r.months_survived} months (${(r.months_survived / 12).toFixed(1)} years): ${r.cause.replace(/_/g, " ")}.`
    : `This run was still going at the horizon (${(base.horizon_months / 12).toFixed(0)} years).`;
  const slider = $("month-slider");
  slider.max = recording.series.month.length - 1;
  ["month-slider", "play-button"].forEach((id) => ($(id).disabled = false));
  showMonth(0);
}

// --- ensemble -------------------------------------------------------------------------------

function interval(i, digits = 1, percent = false) {
  if (!i) return "—";
  const f = (v) => (v == null ? "NR" : percent ? `${(100 * v).toFixed(0)}%` : v.toFixed(digits));
  return percent ? f(i.estimate) : `${f(i.estimate)} (${f(i.lower)}–${f(i.upper)})`;
}

function drawTable(result) {
  const head = ["arm", "runs", "median years", "S(5)", "S(10)", "S(15)", "RMST years", "hazard ratio", "flywheel", "k€/year", "k€ per year gained", "top causes of ending"];
  const rows = result.table.map((r) => [
    r.arm,
    r.runs,
    interval(r.median_years),
    interval(r.survival_5y, 0, true),
    interval(r.survival_10y, 0, true),
    interval(r.survival_15y, 0, true),
    interval(r.rmst_years),
    r.hazard_ratio ? interval(r.hazard_ratio, 2) : "ref",
    `${(100 * r.share_self_sustaining).toFixed(0)}%`,
    r.yearly_cost_keur == null ? "—" : r.yearly_cost_keur.toFixed(1),
    r.cost_per_year_gained_keur == null ? (r.hazard_ratio ? "no gain" : "—") : r.cost_per_year_gained_keur.toFixed(1),
    Object.entries(r.causes).slice(0, 3).map(([c, s]) => `${c.replace(/_/g, " ")} ${(100 * s).toFixed(0)}%`).join(", ") || "none ended",
  ]);
  const table = element("table", {}, element("thead", {}, element("tr", {}, ...head.map((h) => element("th", { textContent: h })))));
  const body = element("tbody");
  rows.forEach((r) => body.append(element("tr", {}, ...r.map((v) => element("td", { textContent: String(v) })))));
  table.append(body);
  $("whatif").innerHTML = "";
  $("whatif").append(table);
}

async function ensemble() {
  readInputs();
  $("ensemble-status").textContent = "running…";
  try {
    const result = await postJson("/api/ensemble", requestBody(setting, { arms: setting.arms, replications: setting.replications }));
    drawKaplanMeier($("km"), result.curves, result.horizon_months);
    drawTable(result);
    $("ensemble-status").textContent = `${result.replications} runs per arm, seed ${result.seed}`;
  } catch (error) {
    $("ensemble-status").textContent = "";
    throw error;
  }
}

// --- share and download ---------------------------------------------------------------------

async function share() {
  readInputs();
  const link = `${location.origin}${location.pathname}${settingToHash(setting)}`;
  history.replaceState(null, "", settingToHash(setting));
  $("share").hidden = false;
  $("share-link").value = link;
  $("share-note").textContent = link.length > 8000 ? "This link holds a whole uploaded file and may be too long for some mail programs; share the downloaded scenario instead." : "";
  $("share-link").select();
  try {
    await navigator.clipboard.writeText(link);
    $("share-note").textContent ||= "Copied to the clipboard.";
  } catch {
    /* the link is selected for copying by hand */
  }
}

async function download() {
  readInputs();
  const scenario = await postJson("/api/scenario", requestBody(setting));
  const blob = new Blob([scenario.toml], { type: "application/toml" });
  const a = element("a", { href: URL.createObjectURL(blob), download: `${scenario.name}-class.toml` });
  document.body.append(a);
  a.click();
  a.remove();
}

// --- start ----------------------------------------------------------------------------------

async function start() {
  const regions = await getJson("/api/regions");
  regions.forEach((r) => $("region").append(element("option", { value: r.id, textContent: r.name, title: r.description })));
  setting = { ...emptySetting(regions[0]?.id), ...(settingFromHash(location.hash) ?? {}) };
  if (setting.scenario_text) $("region").append(element("option", { value: "", textContent: "(uploaded file)" }));
  $("region").value = setting.scenario_text ? "" : setting.region;
  await loadBase();

  $("region").addEventListener("change", () =>
    busy($("region"), async () => {
      setting = emptySetting($("region").value);
      await loadBase();
    }),
  );
  $("upload").addEventListener("change", () =>
    busy($("upload"), async () => {
      const file = $("upload").files[0];
      if (!file) return;
      const previous = setting;
      setting = { ...emptySetting(undefined), scenario_text: await file.text() };
      try {
        await loadBase();
      } catch (error) {
        setting = previous;
        throw error;
      }
      if (![...$("region").options].some((o) => o.value === "")) $("region").append(element("option", { value: "", textContent: "(uploaded file)" }));
      $("region").value = "";
    }),
  );
  $("arm").addEventListener("change", () => {
    setting.arm = $("arm").value;
    drawInterventions();
  });
  $("run-button").addEventListener("click", () => busy($("run-button"), run));
  $("ensemble-button").addEventListener("click", () => busy($("ensemble-button"), ensemble));
  $("step-button").addEventListener("click", () => showMonth(month + 1));
  $("back-button").addEventListener("click", () => showMonth(month - 1));
  $("month-slider").addEventListener("input", () => showMonth(Number($("month-slider").value)));
  $("play-button").addEventListener("click", () => {
    if (playing) return stopPlaying();
    if (month >= recording.series.month.length - 1) showMonth(0);
    $("play-button").textContent = "❚❚ Pause";
    playing = setInterval(() => showMonth(month + 1), 120);
  });
  $("share-button").addEventListener("click", () => busy($("share-button"), share));
  $("download-button").addEventListener("click", () => busy($("download-button"), download));
  $("info-button").addEventListener("click", async () => {
    if (!$("info-body").innerHTML) $("info-body").innerHTML = await (await fetch("/info.html")).text();
    $("info").showModal();
  });
  document.querySelectorAll(".tabs button").forEach((b) =>
    b.addEventListener("click", () => {
      document.querySelectorAll(".tabs button").forEach((o) => o.classList.toggle("active", o === b));
      $("tab-single").hidden = b.dataset.tab !== "single";
      $("tab-ensemble").hidden = b.dataset.tab !== "ensemble";
      // A hidden container has no size: the network must measure and draw again when shown.
      if (b.dataset.tab === "single" && recording) {
        network.cy.resize();
        network.cy.fit(undefined, 20);
        showMonth(month);
      }
    }),
  );
  document.body.dataset.ready = "true";
}

start().catch(showError);
