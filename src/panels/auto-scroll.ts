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

/** Next stop for a list of children: the first child below the current top. */
export function nextChildTop(el: HTMLElement): number {
  const top = el.scrollTop + 1;
  for (const child of Array.from(el.children) as HTMLElement[]) {
    if (child.offsetTop > top) return child.offsetTop;
  }
  return 0;
}
