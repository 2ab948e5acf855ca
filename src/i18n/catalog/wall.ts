/**
 * Wall mode's words: rotation, kiosk, alert takeover, self-healing.
 */
export const wallMessages = {
  'wall.paused': { zh: '轮播已暂停', en: 'Rotation paused' },
  'wall.resumesAfter': { zh: '无操作 {seconds} 秒后继续', en: 'resumes after {seconds} s idle' },
  'wall.fullscreen': { zh: '全屏', en: 'Full screen' },
  'wall.exitFullscreen': { zh: '退出全屏', en: 'Exit full screen' },
  'wall.takeover': { zh: '警情接管', en: 'Alert takeover' },
  'wall.takeoverAck': { zh: '按任意键或点击屏幕确认', en: 'Press any key or click to acknowledge' },
  'wall.takeoverTimeout': { zh: '{minutes} 分钟后自动返回轮播', en: 'back to rotation in {minutes} min' },
  'wall.takeoverQueued': { zh: '另有 {count} 条待确认', en: '{count} more waiting' },
  'wall.offline': { zh: '网络已断开', en: 'Network down' },
  'wall.offlineHelp': {
    zh: '显示最后一次获取的数据，网络恢复后自动更新',
    en: 'showing the last data received; updates resume by themselves when the network returns',
  },
} as const;
