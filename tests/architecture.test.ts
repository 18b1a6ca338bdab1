/**
 * The layout the folder names promise: the content model (src/schemas/) is the
 * ground floor and imports nothing of the project but itself; the modules of
 * src/lib/ depend on each other without cycles, so each can be read, tested and
 * moved on its own; browser code (src/client/) does not pull in build-time code
 * that reads files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

/**
 * Project files each file imports (relative imports, resolved like Vite does).
 * With `runtimeOnly`, `import type` is left out: it is erased before the code runs.
 */
function importGraph(runtimeOnly = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(/(import\s+type\s[^;]*?)?(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      if (runtimeOnly && match[1]) continue;
      const base = resolve(dirname(file), match[2]!);
      const target = [base, `${base}.ts`, `${base}.astro`].find((candidate) => {
        try {
          return statSync(candidate).isFile();
        } catch {
          return false;
        }
      });
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

const name = (file: string) => relative(process.cwd(), file);

describe('architecture', () => {
  const graph = importGraph();

  it('keeps src/schemas/ free of imports from the rest of the project', () => {
    const outward = [...graph]
      .filter(([file]) => file.startsWith(join(root, 'schemas')))
      .flatMap(([file, targets]) => targets.filter((t) => !t.startsWith(join(root, 'schemas'))).map((t) => `${name(file)} → ${name(t)}`));
    expect(outward).toEqual([]);
  });

  it('has no import cycles in src/', () => {
    // Tarjan's strongly connected components: any component of two or more files is a cycle.
    let index = 0;
    const indices = new Map<string, number>();
    const lowlinks = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string) => {
      indices.set(file, index);
      lowlinks.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!indices.has(target)) {
          visit(target);
          lowlinks.set(file, Math.min(lowlinks.get(file)!, lowlinks.get(target)!));
        } else if (onStack.has(target)) {
          lowlinks.set(file, Math.min(lowlinks.get(file)!, indices.get(target)!));
        }
      }
      if (lowlinks.get(file) === indices.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(name(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!indices.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps browser code free of modules that read files at build time', () => {
    const runtime = importGraph(true);
    const reach = new Set<string>();
    const walk = (file: string) => {
      if (reach.has(file)) return;
      reach.add(file);
      for (const target of runtime.get(file) ?? []) walk(target);
    };
    for (const file of runtime.keys()) if (file.startsWith(join(root, 'client'))) walk(file);
    const nodeOnly = [...reach].filter((file) => /from\s+['"]node:/.test(readFileSync(file, 'utf8'))).map(name);
    expect(nodeOnly).toEqual([]);
  });
});
