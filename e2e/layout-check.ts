import type { Page } from '@playwright/test';

/** A part of a panel painted outside the panel's box. */
export interface Overflow {
  panel: string;
  /** A short path to the element: tag.class… */
  part: string;
  /** How far outside, in CSS px, on the worst side. */
  px: number;
  side: 'left' | 'right' | 'top' | 'bottom';
  text: string;
}

/**
 * What a viewer would see leak out of a panel: for every visible element of
 * every `[data-panel]`, the box it paints — its border box, widened to its
 * content where it does not clip (text running past a `white-space: nowrap`
 * box) — clipped by every ancestor inside the panel that clips (overflow other
 * than visible). Whatever of that lies outside the panel's own box by more than
 * `tolerance` px is reported. Hidden parts (display none, visibility hidden,
 * zero size, e.g. the closed reason tooltip) paint nothing and are skipped.
 */
export async function panelOverflows(page: Page, tolerance = 4, boxes = '[data-panel]'): Promise<Overflow[]> {
  return page.evaluate(
    ([tol, selector]) => {
      const out: Overflow[] = [];
      // One style read per element (the ancestor walk below asks for the same ones again and again).
      const styles = new Map<Element, CSSStyleDeclaration>();
      const styleOf = (el: Element) => {
        let s = styles.get(el);
        if (!s) {
          s = getComputedStyle(el);
          styles.set(el, s);
        }
        return s;
      };
      const rects = new Map<Element, DOMRect>();
      const rectOf = (el: Element) => {
        let r = rects.get(el);
        if (!r) {
          r = el.getBoundingClientRect();
          rects.set(el, r);
        }
        return r;
      };
      const partName = (el: Element) => {
        const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
      };
      for (const panel of document.querySelectorAll<HTMLElement>(selector)) {
        const p = panel.getBoundingClientRect();
        if (p.width === 0 || p.height === 0) continue;
        const id = panel.getAttribute('data-panel') ?? partName(panel);
        for (const el of panel.querySelectorAll<HTMLElement | SVGElement>('*')) {
          const style = styleOf(el);
          if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
          const r = rectOf(el);
          if (r.width === 0 && r.height === 0) continue;
          let left = r.left;
          let top = r.top;
          let right = r.right;
          let bottom = r.bottom;
          if (el instanceof HTMLElement) {
            // Content running past a box that does not clip it (LTR): its scroll size is what it paints.
            if (style.overflowX === 'visible') right = Math.max(right, r.left + el.scrollWidth);
            if (style.overflowY === 'visible') bottom = Math.max(bottom, r.top + el.scrollHeight);
          }
          // Clip by every clipping ancestor up to (and including) the panel.
          let hiddenByClip = false;
          for (let a = el.parentElement; a && a !== panel.parentElement; a = a.parentElement) {
            const s = styleOf(a);
            const clipsX = s.overflowX !== 'visible';
            const clipsY = s.overflowY !== 'visible';
            if (!clipsX && !clipsY) continue;
            const b = rectOf(a);
            if (clipsX) {
              left = Math.max(left, b.left);
              right = Math.min(right, b.right);
            }
            if (clipsY) {
              top = Math.max(top, b.top);
              bottom = Math.min(bottom, b.bottom);
            }
            if (right <= left || bottom <= top) {
              hiddenByClip = true;
              break;
            }
          }
          if (hiddenByClip) continue;
          const sides = [
            ['left', p.left - left],
            ['right', right - p.right],
            ['top', p.top - top],
            ['bottom', bottom - p.bottom],
          ] as const;
          const worst = sides.reduce((w, s) => (s[1] > w[1] ? s : w));
          if (worst[1] > tol) {
            // Report the outermost offender only: its children overflow with it.
            const parent = el.parentElement;
            if (parent && out.some((o) => o.panel === id && (o as Overflow & { el?: Element }).el === parent)) continue;
            out.push({ panel: id, part: partName(el), px: Math.round(worst[1]), side: worst[0], text: (el.textContent ?? '').slice(0, 40), el } as Overflow);
          }
        }
      }
      return out.map(({ panel, part, px, side, text }) => ({ panel, part, px, side, text }));
    },
    [tolerance, boxes] as const,
  );
}

/** The source credit of every panel that has one: visible inside its panel, with room for at least a few characters. */
export async function sourceCredits(page: Page): Promise<{ panel: string; shownPx: number; inside: boolean }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-panel]')].flatMap((panel) => {
      const credit = panel.querySelector<HTMLElement>('.panel__source-name');
      if (!credit) return [];
      const p = panel.getBoundingClientRect();
      const c = credit.getBoundingClientRect();
      const footer = credit.parentElement?.getBoundingClientRect() ?? p;
      const shown = Math.max(0, Math.min(c.right, footer.right, p.right) - Math.max(c.left, footer.left, p.left));
      return [{ panel: panel.getAttribute('data-panel') ?? '?', shownPx: Math.round(shown), inside: c.top >= p.top - 1 && c.bottom <= p.bottom + 1 }];
    }),
  );
}

/** Signs that a payload ran or became markup: a global it sets, handler attributes, injected elements. */
export async function injectionTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const traces: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) traces.push(`window.__xss = ${(window as unknown as { __xss?: unknown }).__xss}`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) traces.push(`${el.tagName.toLowerCase()}[${attr}]`);
    }
    for (const el of document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload], a[href^="javascript" i], b[onmouseover]'))
      traces.push(`element ${el.tagName.toLowerCase()}`);
    // A data block (type="application/json", e.g. the build's chunk map in index.html) never runs.
    for (const s of document.querySelectorAll<HTMLScriptElement>('script:not([type="application/json"])'))
      if (!s.src || new URL(s.src).origin !== location.origin) traces.push('script element not from this origin');
    for (const s of document.querySelectorAll('style'))
      if (/display:\s*none/.test(s.textContent ?? '') && /\*\s*\{/.test(s.textContent ?? '')) traces.push('injected style');
    return traces;
  });
}
