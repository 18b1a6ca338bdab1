/**
 * Draws one chart with chart.js, registering only what bars and lines need.
 * Colours are a colour-blind-safe palette (Okabe–Ito) and every series also
 * differs in pattern or marker, so the chart survives greyscale print.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import { formatAxisTick, formatTooltip } from '../lib/datasets/chart-format';
import type { ChartSpec } from '../lib/datasets/chart-spec';

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'] as const;
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** Solid, stripes, dots, cross-hatch: the second cue besides colour. */
function pattern(colour: string, index: number, faded = false): CanvasPattern | string {
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.globalAlpha = faded ? 0.45 : 1;
  ctx.fillStyle = colour;
  const kind = index % 4;
  if (kind === 0) {
    ctx.fillRect(0, 0, size, size);
  } else {
    ctx.globalAlpha = faded ? 0.2 : 0.35;
    ctx.fillRect(0, 0, size, size);
    ctx.globalAlpha = faded ? 0.5 : 1;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (kind === 1) {
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.moveTo(-2, 2);
      ctx.lineTo(2, -2);
      ctx.moveTo(size - 2, size + 2);
      ctx.lineTo(size + 2, size - 2);
      ctx.stroke();
    } else if (kind === 2) {
      ctx.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
      ctx.moveTo(size, 0);
      ctx.lineTo(0, size);
      ctx.stroke();
    }
  }
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

/** Norm lines and bands are part of the data, drawn behind the series with their label. */
const normsPlugin = (spec: ChartSpec): Plugin<'bar' | 'line'> => ({
  id: 'raadsarchiefNormen',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    const y = scales.y;
    if (!y) return;
    ctx.save();
    ctx.font = '12px system-ui, sans-serif';
    for (const norm of spec.norms) {
      if (norm.from !== undefined && norm.to !== undefined) {
        const top = y.getPixelForValue(norm.to);
        const bottom = y.getPixelForValue(norm.from);
        ctx.fillStyle = 'rgba(21, 66, 115, 0.08)';
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(norm.label, chartArea.left + 4, top + 14);
      }
      if (norm.value !== undefined) {
        const at = y.getPixelForValue(norm.value);
        ctx.strokeStyle = '#1a1a1a';
        ctx.setLineDash([8, 4]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = '#1a1a1a';
        const text = `${norm.label}: ${formatAxisTick(norm.value, spec.valueType)}`;
        ctx.fillText(text, chartArea.left + 6, at - 5);
      }
    }
    ctx.restore();
  },
});

export function drawChart(figure: HTMLElement): Chart | undefined {
  const spec = JSON.parse(figure.dataset.grafiek ?? 'null') as ChartSpec | null;
  const holder = figure.querySelector<HTMLElement>('.ra-grafiek__tekening');
  const canvas = holder?.querySelector('canvas');
  if (!spec || !holder || !canvas) return undefined;
  holder.hidden = false;

  const labels = spec.labels.map((label, i) => (spec.provisional[i] ? `${label} (voorlopig)` : label));
  const stacked = spec.kind === 'gestapeld';
  const datasets = spec.series.map((series, i): ChartDataset<'bar' | 'line'> => {
    const colour = COLOURS[i % COLOURS.length]!;
    if (series.type === 'line') {
      return {
        type: 'line',
        label: series.label,
        data: series.values,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2.5,
        borderDash: DASHES[i % DASHES.length],
        pointStyle: POINT_STYLES[i % POINT_STYLES.length],
        pointRadius: 5,
        spanGaps: false,
        // Lines are drawn over the bars.
        order: 0,
        // Segments leading to a provisional period are dashed.
        segment: { borderDash: (ctx) => (spec.provisional[ctx.p1DataIndex] ? [3, 3] : undefined) },
      } as ChartDataset<'line'>;
    }
    return {
      type: 'bar',
      label: series.label,
      data: series.values,
      backgroundColor: spec.labels.map((_, j) => pattern(colour, i, spec.provisional[j])),
      borderColor: colour,
      borderWidth: 1.5,
      order: 1,
      ...(stacked ? { stack: 'stapel' } : {}),
    } as ChartDataset<'bar'>;
  });

  const type = spec.series.every((s) => s.type === 'line') ? 'line' : 'bar';
  return new Chart(canvas, {
    type,
    data: { labels, datasets: datasets as ChartDataset<'bar'>[] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'nl-NL',
      scales: {
        x: { stacked },
        y: {
          stacked,
          beginAtZero: true,
          title: spec.yLabel ? { display: true, text: spec.yLabel } : undefined,
          ticks: {
            callback(value) {
              const ticks = this.chart.scales.y?.ticks ?? [];
              const step = ticks.length > 1 ? Math.abs(ticks[1]!.value - ticks[0]!.value) : undefined;
              return formatAxisTick(Number(value), spec.valueType, step);
            },
          },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => formatTooltip(item.dataset.label ?? '', item.raw as number | null, spec.valueType, spec.decimals),
          },
        },
      },
    },
    plugins: [normsPlugin(spec)],
  });
}
