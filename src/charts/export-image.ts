/**
 * A chart as a PNG for a briefing: the chart re-rendered at 2×, with what a
 * figure needs around it drawn in (title, source, as-of, region and range, and
 * the demo label when the data is synthetic). Text is drawn with canvas
 * `fillText`, never parsed as HTML. ECharts loads lazily with the chart owner.
 */
export interface ImageCaption {
  title: string;
  /** "来源：省统计局 · 截至 2026-11-20 10:00" */
  source: string;
  /** "洛阳市 · 2025-11 – 2026-10" */
  scope: string;
  /** "演示数据" when the data is synthetic, else null. */
  demo: string | null;
}

const BG = '#061630';
const PAD = 24;

export async function chartPng(chartEl: HTMLElement, caption: ImageCaption, pixelRatio = 2, fontFamily = 'sans-serif'): Promise<Blob> {
  const { renderChartImage } = await import('./echarts');
  const image = await renderChartImage(chartEl, pixelRatio, BG);
  if (!image) throw new Error('the chart is not drawn yet');
  const k = pixelRatio;
  const head = 56 * k;
  const foot = 40 * k;
  const canvas = document.createElement('canvas');
  canvas.width = image.width + 2 * PAD * k;
  canvas.height = image.height + head + foot;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#e6f1ff';
  ctx.font = `600 ${22 * k}px ${fontFamily}`;
  ctx.fillText(caption.title, PAD * k, head * 0.42, canvas.width - 2 * PAD * k - 140 * k);
  ctx.fillStyle = '#8fa8c8';
  ctx.font = `${14 * k}px ${fontFamily}`;
  ctx.fillText(caption.scope, PAD * k, head * 0.82, canvas.width - 2 * PAD * k);
  if (caption.demo) {
    ctx.font = `600 ${15 * k}px ${fontFamily}`;
    const w = ctx.measureText(caption.demo).width + 20 * k;
    ctx.fillStyle = '#f2cf3c';
    ctx.fillRect(canvas.width - PAD * k - w, head * 0.42 - 13 * k, w, 26 * k);
    ctx.fillStyle = '#1a1200';
    ctx.fillText(caption.demo, canvas.width - PAD * k - w + 10 * k, head * 0.42);
  }
  ctx.drawImage(image, PAD * k, head);
  ctx.fillStyle = '#8fa8c8';
  ctx.font = `${13 * k}px ${fontFamily}`;
  ctx.fillText(caption.source, PAD * k, head + image.height + foot / 2, canvas.width - 2 * PAD * k);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
