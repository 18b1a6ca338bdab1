/**
 * The single implementation behind every author-facing component. The MDX
 * components and the Markdown directives both call `renderAuthorComponent`,
 * so `<DataTable dataset="x" />` and `::data-table{dataset="x"}` give the same HTML.
 */
import { requireDataset } from '../lib/datasets';
import { parseProps, type SourceLocation } from '../lib/props';
import { AUTHOR_COMPONENTS, type AuthorComponentName } from '../schemas/components';
import { ContentError } from '../lib/errors';
import { renderChart } from './chart';
import { renderDataTable } from './data-table';
import { renderStatusOverview } from './status-overview';
import { renderStoplight, renderStoplightLegend } from './stoplight';

export function renderAuthorComponent(name: AuthorComponentName, props: unknown, where: SourceLocation): string {
  switch (name) {
    case 'DataTable': {
      const { dataset, nummer } = parseProps(name, AUTHOR_COMPONENTS.DataTable.schema, props, where);
      return renderDataTable(requireDataset(dataset, 'tabel', { ...where, component: `<${name}>` }), { number: nummer });
    }
    case 'Chart': {
      const { dataset, nummer, soort } = parseProps(name, AUTHOR_COMPONENTS.Chart.schema, props, where);
      const table = requireDataset(dataset, 'tabel', { ...where, component: `<${name}>` });
      try {
        return renderChart(table, { number: nummer, kind: soort });
      } catch (error) {
        // A dataset without chart settings is the author's mistake at this line, not the data file's.
        if (error instanceof ContentError) throw new ContentError({ ...where, message: `<${name}>: ${error.details.message} (${error.details.file})`, hint: error.details.hint });
        throw error;
      }
    }
    case 'StatusOverview': {
      const { dataset } = parseProps(name, AUTHOR_COMPONENTS.StatusOverview.schema, props, where);
      return renderStatusOverview(requireDataset(dataset, 'statusoverzicht', { ...where, component: `<${name}>` }));
    }
    case 'StoplightLegend':
      parseProps(name, AUTHOR_COMPONENTS.StoplightLegend.schema, props, where);
      return renderStoplightLegend();
    case 'Stoplight': {
      const { status, herkomst } = parseProps(name, AUTHOR_COMPONENTS.Stoplight.schema, props, where);
      return renderStoplight(status, herkomst);
    }
  }
}
