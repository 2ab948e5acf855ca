import { definePanel } from '../types';
import { sensorListOptions, sensorListSlots } from './live-options';

/** IoT sensor alarms of chemical parks and coal mines: reading against threshold, active first. */
export default definePanel({
  type: 'sensor-list',
  optionsSchema: sensorListOptions,
  datasets: sensorListSlots,
  load: async () => ({ default: (await import('../live-list')).SensorList }),
  defaultTitle: { zh: '监测报警', en: 'Sensor alarms' },
});
