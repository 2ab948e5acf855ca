import { chartPng, type ImageCaption } from '../charts/export-image';

export type { ImageCaption };

/** A panel's chart as a captioned PNG at `pixelRatio` (the detail view's "export image"). */
export function panelChartPng(chartEl: HTMLElement, caption: ImageCaption, pixelRatio: number, fontFamily: string): Promise<Blob> {
  return chartPng(chartEl, caption, pixelRatio, fontFamily);
}
