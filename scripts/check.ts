/**
 * `npm run check`: checks content/ and data/ without building the site and
 * lists every problem at once — errors (publication stops) and warnings.
 * Exit code 1 when there are errors.
 */
import { checkArchive } from '../src/lib/content/check';
import { formatContentErrors } from '../src/lib/errors/content-error';

const started = performance.now();
const { errors, warnings, briefings, datasets } = checkArchive();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

if (errors.length) {
  console.error(`\n${plural(errors.length, 'FOUT', 'FOUTEN')} — zo wordt het archief niet gepubliceerd:\n\n${formatContentErrors(errors)}\n`);
}
if (warnings.length) {
  console.log(`\n${plural(warnings.length, 'waarschuwing', 'waarschuwingen')} — publiceren kan, maar kijk er even naar:\n\n${formatContentErrors(warnings)}\n`);
}
console.log(
  `${plural(briefings.length, 'stuk', 'stukken')} en ${plural(datasets.size, 'dataset', 'datasets')} gecontroleerd in ${seconds.replace('.', ',')} s: ` +
    `${plural(errors.length, 'fout', 'fouten')}, ${plural(warnings.length, 'waarschuwing', 'waarschuwingen')}.`,
);
process.exitCode = errors.length ? 1 : 0;
