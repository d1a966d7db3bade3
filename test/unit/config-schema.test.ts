/** The configuration's schemas are made on first use; what the engine needs without them must agree. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema, defaultConfig, frontMatterSchema } from '../../server/src/config/schema.ts';
import { lazily } from '../../server/src/lazily.ts';

describe('configuration schema', () => {
  it('has the defaults the engine uses without parsing', () => {
    assert.deepStrictEqual(configSchema().parse({}), defaultConfig);
  });

  it('is made once', () => {
    assert.equal(configSchema(), configSchema());
    assert.equal(frontMatterSchema(), frontMatterSchema());
  });

  it('still rejects what it rejected', () => {
    assert.equal(configSchema().safeParse({ profile: 'tabloid' }).success, false);
    assert.equal(configSchema().safeParse({ unknownKey: 1 }).success, false);
    assert.equal(frontMatterSchema().safeParse({ disable: ['no-such-rule'] }).success, false);
  });
});

describe('lazily', () => {
  it('makes the value on first use only, even when it is undefined', () => {
    let calls = 0;
    const value = lazily(() => {
      calls++;
      return undefined;
    });
    assert.equal(calls, 0);
    assert.equal(value(), undefined);
    assert.equal(value(), undefined);
    assert.equal(calls, 1);
  });
});
