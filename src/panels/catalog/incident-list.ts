import { definePanel } from '../types';
import { incidentListOptions, incidentListSlots } from './live-options';

/** Live incidents (push), newest first, four-colour levels, inside the region in view. */
export default definePanel({
  type: 'incident-list',
  optionsSchema: incidentListOptions,
  datasets: incidentListSlots,
  load: async () => ({ default: (await import('../live-list')).IncidentList }),
  defaultTitle: { zh: '实时事件', en: 'Live incidents' },
  follows: ['type'],
});
