/**
 * Astro 7.3 marks the module of every .mdx briefing with a directive of its own
 * ("use astro:head-inject"), and the bundler warns once per briefing that it may
 * not keep it when bundling. Astro reads the directive before bundling, so the
 * pages come out the same either way; the warning only fills the build log with
 * eight lines per .mdx briefing (3,621 notices, some 29,000 lines, for a
 * benchmark archive of 100,000 briefings) that tell a clerk nothing. Every
 * other bundler warning is shown as before.
 */
interface BundlerWarning {
  code?: string;
  message: string;
}

function isAstroDirectiveNotice(warning: BundlerWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

export function showBundlerWarning(warning: BundlerWarning, show: (warning: BundlerWarning) => void): void {
  if (!isAstroDirectiveNotice(warning)) show(warning);
}
