/**
 * Finds and reads `.overclaimrc.json` / `.overclaimrc.yaml` by walking up from a document.
 * Errors name the file, the line where it can be found, and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { configSchema, type Config } from '../config/schema.ts';

export const CONFIG_NAMES = ['.overclaimrc.json', '.overclaimrc.yaml', '.overclaimrc.yml'];

/**
 * Config files other tools would execute. They are found (so the user hears about them) but
 * never loaded: configuration is data. Only looked for after the data names in a directory.
 */
export const EXECUTABLE_CONFIG_NAMES = [
  '.overclaimrc.js',
  '.overclaimrc.cjs',
  '.overclaimrc.mjs',
  '.overclaimrc.ts',
  'overclaim.config.js',
  'overclaim.config.mjs',
  'overclaim.config.ts',
];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line?: number; field?: string; message: string }[],
  ) {
    super(
      problems
        .map(
          (p) =>
            `${file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`,
        )
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file, or undefined for the defaults. */
  file?: string;
  dir: string;
}

export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of [...CONFIG_NAMES, ...EXECUTABLE_CONFIG_NAMES]) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfigFile(file: string): LoadedConfig {
  if (!/\.(json|ya?ml)$/i.test(file))
    throw new ConfigError(file, [
      {
        message:
          'not loaded: overclaim never executes configuration. Write it as .overclaimrc.json or .overclaimrc.yaml',
      },
    ]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [
      {
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
  return { config: parseConfigText(file, text), file, dir: dirname(file) };
}

/** Parses and validates config text; JSON files must be strict JSON, YAML files YAML. */
export function parseConfigText(file: string, text: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, [
        {
          line: jsonErrorLine(text, error as Error),
          message: `invalid JSON: ${(error as Error).message}`,
        },
      ]);
    }
  }
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        line: lineCounter.linePos(e.pos[0]).line,
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const result = configSchema().safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = [...path, ...keys.slice(0, 1)].join('.');
      return {
        line: lineOf(doc, lineCounter, [...path, ...keys.slice(0, 1)]),
        field: field || undefined,
        message: issue.message,
      };
    }),
  );
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: string[],
): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const parent: unknown = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const key = path[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key,
      );
      const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    if (isSeq(parent)) {
      const item = parent.items[Number(key)] as { range?: [number, number, number] } | undefined;
      if (item?.range) return counter.linePos(item.range[0]).line;
    }
  }
  return undefined;
}

function jsonErrorLine(text: string, error: Error): number | undefined {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return undefined;
  return text.slice(0, Number(at[1])).split(/\r\n|\r|\n/).length;
}
