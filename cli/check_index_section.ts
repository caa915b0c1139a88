import { buildReport } from '../server/services/index_engine';
import type { CheckSection } from './check_section';
import { indexEngineDeps } from './common_options';
import { colours, colourEnabled } from './output/colour';
import { formatReport } from './report_text';

/** The index engine's validation report: template, next index, existing indices, freshness, index pattern. */
export const indexCheckSection: CheckSection = {
  key: 'index',
  async run({ connection, flags }) {
    const report = await buildReport(indexEngineDeps(connection), connection.prefix);
    return {
      key: 'index',
      json: report,
      text: formatReport(report, connection.opensearchUrl, colours(!flags.json && colourEnabled())),
      hasFindings: report.status !== 'pass' && report.status !== 'skipped',
    };
  },
};
