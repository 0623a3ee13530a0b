// Draws the charts of a regiosim policymaker report. The page (written by sim/report) holds the
// analysis as JSON in <script id="report-data"> and one empty container per chart; this script
// fills each container with a uPlot chart and marks it data-rendered="true", so a reader (or the
// browser test) can tell a drawn chart from a missing one.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./report.css";

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
// print; the baseline is always the dark grey.
const palette = ["#3b3b3b", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c6d00"];
const colourOf = (index) => palette[index % palette.length];

function translucent(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const years = (months) => months / 12;
const stepped = uPlot.paths.stepped({ align: 1 });
const noPoints = { show: false };

function chartWidth(container) {
  return Math.max(260, Math.min(container.clientWidth || 640, 960));
}

function legend(container, entries) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const { label, colour, dashed } of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = dashed ? "swatch dashed" : "swatch";
    swatch.style.borderColor = colour;
    swatch.style.backgroundColor = dashed ? "transparent" : colour;
    item.append(swatch, document.createTextNode(label));
    list.append(item);
  }
  container.after(list);
}

// uPlot draws all series over one x array: merge every curve's step times and carry each
// curve's last value forward (a step function holds until its next jump).
function onSharedTimes(curves, horizonYears) {
  const xs = [...new Set(curves.flatMap((c) => c.x))].sort((a, b) => a - b);
  if (xs.length === 0 || xs[xs.length - 1] < horizonYears) xs.push(horizonYears);
  const columns = curves.map((c) =>
    c.ys.map((ys) => {
      let j = -1;
      return xs.map((x) => {
        while (j + 1 < c.x.length && c.x[j + 1] <= x) j++;
        return j < 0 ? c.before : ys[j];
      });
    }),
  );
  return { xs, columns };
}

function fromZero(times, values, start) {
  const x = times.map(years);
  if (x.length > 0 && x[0] <= 0) return { x, values };
  return { x: [0, ...x], values: values.map((v) => [start, ...v]) };
}

function axes(xLabel, yLabel, yFormat) {
  return [
    { label: xLabel, stroke: "#222", grid: { stroke: "#e4e4e4" } },
    { label: yLabel, stroke: "#222", grid: { stroke: "#e4e4e4" }, size: 56, values: (u, ticks) => ticks.map(yFormat) },
  ];
}

const percent = (v) => `${Math.round(v * 100)} %`;
const plain = (v) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2).replace(/\.?0+$/, ""));

function drawKaplanMeier(container, data) {
  const curves = data.kaplan_meier.map((km) => {
    const { x, values } = fromZero(km.time, [km.survival, km.lower, km.upper], 1);
    return { x, ys: values, before: 1 };
  });
  const { xs, columns } = onSharedTimes(curves, years(data.horizon_months));
  const series = [{ label: "years" }];
  const bands = [];
  data.kaplan_meier.forEach((km, i) => {
    const colour = colourOf(i);
    const first = series.length;
    series.push({ label: km.arm, stroke: colour, width: i === 0 ? 2.5 : 2, paths: stepped, points: noPoints });
    series.push({ label: `${km.arm} lower`, stroke: "transparent", width: 0, paths: stepped, points: noPoints });
    series.push({ label: `${km.arm} upper`, stroke: "transparent", width: 0, paths: stepped, points: noPoints });
    bands.push({ series: [first + 2, first + 1], fill: translucent(colour, 0.14) });
  });
  new uPlot(
    {
      width: chartWidth(container),
      height: 340,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, years(data.horizon_months)] }, y: { range: [0, 1] } },
      axes: axes("years since the start", "still collaborating", percent),
      series,
      bands,
    },
    [xs, ...columns.flat()],
    container,
  );
  legend(container, data.kaplan_meier.map((km, i) => ({ label: km.arm, colour: colourOf(i) })));
  return data.kaplan_meier.map((km, i) => colourOf(i));
}

function drawIncidence(container, data, armIndex) {
  const cause = container.dataset.cause;
  const entries = data.cumulative_incidence.filter((c) => c.cause === cause);
  const curves = entries.map((c) => {
    const { x, values } = fromZero(c.time, [c.incidence], 0);
    return { x, ys: values, before: 0 };
  });
  const { xs, columns } = onSharedTimes(curves, years(data.horizon_months));
  const top = Math.max(0.05, ...entries.flatMap((c) => c.incidence.filter((v) => v != null)));
  new uPlot(
    {
      width: chartWidth(container),
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, years(data.horizon_months)] }, y: { range: [0, Math.min(1, top * 1.1)] } },
      axes: axes("years", "ended this way", percent),
      series: [
        { label: "years" },
        ...entries.map((c) => ({ label: c.arm, stroke: colourOf(armIndex(c.arm)), width: 2, paths: stepped, points: noPoints })),
      ],
    },
    [xs, ...columns.flat()],
    container,
  );
  legend(container, entries.map((c) => ({ label: c.arm, colour: colourOf(armIndex(c.arm)) })));
  return entries.map((c) => colourOf(armIndex(c.arm)));
}

function drawFan(container, data, armIndex, ranges) {
  const { variable, arm } = container.dataset;
  const fan = data.fan_charts.find((f) => f.variable === variable && f.arm === arm);
  if (!fan) throw new Error(`no fan chart for ${variable} of ${arm}`);
  const colour = colourOf(armIndex(arm));
  const quiet = { stroke: "transparent", width: 0, points: noPoints };
  const format = variable === "active_partners" ? plain : (v) => v.toFixed(1);
  new uPlot(
    {
      width: chartWidth(container),
      height: 200,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, years(data.horizon_months)] }, y: { range: ranges.get(variable) } },
      axes: axes("years", "", format),
      series: [
        { label: "year" },
        { label: "10 %", ...quiet },
        { label: "25 %", ...quiet },
        { label: "median", stroke: colour, width: 2, points: noPoints },
        { label: "75 %", ...quiet },
        { label: "90 %", ...quiet },
      ],
      bands: [
        { series: [5, 1], fill: translucent(colour, 0.15) },
        { series: [4, 2], fill: translucent(colour, 0.3) },
      ],
    },
    [fan.year, fan.q10, fan.q25, fan.q50, fan.q75, fan.q90],
    container,
  );
  return [colour];
}

// One y range per variable, so the arms' fans can be compared by eye.
function fanRanges(fans) {
  const ranges = new Map();
  for (const f of fans) {
    const values = [...f.q10, ...f.q90].filter((v) => v != null && Number.isFinite(v));
    const [low, high] = ranges.get(f.variable) ?? [Infinity, -Infinity];
    ranges.set(f.variable, [Math.min(low, ...values), Math.max(high, ...values)]);
  }
  for (const [variable, [low, high]] of ranges) {
    const pad = (high - low) * 0.05 || 0.5;
    ranges.set(variable, [Math.max(0, low - pad), high + pad]);
  }
  return ranges;
}

function render() {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const arms = data.arms.map((a) => a.arm ?? a.name);
  const armIndex = (name) => Math.max(0, arms.indexOf(name));
  const ranges = fanRanges(data.fan_charts ?? []);
  const draw = { "kaplan-meier": drawKaplanMeier, incidence: drawIncidence, fan: drawFan };
  let failures = 0;
  for (const container of document.querySelectorAll("[data-chart]")) {
    try {
      // The colours of the drawn series, so a test can look for them in the pixels.
      const colours = draw[container.dataset.chart](container, data, armIndex, ranges);
      container.dataset.seriesColours = colours.join(",");
      container.dataset.rendered = "true";
    } catch (e) {
      failures++;
      container.dataset.rendered = "false";
      container.textContent = `This chart could not be drawn: ${e.message}`;
    }
  }
  document.body.dataset.charts = failures === 0 ? "rendered" : "failed";
}

render();
