import { type RefObject, useEffect, useRef } from 'react';

/**
 * Wall-mode auto-scroll: every `intervalSec` the element scrolls to the next
 * stop (`next(el)`), and back to the top after the last one. It pauses while
 * a pointer or keyboard focus is inside, when the page is hidden, and moves
 * without smoothing under prefers-reduced-motion. Returns the pause handlers
 * to spread on the element.
 */
export function useAutoScroll(ref: RefObject<HTMLElement | null>, intervalSec: number, next: (el: HTMLElement) => number) {
  const paused = useRef(false);
  const nextRef = useRef(next);
  nextRef.current = next;
  useEffect(() => {
    const el = ref.current;
    if (!el || intervalSec <= 0) return;
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const timer = setInterval(() => {
      if (paused.current || document.hidden) return;
      const max = el.scrollHeight - el.clientHeight;
      if (max <= 1) return;
      const target = el.scrollTop >= max - 1 ? 0 : Math.min(max, nextRef.current(el));
      el.scrollTo({ top: target, behavior: reduced || target === 0 ? 'auto' : 'smooth' });
    }, intervalSec * 1000);
    return () => clearInterval(timer);
  }, [ref, intervalSec]);
  return {
    onPointerEnter: () => {
      paused.current = true;
    },
    onPointerLeave: () => {
      paused.current = false;
    },
    onFocus: () => {
      paused.current = true;
    },
    onBlur: () => {
      paused.current = false;
    },
  };
}

/**
 * Where a child's top is in its scroller's content (what `scrollTop` must be to
 * show it first), whatever the scroller's offset parent and however the wall
 * is scaled.
 */
export function childTop(el: HTMLElement, child: HTMLElement): number {
  const box = el.getBoundingClientRect();
  const scale = el.offsetHeight > 0 && box.height > 0 ? box.height / el.offsetHeight : 1;
  return (child.getBoundingClientRect().top - box.top) / scale - el.clientTop + el.scrollTop;
}

/** Next stop for a list of children: the first child below the current top. */
export function nextChildTop(el: HTMLElement): number {
  const top = el.scrollTop + 1;
  for (const child of Array.from(el.children) as HTMLElement[]) {
    const at = childTop(el, child);
    if (at > top) return Math.round(at);
  }
  return 0;
}

/**
 * Next stop a page further: the first child not wholly in view, brought to the
 * top, so a list moves by whole rows and never stops on a half row.
 */
export function nextPageTop(el: HTMLElement): number {
  const top = el.scrollTop + 1;
  const bottom = el.scrollTop + el.clientHeight + 1;
  for (const child of Array.from(el.children) as HTMLElement[]) {
    const at = childTop(el, child);
    if (at + child.offsetHeight > bottom) return Math.round(at > top ? at : nextChildTop(el));
  }
  return 0;
}
