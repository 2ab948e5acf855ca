import { loadMessageParts } from '../i18n/messages';
import { Registry } from '../lib/registry';
import type { ConfigContext } from '../config/schema';
import { type AnyPanelDescriptor, slotsOf } from './types';

/**
 * Panel types. Every file in `./catalog/` that exports a descriptor (default
 * export, or a named one / an array) is a panel type: adding a type is one
 * descriptor file plus its component. The list is explicit (a build-time
 * glob over one folder), nothing registers itself as an import side effect,
 * and a duplicate type fails at start-up.
 */
export const panels = new Registry<AnyPanelDescriptor>('panel type');

function isDescriptor(v: unknown): v is AnyPanelDescriptor {
  return typeof v === 'object' && v !== null && typeof (v as AnyPanelDescriptor).type === 'string' && typeof (v as AnyPanelDescriptor).load === 'function';
}

/**
 * A component's chunk and the lazy parts of the message catalogue load
 * together (in parallel): the component renders only when both are in, so it
 * never shows a key for a word (i18n/messages.ts).
 */
function withMessages(d: AnyPanelDescriptor): AnyPanelDescriptor {
  const load = d.load;
  return { ...d, load: () => Promise.all([load(), loadMessageParts()]).then(([component]) => component) };
}

const modules = import.meta.glob<Record<string, unknown>>(['./catalog/*.ts', '!./catalog/*.test.ts'], { eager: true });
for (const path of Object.keys(modules).sort()) {
  for (const exported of Object.values(modules[path] ?? {})) {
    for (const d of Array.isArray(exported) ? exported : [exported]) if (isDescriptor(d)) panels.register(d.type, withMessages(d));
  }
}

/** What config validation needs of the panel types: their ids, option schemas and dataset slots. */
export function panelConfigContext(): Pick<ConfigContext, 'panelTypes' | 'panelType'> {
  return {
    panelTypes: new Set(panels.ids()),
    panelType: (type) => {
      const d = panels.get(type);
      return { optionsSchema: d.optionsSchema, slots: (options) => slotsOf(d, options) };
    },
  };
}
