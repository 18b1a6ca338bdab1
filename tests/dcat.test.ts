/**
 * The data catalogue (/datasets/catalogus.jsonld) conforms to DCAT-AP-NL 3.0: the
 * built catalogue of the sample archive is validated with Geonovum's SHACL shapes
 * (tests/fixtures/standards/dcat-ap-nl/, see ORIGIN.md there), and carries the
 * recommended properties wherever the archive has a value for them. The data folder
 * is a git repository with known commit dates, so the modification dates are
 * checked as well.
 */
import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastCommitDate } from '../src/lib/datasets/history';
import { build, projectCopy, projectRoot, type BuildResult } from './helpers/build';
import { describeResults, parseJsonLd, readShapes, validate, type ShaclReport } from './helpers/shacl';

const shapes = (...names: string[]) => readShapes(names.map((name) => join(projectRoot, 'tests/fixtures/standards/dcat-ap-nl', name)));
const CORE = ['dcat-ap-SHACL.ttl', 'dcat-ap-nl-SHACL.ttl'];
const CLASS_RANGES = ['dcat-ap-nl-SHACL-klassebereik.ttl', 'dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl'];
const RECOMMENDED = ['dcat-ap-nl-SHACL-aanbevolen.ttl'];

const EU = 'http://publications.europa.eu/resource/authority/';
const ROOT = 'https://raadsarchief.example/';
const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

/** Runs git in `cwd` as a fixed author, with author and commit date `date`. */
function git(cwd: string, args: string[], date?: string): void {
  execFileSync('git', ['-c', 'user.name=Redactie', '-c', 'user.email=redactie@raadsarchief.example', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

type Node = Record<string, any>;
const violationsOf = (report: ShaclReport) => describeResults(report.violations);

describe('DCAT-AP-NL 3.0 catalogue of the sample archive', () => {
  let site: BuildResult;
  let text: string;
  let catalogue: Node;
  const dataset = (id: string): Node => {
    const found = catalogue['dcat:dataset'].find((d: Node) => d['@id'] === `${ROOT}datasets/#${id}`);
    expect(found, `dataset ${id} in de catalogus`).toBeDefined();
    return found;
  };

  beforeAll(async () => {
    const root = projectCopy();
    const data = join(root, 'data');
    // All datasets committed on 2 March, one checked again on 15 June, one changed and not committed.
    git(data, ['init', '-q']);
    git(data, ['add', '.']);
    git(data, ['commit', '-q', '-m', 'Datasets'], '2026-03-02T10:00:00+01:00');
    appendFileSync(join(data, 'twente-tabel-1-jeugdigen-per-gemeente.yaml'), '# nagekeken tegen de bron\n');
    git(data, ['commit', '-q', '-a', '-m', 'Nagekeken'], '2026-06-15T09:00:00+02:00');
    appendFileSync(join(data, 'almelo-ots-instroom-2022-2024.yaml'), '# nog niet vastgelegd\n');
    site = build({ root });
    expect(site.status, site.output).toBe(0);
    text = site.read('datasets/catalogus.jsonld');
    catalogue = JSON.parse(text);
  });

  it('has no violation of the core shapes (DCAT-AP 3.0.1 and DCAT-AP-NL 3.0)', async () => {
    const report = await validate(await parseJsonLd(text), shapes(...CORE));
    expect(violationsOf(report)).toBe('');
    expect(report.triples).toBeGreaterThan(500);
  });

  it('has no violation of the class-range scenarios either', async () => {
    const report = await validate(await parseJsonLd(text), shapes(...CORE, ...CLASS_RANGES));
    expect(violationsOf(report)).toBe('');
  });

  it('lacks only the recommended properties the archive has no value for', async () => {
    const report = await validate(await parseJsonLd(text), shapes(...CORE, ...RECOMMENDED));
    expect(violationsOf(report)).toBe('');
    const warned = new Map<string, Set<string>>();
    for (const r of report.results) warned.set(r.shape, (warned.get(r.shape) ?? new Set()).add(r.focusNode));
    expect([...warned.keys()].sort()).toEqual([
      // The tables follow no published standard or schema, and are files to download, not a service.
      'nl-sh:DatasetShape_conformsTo_aanbevolen_minCount',
      'nl-sh:DatasetShape_documentation_aanbevolen_minCount',
      'nl-sh:DistributionShape_accessService_aanbevolen_minCount',
      'nl-sh:DistributionShape_linkedSchemas_aanbevolen_minCount',
    ]);
    // Documentation is the briefings that cite a dataset: only a dataset no briefing cites has none.
    expect([...warned.get('nl-sh:DatasetShape_documentation_aanbevolen_minCount')!]).toEqual([`<${ROOT}datasets/#almere-2018-h2-kerncijfers>`]);
  });

  it('finds the violations in a broken copy, so a pass means something', async () => {
    const broken = structuredClone(catalogue);
    delete broken['dcat:contactPoint'];
    delete broken['@context']['dcat:accessURL'];
    broken['dcat:dataset'][0]['dct:language'] = { '@value': 'nl' };
    delete broken['dcat:dataset'][1]['dct:creator'];
    const report = await validate(await parseJsonLd(JSON.stringify(broken)), shapes(...CORE));
    const failed = new Set(report.violations.map((r) => `${r.shape} ${r.constraint}`));
    expect([...failed].sort()).toEqual([
      // The datasets name the contact point described on the catalogue: without it, it is an untyped IRI.
      'dcatap301#dcat:DatasetShape/«contact point» Class',
      'dcatap301#dcat:DatasetShape/«language» Class',
      'dcatap301#dcat:DatasetShape/«language» NodeKind',
      'dcatap301#dcat:DistributionShape/«access URL» NodeKind',
      'nl-sh:CatalogShape_contactPoint_minCount MinCount',
      'nl-sh:DatasetShape_creator_minCount MinCount',
    ]);
    // Every distribution's access URL became plain text once the context stopped declaring it an IRI.
    expect(report.violations.filter((r) => r.path === 'dcat:accessURL')).toHaveLength(2 * catalogue['dcat:dataset'].length);
    await expect(parseJsonLd(JSON.stringify({ ...broken, '@context': 'https://schema.org/' }))).rejects.toThrow(/remote JSON-LD context/);
  });

  it('names the publisher and one contact point with an e-mail address, for the catalogue and every dataset', () => {
    expect(catalogue['dct:publisher']).toEqual({ '@id': `${ROOT}datasets/catalogus.jsonld#uitgever`, '@type': 'foaf:Agent', 'foaf:name': 'Raadsarchief (voorbeeld)' });
    expect(catalogue['dcat:contactPoint']).toEqual({
      '@id': `${ROOT}datasets/catalogus.jsonld#contact`,
      '@type': 'vcard:Kind',
      'vcard:fn': 'de redactie van het voorbeeldarchief',
      'vcard:hasEmail': 'mailto:redactie@raadsarchief.example',
    });
    for (const entry of catalogue['dcat:dataset']) {
      expect(entry['dct:publisher']).toBe(`${ROOT}datasets/catalogus.jsonld#uitgever`);
      expect(entry['dcat:contactPoint']).toBe(`${ROOT}datasets/catalogus.jsonld#contact`);
      expect(entry['dct:accessRights']['@id']).toBe(`${EU}access-right/PUBLIC`);
      expect(entry['dct:language']).toBe(`${EU}language/NLD`);
    }
    // The same contact is on the accessibility page.
    expect(site.read('toegankelijkheid/index.html')).toContain('href="mailto:redactie@raadsarchief.example"');
  });

  it('gives every distribution its licence (the licence, not its deed page), format, media type and exact size', () => {
    expect(catalogue['dct:license']).toEqual({ '@id': CC0, '@type': 'dct:LicenseDocument', 'rdfs:label': 'CC0 1.0 Universeel' });
    for (const entry of catalogue['dcat:dataset']) {
      for (const distribution of entry['dcat:distribution']) {
        const file = distribution['dcat:downloadURL'].slice(ROOT.length);
        const format = file.endsWith('.csv') ? 'CSV' : 'JSON';
        expect(distribution['dct:license'], file).toBe(CC0);
        expect(distribution['dct:format']['@id'], file).toBe(`${EU}file-type/${format}`);
        expect(distribution['dcat:mediaType']['@id'], file).toBe(`https://www.iana.org/assignments/media-types/${format === 'CSV' ? 'text/csv' : 'application/json'}`);
        expect(Number(distribution['dcat:byteSize']), file).toBe(statSync(join(site.outDir, file)).size);
        expect(distribution['dcat:accessURL']).toBe(entry['dcat:landingPage']['@id']);
      }
    }
  });

  it('files each dataset under EU data themes and keeps its subjects as keywords', () => {
    const themes = (id: string) => dataset(id)['dcat:theme'].map((t: Node) => t['@id'].replace(`${EU}data-theme/`, ''));
    // Youth care is society and health; child protection is also justice; costs are also economy and finance.
    expect(themes('twente-tabel-1-jeugdigen-per-gemeente')).toEqual(['HEAL', 'SOCI']);
    expect(themes('almelo-ots-instroom-2022-2024')).toEqual(['HEAL', 'JUST', 'SOCI']);
    expect(themes('twente-tabel-3-kosten-per-financieringsbron')).toEqual(['ECON', 'HEAL', 'SOCI']);
    expect(dataset('twente-tabel-1-jeugdigen-per-gemeente')['dcat:theme'][0]).toMatchObject({ '@type': 'skos:Concept', 'skos:prefLabel': 'Gezondheid' });
    expect(dataset('almelo-ots-instroom-2022-2024')['dcat:keyword']).toEqual(['jeugdzorg', 'jeugdbescherming', 'uithuisplaatsing']);
  });

  it('names the creator: the organisation whose briefing published the figures, by TOOI identifier where it has one', () => {
    expect(dataset('almere-2018-h2-themas')['dct:creator']).toEqual({ '@id': 'https://identifier.overheid.nl/tooi/id/gemeente/gm0034', '@type': 'foaf:Agent', 'foaf:name': 'gemeente Almere' });
    expect(dataset('almere-2018-h2-themas')['dct:spatial']).toEqual({ '@type': 'dct:Location', 'skos:prefLabel': 'Almere' });
    expect(dataset('twente-tabel-1-jeugdigen-per-gemeente')['dct:creator']).toEqual({ '@id': `${ROOT}organisatie/twente/#organisatie`, '@type': 'foaf:Agent', 'foaf:name': 'Veertien Twentse gemeenten' });
    // No briefing cites it: the editors who compiled it are its creator, and there is no place or briefing to name.
    const uncited = dataset('almere-2018-h2-kerncijfers');
    expect(uncited['dct:creator']).toBe(`${ROOT}datasets/catalogus.jsonld#uitgever`);
    expect(uncited['dct:spatial']).toBeUndefined();
    expect(dataset('twente-tabel-1-jeugdigen-per-gemeente')['foaf:page']).toEqual([{ '@id': `${ROOT}stukken/twente-2013-regionale-samenwerking-jeugdzorg/`, '@type': 'foaf:Document' }]);
  });

  it('says which time the figures cover, no more precisely than the source', () => {
    const temporal = (id: string) => dataset(id)['dct:temporal'];
    expect(temporal('twente-tabel-1-jeugdigen-per-gemeente')).toEqual({
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': '2011-10-01', '@type': 'xsd:date' },
      'dcat:endDate': { '@value': '2011-10-01', '@type': 'xsd:date' },
      'dct:description': 'peildatum 1 oktober 2011',
    });
    expect(temporal('almere-2018-h2-themas')).toMatchObject({ 'dcat:startDate': { '@value': '2018-07-01' }, 'dcat:endDate': { '@value': '2018-12-31' }, 'dct:description': '2018, tweede helft' });
    expect(temporal('almelo-ots-instroom-2022-2024')).toMatchObject({
      'dcat:startDate': { '@value': '2022', '@type': 'xsd:gYear' },
      'dcat:endDate': { '@value': '2024-08', '@type': 'xsd:gYearMonth' },
    });
    expect(temporal('almere-2018-h2-indeling-2019')).toEqual({ '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': '2019', '@type': 'xsd:gYear' }, 'dct:description': '2019 en later' });
    // A period in words the archive cannot read keeps its words and gets no dates.
    expect(temporal('twente-tabel-6-meicirculaire-vergelijking')).toEqual({ '@type': 'dct:PeriodOfTime', 'dct:description': 'Meicirculaire 2013; zorggebruik op peildatum 1 oktober 2011' });
  });

  it('dates release by the citing briefing and modification by the last commit, and leaves out what git cannot vouch for', () => {
    expect(dataset('twente-tabel-1-jeugdigen-per-gemeente')['dct:issued']).toEqual({ '@value': '2013', '@type': 'xsd:gYear' });
    expect(dataset('almere-2018-h2-themas')['dct:issued']).toBeUndefined(); // the report carries no date
    expect(dataset('twente-tabel-1-jeugdigen-per-gemeente')['dct:modified']).toBe('2026-06-15');
    expect(dataset('twente-tabel-2-zorgtrajecten')['dct:modified']).toBe('2026-03-02');
    expect(dataset('almelo-ots-instroom-2022-2024')['dct:modified']).toBeUndefined(); // changed, not committed
    expect(catalogue['dct:modified']).toBe('2026-06-15');
  });
});

describe('dates from git', () => {
  it('takes a file’s last commit, and gives no date for uncommitted changes, files outside git or history a shallow clone cut off', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ra-history-'));
    writeFileSync(join(repo, 'a.yaml'), 'a: 1\n');
    writeFileSync(join(repo, 'b.yaml'), 'b: 1\n');
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'a en b'], '2026-01-10T12:00:00+01:00');
    writeFileSync(join(repo, 'b.yaml'), 'b: 2\n');
    git(repo, ['commit', '-q', '-a', '-m', 'b'], '2026-02-20T12:00:00+01:00');
    writeFileSync(join(repo, 'c.yaml'), 'c: 1\n');
    git(repo, ['add', 'c.yaml']);
    git(repo, ['commit', '-q', '-m', 'c'], '2026-03-05T12:00:00+01:00');

    // A clone with the last two commits: the older one stands in for all history before it.
    const shallow = mkdtempSync(join(tmpdir(), 'ra-history-shallow-'));
    git(shallow, ['clone', '-q', '--depth', '2', `file://${repo}`, '.']);

    writeFileSync(join(repo, 'c.yaml'), 'c: 2\n');
    writeFileSync(join(repo, 'd.yaml'), 'd: 1\n');
    expect(lastCommitDate([join(repo, 'a.yaml')])).toBe('2026-01-10');
    expect(lastCommitDate([join(repo, 'a.yaml'), join(repo, 'b.yaml')])).toBe('2026-02-20');
    expect(lastCommitDate([join(repo, 'c.yaml')])).toBeUndefined();
    expect(lastCommitDate([join(repo, 'd.yaml')])).toBeUndefined();
    expect(lastCommitDate([join(repo, 'a.yaml'), join(repo, 'c.yaml')])).toBeUndefined();

    expect(lastCommitDate([join(shallow, 'c.yaml')])).toBe('2026-03-05');
    expect(lastCommitDate([join(shallow, 'a.yaml')])).toBeUndefined();

    const outside = mkdtempSync(join(tmpdir(), 'ra-no-git-'));
    writeFileSync(join(outside, 'e.yaml'), 'e: 1\n');
    expect(lastCommitDate([join(outside, 'e.yaml')])).toBeUndefined();
  });
});
