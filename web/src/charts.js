// Line charts of one run (growing month by month as it is stepped) and Kaplan–Meier curves.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const armColours = ["#222222", "#2f7ed8", "#e8731a", "#2aa35a", "#c0392b", "#8e44ad", "#16a085", "#d4ac0d", "#7f8c8d", "#e84393", "#2c3e50", "#a0522d", "#00a8cc", "#6ab04c", "#b33771", "#3d3d3d"];

function width(container) {
  return Math.max(300, container.clientWidth || 400);
}

export class RunCharts {
  constructor(containers) {
    this.containers = containers;
    this.plots = [];
  }

  setRecording(recording, horizonMonths) {
    this.plots.forEach((p) => p.destroy());
    const years = (m) => m / 12;
    const common = (container, series, yRange) => ({
      width: width(container),
      height: 200,
      scales: { x: { time: false, range: [0, horizonMonths / 12] }, y: yRange ? { range: yRange } : {} },
      axes: [{ label: "year" }, {}],
      series: [{ label: "year", value: (u, v) => (v == null ? "" : v.toFixed(2)) }, ...series],
    });
    this.series = recording.series;
    this.x = recording.series.month.map((m) => years(m + 1));
    const s = recording.series;
    this.plots = [
      new uPlot(
        common(this.containers.trust, [
          { label: "mean trust", stroke: "#1d3557", width: 2 },
          { label: "mean commitment", stroke: "#e8731a", width: 2 },
        ], [0, 1]),
        [[], [], []],
        this.containers.trust,
      ),
      new uPlot(common(this.containers.active, [{ label: "active partners", stroke: "#2aa35a", width: 2 }]), [[], []], this.containers.active),
      new uPlot(common(this.containers.results, [{ label: "cumulative results", stroke: "#8e44ad", width: 2 }]), [[], []], this.containers.results),
    ];
    this.data = [
      [s.mean_trust, s.mean_commitment],
      [s.active_partners],
      [s.cumulative_results],
    ];
  }

  showMonth(index) {
    const n = index + 1;
    this.plots.forEach((plot, k) => {
      plot.setData([this.x.slice(0, n), ...this.data[k].map((ys) => ys.slice(0, n))], false);
      plot.redraw();
    });
  }
}

export function drawKaplanMeier(container, curves, horizonMonths) {
  container.innerHTML = "";
  // uPlot wants one shared x: the union of every arm's step times, each curve carried forward.
  const xs = [...new Set(curves.flatMap((c) => c.years))].sort((a, b) => a - b);
  xs.push(horizonMonths / 12);
  const ys = curves.map((c) => {
    let j = 0;
    return xs.map((x) => {
      while (j + 1 < c.years.length && c.years[j + 1] <= x) j++;
      return c.surv[j];
    });
  });
  return new uPlot(
    {
      width: width(container),
      height: 360,
      scales: { x: { time: false, range: [0, horizonMonths / 12] }, y: { range: [0, 1] } },
      axes: [{ label: "years since the start" }, { label: "still collaborating" }],
      series: [
        { label: "year", value: (u, v) => (v == null ? "" : v.toFixed(1)) },
        ...curves.map((c, i) => ({ label: c.arm, stroke: armColours[i % armColours.length], width: i === 0 ? 3 : 2, paths: uPlot.paths.stepped({ align: 1 }) })),
      ],
    },
    [xs, ...ys],
    container,
  );
}
