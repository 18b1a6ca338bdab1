/**
 * decap-cms-app's bundle expects React and ReactDOM as globals (`window.React`,
 * `window.ReactDOM`), and React 19 ships no such build. The screen makes one
 * from the installed packages when it starts — a few hundred milliseconds with
 * esbuild — so nothing is fetched from a CDN. The bundle carries its own
 * react-dom/client of React 19.2.0, which refuses any other version of React:
 * react and react-dom are pinned to exactly that version in package.json.
 */
import { build } from 'esbuild';

const ENTRY = `
import * as React from 'react';
import * as ReactDOM from 'react-dom';
window.React = React;
window.ReactDOM = ReactDOM;
`;

export async function reactGlobals(root: string): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
