/**
 * Writes the JSON Schema of `.overclaimrc.json` from the zod schema, so editors complete and
 * validate the same fields the CLI and the server accept. Run by `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../server/src/config/schema.ts';

const schema = {
  ...z.toJSONSchema(configSchema(), { io: 'input', target: 'draft-7' }),
  $id: 'https://github.com/overclaim/overclaim/schemas/overclaimrc.schema.json',
  title: 'overclaim configuration (.overclaimrc.json)',
};
mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/overclaimrc.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
