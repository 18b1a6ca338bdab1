/**
 * The real pages next to the editing screen: `astro dev` on 127.0.0.1, so a
 * clerk sees a saved briefing as readers will, one click from the form.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Preview {
  url: string;
  stop(): void;
}

/** The environment without a test runner's marks, which would make Vite stop watching the files the clerk saves. */
const ownEnvironment = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$)/.test(key)));

export async function startPreview(root: string, port: number, timeoutMs = 120_000): Promise<Preview> {
  // The Node that runs this screen (npm's, which Astro 7 needs), not whichever `node` is first on the PATH.
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: { ...ownEnvironment(), ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`astro dev stopte meteen:\n${output.slice(-2000)}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop();
  throw new Error(`astro dev antwoordde niet binnen ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
}
