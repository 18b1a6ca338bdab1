/**
 * The components an MDX briefing may use without import lines; the briefing
 * page passes this map to <Content components={…} />.
 */
import Chart from './Chart.astro';
import DataTable from './DataTable.astro';
import KeyFigure from './KeyFigure.astro';
import StatusOverview from './StatusOverview.astro';
import Stoplight from './Stoplight.astro';
import StoplightLegend from './StoplightLegend.astro';

export const authorComponents = { Chart, DataTable, KeyFigure, StatusOverview, Stoplight, StoplightLegend };
