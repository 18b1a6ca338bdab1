/**
 * What a dataset publishes while it still holds placeholders (`[VUL IN: …]`),
 * as `npm run import` writes them for what a letter does not say (the period
 * of a table's figures, often its title): never the placeholder itself. The
 * same rule as for briefings (src/lib/content/placeholders.ts): an optional
 * field that is only a placeholder is left out, a placeholder inside a text is
 * cut from it. A field every page needs gets a neutral value instead: a table
 * without a title is called after its columns ("Tabel: Jaar, Aantal"), a
 * column without a name "Kolom 2". Applied where the datasets are read
 * (load.ts), so the page, the downloads, the catalogue and the search index
 * all show the same; `npm run check` lists every placeholder by its line.
 */
import type { KeyFiguresDatasetData, StatusDatasetData, TableDatasetData } from '../../schemas/dataset';
import { PLACEHOLDER_MARK } from '../content/body-check';
import { hasPlaceholder, stripPlaceholders, withoutPlaceholders } from '../content/placeholders';
import type { ContentErrorDetails } from '../errors/content-error';

type DatasetData = TableDatasetData | StatusDatasetData | KeyFiguresDatasetData;

/** Stands in for a required text that is still a placeholder. */
const NOT_STATED = 'niet vermeld';

/** A text that is only a placeholder is undefined; one with a placeholder in it loses the placeholder. */
const known = (text: string | undefined) => (text === undefined || !hasPlaceholder(text) ? text : stripPlaceholders(text) || undefined);

/** "Jaar, Aantal, Bedrag, …": enough to tell tables apart in a list. */
const firstOf = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', '));

/**
 * The dataset as the site shows it. Cheap for the usual dataset without
 * placeholders: its data is returned as it is.
 */
export function publishableDataset<T extends DatasetData>(data: T): T {
  if (!hasPlaceholder(JSON.stringify(data))) return data;
  // Rows and footnotes are counted by position (a row cites footnote 2, a cell belongs to a column), so they are not cleaned as lists.
  const { rijen, voetnoten, ...rest } = data as T & { rijen?: TableDatasetData['rijen'] };
  const cleaned = withoutPlaceholders(rest) as Record<string, any>;

  if (typeof data.bron === 'string') cleaned.bron = known(data.bron) ?? NOT_STATED;
  else cleaned.bron = { ...cleaned.bron, naam: known(data.bron.naam) ?? NOT_STATED };

  if (data.soort === 'tabel') {
    cleaned.kolommen = data.kolommen.map((column, index) => ({ ...cleaned.kolommen[index], label: known(column.label) ?? `Kolom ${index + 1}` }));
    cleaned.normen = data.normen.map((norm, index) => ({ ...cleaned.normen[index], label: known(norm.label) ?? 'Norm' }));
  } else if (data.soort === 'statusoverzicht') {
    cleaned.themas = data.themas.map((theme, index) => ({
      ...cleaned.themas[index],
      thema: known(theme.thema) ?? `Thema ${index + 1}`,
      ontwikkeling: known(theme.ontwikkeling) ?? '–',
      streefbeeld: known(theme.streefbeeld) ?? '–',
    }));
  } else {
    cleaned.cijfers = data.cijfers.map((figure, index) => ({
      ...cleaned.cijfers[index],
      label: known(figure.label) ?? `Cijfer ${index + 1}`,
      periode: known(figure.periode) ?? known(data.periode) ?? `periode ${NOT_STATED}`,
    }));
  }

  // A footnote that is only a placeholder goes, and the rows that cite it are renumbered with the rest.
  const numbers = new Map<number, number>();
  cleaned.voetnoten = [];
  voetnoten.forEach((note, index) => {
    const text = known(note);
    if (text) numbers.set(index + 1, cleaned.voetnoten.push(text));
  });
  if (rijen) {
    const cell = (value: string | number | null) => (typeof value === 'string' ? known(value) ?? null : value);
    cleaned.rijen = rijen.map((row) =>
      Array.isArray(row)
        ? row.map(cell)
        : { ...row, cellen: row.cellen.map(cell), noten: row.noten.flatMap((n) => (numbers.has(n) ? [numbers.get(n)!] : n > voetnoten.length ? [n] : [])) },
    );
  }

  if (!known(data.titel)) {
    const names: string[] = data.soort === 'tabel' ? cleaned.kolommen.map((c: { label: string }) => c.label) : data.soort === 'statusoverzicht' ? cleaned.themas.map((t: { thema: string }) => t.thema) : cleaned.cijfers.map((f: { label: string }) => f.label);
    cleaned.titel = `${{ tabel: 'Tabel', statusoverzicht: 'Statusoverzicht', kerncijfers: 'Kerncijfers' }[data.soort]}: ${firstOf(names)}`;
  }
  return cleaned as T;
}

/**
 * A point for review for every line of a dataset file (its YAML or its CSV)
 * that holds a placeholder: not a fault, so a strict build goes on.
 * `published` is the dataset as the site shows it, when it could be read.
 */
export function datasetPlaceholderReviews(text: string, file: string, published?: { titel: string }): ContentErrorDetails[] {
  if (!hasPlaceholder(text)) return [];
  return text.split('\n').flatMap((line, index) => {
    const column = line.indexOf(PLACEHOLDER_MARK);
    if (column === -1) return [];
    const isTitle = /^titel\s*:/.test(line) && published;
    return [{
      file,
      line: index + 1,
      column: column + 1,
      message: 'hier staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)',
      hint: isTitle
        ? `Vervang ${PLACEHOLDER_MARK}: … ] door de titel van de tabel; tot dan heet hij op de site “${published.titel}”.`
        : `Vervang ${PLACEHOLDER_MARK}: … ] door de echte gegevens; tot dan laat de site dit weg.`,
      review: true,
    }];
  });
}
