/**
 * Every briefing as JSON, and an index of all of them, so Open Raadsinformatie,
 * a journalist's script or another archive can harvest without scraping HTML.
 * Where a field has a name in VNG's ODS Open Raadsinformatie (`InformatieObject`:
 * titel, organisatie, wooinformatiecategorie, webpaginalink,
 * gerelateerdinformatieobjecten) it is used; dates keep their precision.
 */
import type { Archive, Briefing } from '../content/archive';
import { isPublished, type PublishedFile } from '../content/attachments';
import { getDataset } from '../datasets/load';
import { DOCUMENT_TYPES } from '../../schemas/document-types';
import type { Organisation } from '../../schemas/organisation';
import type { PartialDate } from '../../schemas/partial-date';
import { describeAsker } from '../site/briefing-view';
import { briefingFileUrl, briefingUrl, datasetUrl, url } from '../site/urls';
import { tooiOrganisation, WOO_CLASSIFICATION } from './woo';
import { describeGround, WOO_DECISION_LABELS } from '../site/woo-decisions';

export const briefingJsonUrl = (id: string) => url(`stukken/${id}.json`);

const date = (value: PartialDate) => ({ waarde: value.iso || null, precisie: value.precision });

function organisationJson(organisation: Organisation) {
  const tooi = tooiOrganisation(organisation);
  return {
    id: organisation.id,
    naam: organisation.naam,
    soort: organisation.soort,
    // ODS Open Raadsinformatie names a municipality by its TOOI code: { gemeente: "gm0141", naam }.
    ...(organisation.cbsCode ? { gemeente: organisation.cbsCode.toLowerCase(), cbsCode: organisation.cbsCode } : {}),
    ...(tooi.uri ? { tooi: tooi.uri } : {}),
    ...(organisation.website ? { website: organisation.website } : {}),
  };
}

function fileJson(briefing: Briefing, file: PublishedFile, site: URL) {
  return {
    titel: file.titel,
    url: new URL(briefingFileUrl(briefing.id, file.name), site).href,
    bestandsnaam: file.name,
    mediatype: file.type.mediaType,
    formaat: file.type.label,
    omvang: file.size,
    sha256: file.sha256,
    ...(file.opmerking ? { opmerking: file.opmerking } : {}),
  };
}

/** One briefing as its JSON document. */
export function briefingJson(archive: Archive, briefing: Briefing, site: URL) {
  const d = briefing.data;
  const { category, kind } = WOO_CLASSIFICATION[d.type];
  const files = archive.files.get(briefing.id) ?? { attachments: [] };
  const absolute = (path: string) => new URL(path, site).href;
  const datasets = d.bodyFacts.datasets.flatMap((id) => {
    const dataset = getDataset(id);
    return dataset ? [{ id, titel: dataset.titel, pagina: absolute(url(`datasets/${id}/`)), csv: absolute(datasetUrl(id, 'csv')), json: absolute(datasetUrl(id, 'json')) }] : [];
  });
  return {
    id: briefing.id,
    titel: d.titel,
    type: { code: d.type, naam: DOCUMENT_TYPES[d.type].label },
    organisatie: organisationJson(archive.organisations.get(d.organisatie)!),
    datum: date(d.datum),
    ...(d.kenmerk ? { kenmerk: d.kenmerk } : {}),
    ...(d.onderwerp ? { onderwerp: d.onderwerp } : {}),
    ...(d.samenvatting ? { samenvatting: d.samenvatting } : {}),
    onderwerpen: d.onderwerpen,
    ...(d.aan ? { aan: d.aan } : {}),
    // The TOOI code as ODS Open Raadsinformatie writes it, and the full value.
    wooinformatiecategorie: category.uri.replace(/^.*\//, ''),
    woo: { informatiecategorie: { uri: category.uri, naam: category.label }, documentsoort: { uri: kind.uri, naam: kind.label } },
    webpaginalink: absolute(briefingUrl(briefing.id)),
    ...(d.vragen ? { vragen: { gesteldDoor: describeAsker(d.vragen.gesteldDoor), gesteldOp: date(d.vragen.gesteldOp), ...(d.vragen.via ? { via: d.vragen.via } : {}) } } : {}),
    ...(d.motie ? { motie: { titel: d.motie.titel, aangenomen: date(d.motie.aangenomen), verzoeken: d.motie.verzoeken, status: d.motie.status, ...(d.motie.nummer ? { nummer: d.motie.nummer } : {}) } } : {}),
    ...(d.periode ? { periode: d.periode } : {}),
    ...(d.woo
      ? {
          wooBesluit: {
            ...(d.woo.verzoek ? { verzoek: d.woo.verzoek } : {}),
            ontvangen: date(d.woo.ontvangen),
            ...(d.woo.besluit ? { besluit: { code: d.woo.besluit, omschrijving: WOO_DECISION_LABELS[d.woo.besluit] } } : {}),
            gronden: d.woo.gronden.map((ground) => ({ zoals: ground, omschrijving: describeGround(ground, d.woo!.wet) })),
            wet: d.woo.wet,
            ...(d.woo.deelbesluit ? { deelbesluit: d.woo.deelbesluit } : {}),
          },
        }
      : {}),
    origineel: files.original ? fileJson(briefing, files.original, site) : null,
    bijlagen: files.attachments.map((file) =>
      isPublished(file) ? { ...fileJson(briefing, file, site), openbaar: true } : { titel: file.titel, openbaar: false, ...(file.opmerking ? { opmerking: file.opmerking } : {}) },
    ),
    datasets,
    gerelateerdinformatieobjecten: (archive.related.get(briefing.id) ?? []).map((other) => ({
      id: other.id,
      titel: other.data.titel,
      webpaginalink: absolute(briefingUrl(other.id)),
      json: absolute(briefingJsonUrl(other.id)),
    })),
  };
}

/** The index of all briefings: enough to choose, with a link to each one's JSON. */
export function briefingIndexJson(archive: Archive, site: URL) {
  return {
    aantal: archive.briefings.length,
    stukken: archive.briefings.map((b) => ({
      id: b.id,
      titel: b.data.titel,
      type: b.data.type,
      organisatie: b.data.organisatie,
      datum: date(b.data.datum),
      ...(b.data.kenmerk ? { kenmerk: b.data.kenmerk } : {}),
      wooinformatiecategorie: WOO_CLASSIFICATION[b.data.type].category.uri.replace(/^.*\//, ''),
      webpaginalink: new URL(briefingUrl(b.id), site).href,
      json: new URL(briefingJsonUrl(b.id), site).href,
    })),
  };
}
