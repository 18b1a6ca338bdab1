/**
 * Every internal link goes through here, so the archive works at a domain
 * root and under a sub-path such as /raadsinformatie/ alike.
 */
const base = () => import.meta.env.BASE_URL ?? '/';

export function url(path = ''): string {
  const prefix = base().endsWith('/') ? base() : `${base()}/`;
  return prefix + path.replace(/^\//, '');
}

export const briefingUrl = (id: string) => url(`stukken/${id}/`);
export const typeUrl = (type: string) => url(`soort/${type}/`);
export const yearUrl = (year: number) => url(`jaar/${year}/`);
export const organisationUrl = (id: string) => url(`organisatie/${id}/`);
