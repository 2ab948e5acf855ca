import { ConfigError } from '../config/schema';
import { translate } from '../i18n/i18n';
import type { Locale } from '../lib/locale';

/** Full-screen, readable error naming each bad config field by its path. Never a blank page. */
export function ErrorScreen({ error, locale }: { error: unknown; locale: Locale }) {
  if (error instanceof ConfigError) {
    return (
      <div className="config-error" role="alert" data-testid="config-error">
        <h1>{translate('app.configError', locale)}</h1>
        <p>{translate('app.configErrorHelp', locale)}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{translate('app.configField', locale)}</th>
              <th scope="col">{translate('app.configProblem', locale)}</th>
            </tr>
          </thead>
          <tbody>
            {error.issues.map((issue) => (
              <tr key={`${issue.path}|${issue.message}`}>
                <td>
                  <code>{issue.path}</code>
                </td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="config-error" role="alert" data-testid="start-error">
      <h1>{translate('app.startError', locale)}</h1>
      <p>
        <code>{error instanceof Error ? error.message : String(error)}</code>
      </p>
    </div>
  );
}
