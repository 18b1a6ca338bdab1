/**
 * The public origin, from the setting astro.config.mjs reads (RAADSARCHIEF_SITE),
 * for code that needs it before Astro hands over `site`, such as getStaticPaths.
 * Not import.meta.env.SITE: an environment variable called SITE would override it.
 */
const DEFAULT_SITE = 'https://raadsarchief.example';

export function siteOrigin(): string {
  return process.env.RAADSARCHIEF_SITE || DEFAULT_SITE;
}

/** Stops a build whose `site` came from elsewhere (`astro build --site …`), so no file names an address the site does not have. */
export function assertSiteOrigin(site: URL | undefined): void {
  const expected = new URL(siteOrigin()).origin;
  if (site && site.origin !== expected) {
    throw new Error(`De site staat op ${site.origin}, maar RAADSARCHIEF_SITE zegt ${expected}. Geef het publieke adres op met RAADSARCHIEF_SITE=${site.origin}.`);
  }
}
