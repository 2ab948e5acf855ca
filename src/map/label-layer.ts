import { type LabelBox, placeLabels } from './label-placement';

/**
 * DOM overlays that follow the map: region labels (Chinese text renders with
 * the system CJK font — no glyph server) and pulse rings for red incidents
 * (a CSS animation: the WebGL canvas does not repaint for it). Both are
 * positioned with map.project on every camera change; text is set with
 * textContent, never as HTML.
 */

export interface MapLabel {
  key: string;
  /** Region the label names (a click on the label means this region). */
  code: string;
  text: string;
  /** Second line, e.g. the region's value. */
  sub?: string | undefined;
  lon: number;
  lat: number;
  priority: number;
  kind: 'region' | 'context' | 'selected';
}

export type Project = (lon: number, lat: number) => { x: number; y: number };

interface LabelNode {
  el: HTMLDivElement;
  name: HTMLSpanElement;
  sub: HTMLSpanElement;
  label: MapLabel;
  w: number;
  h: number;
  measured: boolean;
}

export class LabelLayer {
  private readonly root: HTMLDivElement;
  private nodes = new Map<string, LabelNode>();
  private style = '';
  /** Keys currently shown (after overlap culling), exposed for tests. */
  shown = new Set<string>();

  constructor(parent: HTMLElement, onClick?: (code: string) => void) {
    this.root = document.createElement('div');
    this.root.className = 'map-labels';
    // The drill list offers the same regions to keyboards and screen readers.
    this.root.setAttribute('aria-hidden', 'true');
    if (onClick) {
      this.root.addEventListener('click', (event) => {
        const el = (event.target as Element | null)?.closest?.('.map-label') as HTMLElement | null;
        if (el?.dataset.code) onClick(el.dataset.code);
      });
    }
    parent.appendChild(this.root);
  }

  setLabels(labels: readonly MapLabel[]): void {
    const keep = new Set(labels.map((l) => l.key));
    for (const [key, node] of this.nodes) {
      if (!keep.has(key)) {
        node.el.remove();
        this.nodes.delete(key);
      }
    }
    for (const label of labels) {
      let node = this.nodes.get(label.key);
      if (!node) {
        const el = document.createElement('div');
        const name = document.createElement('span');
        const sub = document.createElement('span');
        name.className = 'map-label__name';
        sub.className = 'map-label__sub';
        el.append(name, sub);
        el.dataset.key = label.key;
        this.root.appendChild(el);
        node = { el, name, sub, label, w: 0, h: 0, measured: false };
        this.nodes.set(label.key, node);
      }
      if (node.name.textContent !== label.text) {
        node.name.textContent = label.text;
        node.measured = false;
      }
      const sub = label.sub ?? '';
      if (node.sub.textContent !== sub) {
        node.sub.textContent = sub;
        node.sub.hidden = sub === '';
        node.measured = false;
      }
      node.el.className = `map-label map-label--${label.kind}`;
      node.el.dataset.code = label.code;
      node.label = label;
    }
    // Measure once per text change (CSS px; font sizes follow --u).
    for (const node of this.nodes.values()) {
      if (node.measured) continue;
      node.w = node.el.offsetWidth;
      node.h = node.el.offsetHeight;
      node.measured = node.w > 0;
    }
  }

  /**
   * Places the labels for the current camera; `u` (CSS px per design unit) scales the gaps
   * between them; a change of `u` or `style` (what the labels' CSS depends on) measures them again.
   */
  update(project: Project, width: number, height: number, u = 1, style = ''): void {
    // New font sizes (a new design unit, a compact map): measure again.
    const key = `${u}|${style}`;
    if (key !== this.style) {
      this.style = key;
      for (const node of this.nodes.values()) node.measured = false;
    }
    const boxes: LabelBox[] = [];
    const at = new Map<string, { x: number; y: number }>();
    for (const [key, node] of this.nodes) {
      if (!node.measured) {
        node.w = node.el.offsetWidth;
        node.h = node.el.offsetHeight;
        node.measured = node.w > 0;
      }
      const p = project(node.label.lon, node.label.lat);
      at.set(key, p);
      boxes.push({ key, x: p.x, y: p.y, w: node.w, h: node.h, priority: node.label.priority });
    }
    this.shown = placeLabels(boxes, { width, height, gap: 6 * u, margin: 4 * u });
    for (const [key, node] of this.nodes) {
      const p = at.get(key);
      const visible = this.shown.has(key);
      node.el.style.visibility = visible ? 'visible' : 'hidden';
      if (p && visible) node.el.style.transform = `translate(${Math.round(p.x - node.w / 2)}px, ${Math.round(p.y - node.h / 2)}px)`;
    }
  }

  destroy(): void {
    this.root.remove();
    this.nodes.clear();
  }
}

export interface PulsePoint {
  key: string;
  lon: number;
  lat: number;
}

/** Pulse rings for level-I (red) incidents: at most `max` (MAX_PULSES), the first of the points given. */

export class PulseLayer {
  private readonly root: HTMLDivElement;
  private nodes = new Map<string, { el: HTMLDivElement; point: PulsePoint }>();

  constructor(
    parent: HTMLElement,
    /** At most this many rings (MAX_PULSES, points.schema.ts: the points layer gives them newest first). */
    private readonly max: number,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'map-pulses';
    this.root.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.root);
  }

  setPoints(points: readonly PulsePoint[]): void {
    const list = points.slice(0, this.max);
    const keep = new Set(list.map((p) => p.key));
    for (const [key, node] of this.nodes) {
      if (!keep.has(key)) {
        node.el.remove();
        this.nodes.delete(key);
      }
    }
    for (const point of list) {
      const node = this.nodes.get(point.key);
      if (node) node.point = point;
      else {
        const el = document.createElement('div');
        el.className = 'map-pulse';
        // Which incident it rings (tests and tooling find a point on the map by it).
        el.dataset.key = point.key;
        this.root.appendChild(el);
        this.nodes.set(point.key, { el, point });
      }
    }
  }

  update(project: Project, width: number, height: number): void {
    for (const { el, point } of this.nodes.values()) {
      const p = project(point.lon, point.lat);
      const inside = p.x > -20 && p.y > -20 && p.x < width + 20 && p.y < height + 20;
      el.style.display = inside ? '' : 'none';
      if (inside) el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
    }
  }

  get size(): number {
    return this.nodes.size;
  }

  destroy(): void {
    this.root.remove();
    this.nodes.clear();
  }
}
