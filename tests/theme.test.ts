/**
 * Theming: a theme file holds design tokens only, and switching the theme in
 * content/site.yaml changes nothing on a page but which token file it links.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, projectCopy, projectRoot, sampleBuild } from './helpers/build';

const themesDir = join(projectRoot, 'src/styles/themes');

describe('themes', () => {
  it('contain nothing but custom properties on :root', () => {
    for (const file of readdirSync(themesDir)) {
      const css = readFileSync(join(themesDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const declarations = css.replace(/:root\s*\{([\s\S]*)\}/, '$1').split(';').map((d) => d.trim()).filter(Boolean);
      expect(css.trim(), file).toMatch(/^:root\s*\{[\s\S]*\}$/);
      for (const declaration of declarations) expect(declaration, file).toMatch(/^--ra-[a-z0-9-]+\s*:/);
    }
  });

  it('switching the theme changes only the linked token file', async () => {
    const neutral = await sampleBuild();
    const root = projectCopy();
    const settings = join(root, 'content/site.yaml');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}thema: voorbeeldgemeente\n`);
    const themed = build({ root });
    expect(themed.status, themed.output).toBe(0);
    const page = 'stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html';
    const link = (html: string) => /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1];
    expect(link(neutral.read(page))).toMatch(/neutraal\.[\w-]+\.css$/);
    expect(link(themed.read(page))).toMatch(/voorbeeldgemeente\.[\w-]+\.css$/);
    const withoutTheme = (html: string) => html.replace(/href="[^"]+\/(neutraal|voorbeeldgemeente)\.[\w-]+\.css"/, 'href="THEMA"').replace(/'sha256-[^']+'/g, '');
    expect(withoutTheme(themed.read(page))).toBe(withoutTheme(neutral.read(page)));
    // Two real builds: more than the default per-test time on a busy 2-core machine.
  }, 180_000);
});
