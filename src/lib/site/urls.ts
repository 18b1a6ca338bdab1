/**
 * Every internal link goes through here, so the archive works at a domain
 * root and under a sub-path such as /raadsinformatie/ alike. The base comes
 * from the same setting astro.config.mjs reads, so code that runs outside
 * Vite (the Markdown plugin) agrees with the pages.
 */
export function basePath(): string {
  const configured = process.env.RAADSARCHIEF_BASE || '/';
  const withLeading = configured.startsWith('/') ? configured : `/${configured}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

export function url(path = ''): string {
  return basePath() + path.replace(/^\//, '');
}

export const briefingUrl = (id: string) => url(`stukken/${id}/`);
/** A briefing's signed original or attachment, published under the briefing: /stukken/<id>/<file>. */
export const briefingFileUrl = (id: string, name: string) => url(`stukken/${id}/${name}`);
export const typeUrl = (type: string) => url(`soort/${type}/`);
export const yearUrl = (year: number) => url(`jaar/${year}/`);
export const organisationUrl = (id: string) => url(`organisatie/${id}/`);
export const datasetUrl = (id: string, format: 'csv' | 'json') => url(`data/${id}.${format}`);
export const datasetsUrl = () => url('datasets/');
export const questionsUrl = (filter?: string, key?: string) => url(filter && key ? `vragen/${filter}/${key}/` : 'vragen/');
export const motionUrl = (id: string) => url(`moties/${id}/`);
export const motionsUrl = (filter?: string, key?: string) => url(filter && key ? `moties/${filter}/${key}/` : 'moties/');
export const commitmentsUrl = () => url('toezeggingen/');
export const fractieUrl = (id: string) => url(`fracties/${id}/`);
export const memberUrl = (id: string) => url(`raadsleden/${id}/`);
