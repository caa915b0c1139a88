import { buildReport } from '../server/services/index_engine';
import type { CheckSection } from './check_sections';
import { formatReport } from './report_text';

/** The index engine's validation report: template, next index, existing indices, freshness, index pattern. */
export const indexCheckSection: CheckSection = {
  key: 'index',
  async run({ connection }) {
    const report = await buildReport(
      {
        client: connection.client,
        savedObjects: connection.savedObjects,
        uiSettings: connection.uiSettings,
      },
      connection.prefix
    );
    return {
      key: 'index',
      json: report,
      text: formatReport(report, connection.opensearchUrl),
      hasFindings: report.status !== 'ok',
    };
  },
};
