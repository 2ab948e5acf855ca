/** Degraded states: the panel badge's list of its datasets and their state. */
export const hardeningMessages = {
  'panel.status': { zh: '各数据集状态', en: 'Datasets of this panel' },
} as const;
