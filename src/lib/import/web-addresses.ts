/**
 * Web and e-mail addresses in imported text. Markdown turns anything that
 * looks like an address ("www.…", "https://…", "naam@…") into a link by
 * itself, and a text layer or OCR misreads addresses ("www.amsterdam.01",
 * "amsterdam.n1"). So an address stays a link only when it is well formed,
 * ends in a top-level domain a Dutch letter uses, and has nothing in it that
 * Markdown would read as markup; any other stays plain text, kept from
 * becoming a link by an HTML comment the page does not show. Never a broken link.
 */

/** Top-level domains a Dutch municipal letter links to; an unknown one is more likely a misreading than a real site. */
const KNOWN_DOMAINS = new Set(['nl', 'com', 'org', 'net', 'eu', 'info', 'nu', 'be', 'de', 'fr', 'uk', 'gov', 'int', 'edu', 'io', 'frl', 'amsterdam']);

/** What Markdown's autolinks pick up, roughly: a scheme or "www." and what follows, or an e-mail address. */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/giu;
/** Punctuation after an address belongs to the sentence, as it does for Markdown's autolinks. */
const TRAILING = /[?!.,:;*_~'"”’)]+$/;

/** Marks where a link would start, so that Markdown leaves the address as text. */
export const NO_LINK = '<!-- geen link -->';

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

function validHost(host: string): boolean {
  const labels = host.split('.');
  const top = labels[labels.length - 1]!;
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && KNOWN_DOMAINS.has(top.toLowerCase()) && (top === top.toLowerCase() || top === top.toUpperCase());
}

/** A web or e-mail address that is safe to leave to Markdown as a link. */
export function isValidAddress(address: string): boolean {
  const email = /^([A-Za-z0-9.+-]+)@([^@]+)$/.exec(address);
  if (email) return !/^\.|\.\.|\.$/.test(email[1]!) && validHost(email[2]!);
  const web = /^(?:https?:\/\/)?([^/?#:]+)(:\d{1,5})?([/?#][A-Za-z0-9/.\-%?=&#:+,;@!$']*)?$/i.exec(address);
  return !!web && validHost(web[1]!);
}

/** An address that must not become a link, escaped, with the comment where Markdown would start the link. */
function asPlainText(address: string, escape: (text: string) => string): string {
  if (address.includes('@') && !/^(?:https?:\/\/|www\.)/i.test(address)) {
    const at = address.indexOf('@');
    return `${escape(address.slice(0, at))}${NO_LINK}${escape(address.slice(at))}`;
  }
  return escape(address)
    .replace(/^(https?)(?=:)/i, `$1${NO_LINK}`)
    .replace(/(^|\/)(www)(?=\\?\.)/gi, `$1$2${NO_LINK}`);
}

/**
 * `text` as Markdown: `escape` for the text, and each address either as it is
 * (a valid one, which Markdown shows as a link) or kept plain text.
 */
export function webAddressesAsMarkdown(text: string, escape: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const found = match[0];
    const address = found.replace(TRAILING, '');
    const start = match.index!;
    out += escape(text.slice(last, start));
    out += isValidAddress(address) ? address : asPlainText(address, escape);
    last = start + address.length;
  }
  return out + escape(text.slice(last));
}
