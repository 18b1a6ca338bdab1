/**
 * The single implementation behind every author-facing component. The MDX
 * components and the Markdown directives both call `renderAuthorComponent`,
 * so `<DataTable dataset="x" />` and `::data-table{dataset="x"}` give the same HTML.
 */
import { requireDataset } from '../lib/datasets/load';
import { parseProps, type SourceLocation } from '../lib/errors/props';
import { AUTHOR_COMPONENTS, type AuthorComponentName } from '../schemas/components';
import { ContentError } from '../lib/errors/content-error';
import { renderChart } from './chart';
import { renderDataTable } from './data-table';
import { renderKeyFigures } from './key-figure';
import { renderStatusOverview } from './status-overview';
import { renderStoplight, renderStoplightLegend } from './stoplight';

export function renderAuthorComponent(name: AuthorComponentName, props: unknown, where: SourceLocation): string {
  switch (name) {
    case 'DataTable': {
      const { dataset, nummer } = parseProps(name, AUTHOR_COMPONENTS.DataTable.schema, props, where);
      return renderDataTable(requireDataset(dataset, 'tabel', { ...where, component: `<${name}>` }), { number: nummer });
    }
    case 'Chart': {
      const { dataset, nummer, soort, tabel } = parseProps(name, AUTHOR_COMPONENTS.Chart.schema, props, where);
      const table = requireDataset(dataset, 'tabel', { ...where, component: `<${name}>` });
      try {
        return renderChart(table, { number: nummer, kind: soort, shownInTable: tabel });
      } catch (error) {
        // A dataset without chart settings is the author's mistake at this line, not the data file's.
        if (error instanceof ContentError) throw new ContentError({ ...where, message: `<${name}>: ${error.details.message} (${error.details.file})`, hint: error.details.hint });
        throw error;
      }
    }
    case 'KeyFigure': {
      const { dataset, cijfer } = parseProps(name, AUTHOR_COMPONENTS.KeyFigure.schema, props, where);
      const figures = requireDataset(dataset, 'kerncijfers', { ...where, component: `<${name}>` });
      const ids = cijfer?.split(',').map((id) => id.trim());
      const unknown = ids?.filter((id) => !figures.cijfers.some((f) => f.id === id)) ?? [];
      if (unknown.length) {
        throw new ContentError({
          ...where,
          message: `<${name}>: cijfer ${unknown.map((u) => `"${u}"`).join(', ')} staat niet in dataset "${dataset}"`,
          hint: `Cijfers in deze dataset: ${figures.cijfers.map((f) => f.id).join(', ')}.`,
        });
      }
      return renderKeyFigures(figures, ids);
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
