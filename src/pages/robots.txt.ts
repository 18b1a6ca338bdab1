/** robots.txt: everything may be indexed; points at the sitemap. */
import type { APIRoute } from 'astro';
import { url } from '../lib/site/urls';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(url('sitemap-index.xml'), site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
