/**
 * The analyst toolbar is a lazy chunk (a wall never shows it: issue #12). The
 * boot asks for it as soon as it knows the page opens in analyst mode; the
 * screen view renders it through React.lazy. The module system fetches it once.
 */
export function loadAnalystToolbar() {
  return import('./analyst-toolbar').then((m) => ({ default: m.AnalystToolbar }));
}
