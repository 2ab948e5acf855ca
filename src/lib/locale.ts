/** The one Locale type of the product. Everything else imports it from here (or from i18n, which re-exports it). */
export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];
