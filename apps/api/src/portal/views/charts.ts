import { html, type SafeHtml } from './html';

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

const W = 640;
const H = 240;
const PAD = { left: 40, bottom: 30, top: 10 };

/**
 * A grouped bar chart drawn on the server as inline SVG (no script, no chart library). It has a title for
 * screen readers; the same figures are in the table under it.
 */
export function barChart(title: string, labels: string[], series: Series[]): SafeHtml {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotH = H - PAD.bottom - PAD.top;
  const groupW = (W - PAD.left) / Math.max(1, labels.length);
  const barW = Math.max(2, (groupW * 0.8) / series.length);
  const bars = labels.flatMap((label, i) =>
    series.map((s, j) => {
      const h = (s.values[i] / max) * plotH;
      const x = PAD.left + i * groupW + groupW * 0.1 + j * barW;
      return html`<rect x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"><title>${label} ${s.name}: ${s.values[i]}</title></rect>`;
    }),
  );
  return frame(title, labels, max, bars, series);
}

/** A line chart of rates 0–1 (on-time rate per month); gaps where a month has no answers. */
export function lineChart(
  title: string,
  labels: string[],
  series: Omit<Series, 'values'> & { values: (number | null)[] },
): SafeHtml {
  const plotH = H - PAD.bottom - PAD.top;
  const step = (W - PAD.left) / Math.max(1, labels.length);
  const points = series.values
    .map((v, i) => (v === null ? null : [PAD.left + step * (i + 0.5), PAD.top + plotH - v * plotH]))
    .filter((p): p is number[] => p !== null);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
  const dots = points.map(
    (p) =>
      html`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="4" fill="${series.colour}"></circle>`,
  );
  return frame(
    title,
    labels,
    1,
    [html`<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="3"></path>`, dots],
    [{ ...series, values: [] }],
    '%',
  );
}

function frame(
  title: string,
  labels: string[],
  max: number,
  marks: unknown,
  series: Series[],
  unit = '',
): SafeHtml {
  const plotH = H - PAD.bottom - PAD.top;
  const step = (W - PAD.left) / Math.max(1, labels.length);
  const top = unit === '%' ? '100%' : String(max);
  return html`<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" width="100%">
    <title>${title}</title>
    <line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W}" y2="${PAD.top + plotH}" stroke="#0b0c0c"></line>
    <text x="0" y="${PAD.top + 12}" font-size="12" fill="#0b0c0c">${top}</text>
    <text x="0" y="${PAD.top + plotH}" font-size="12" fill="#0b0c0c">0</text>
    ${labels.map((label, i) => html`<text x="${(PAD.left + step * i + 2).toFixed(1)}" y="${H - 8}" font-size="11" fill="#0b0c0c">${label.slice(2)}</text>`)}
    ${marks as SafeHtml}
  </svg><figcaption>${series.map((s) => html`<span class="key"><span class="swatch swatch-${s.colour.slice(1)}"></span>${s.name}</span> `)}</figcaption></figure>`;
}
