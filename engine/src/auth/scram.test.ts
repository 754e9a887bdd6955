import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkCredential, connectionUri, generateCredential } from './credential.js';
import { ScramConversation, ScramFailure, scramUser } from './scram.js';

// The SCRAM-SHA-256 example of RFC 7677 section 3 (user "user", password "pencil"), which
// MongoDB's driver specification repeats: the engine must compute exactly its messages.
const rfc = {
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  salt: Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'),
  serverFirst:
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal:
    'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

const rfcUser = () => scramUser({ username: 'user', password: 'pencil' }, rfc.salt, 4096);

describe('SCRAM-SHA-256 conversation', () => {
  it('answers the RFC 7677 example message for message', async () => {
    const conversation = ScramConversation.start(await rfcUser(), rfc.clientFirst, rfc.serverNonce);
    expect(conversation.serverFirst).toBe(rfc.serverFirst);
    expect(conversation.finish(rfc.clientFinal)).toBe(rfc.serverFinal);
  });

  it('refuses a proof made with another password', async () => {
    const other = await scramUser({ username: 'user', password: 'pencil2' }, rfc.salt, 4096);
    const conversation = ScramConversation.start(other, rfc.clientFirst, rfc.serverNonce);
    expect(() => conversation.finish(rfc.clientFinal)).toThrow(ScramFailure);
  });

  it.each([
    ['another user', 'n,,n=someone,r=abc'],
    ['channel binding required', 'p=tls-unique,,n=user,r=abc'],
    ['an authorisation identity', 'n,a=admin,n=user,r=abc'],
    ['no nonce', 'n,,n=user'],
    ['a mandatory extension', 'n,,n=user,r=abc,m=ext'],
    ['a malformed escape', 'n,,n=us=er,r=abc'],
    ['no gs2 header', 'n=user,r=abc'],
  ])('refuses a first message with %s', async (_case, clientFirst) => {
    const user = await rfcUser();
    expect(() => ScramConversation.start(user, clientFirst)).toThrow(ScramFailure);
  });

  it.each([
    ['no proof', 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0'],
    ['another nonce', rfc.clientFinal.replace('hNlF', 'hNlG')],
    ['channel binding data', rfc.clientFinal.replace('c=biws', 'c=eSws')],
    ['a short proof', rfc.clientFinal.replace(/p=.*$/, 'p=AAAA')],
  ])('refuses a final message with %s', async (_case, clientFinal) => {
    const conversation = ScramConversation.start(await rfcUser(), rfc.clientFirst, rfc.serverNonce);
    expect(() => conversation.finish(clientFinal)).toThrow(ScramFailure);
  });

  it('never accepts a forged final message, and fails only with ScramFailure', async () => {
    const user = await rfcUser();
    const noise = fc.string({ maxLength: 120 });
    const proof = fc.uint8Array({ minLength: 32, maxLength: 32 });
    const forged = fc.oneof(
      noise,
      fc.tuple(noise, noise).map(([a, b]) => `c=biws,r=${a},p=${b}`),
      proof.map(
        (bytes) =>
          `c=biws,r=rOprNGfwEbeRWgbNEkqO${rfc.serverNonce},p=${Buffer.from(bytes).toString('base64')}`,
      ),
    );
    fc.assert(
      fc.property(forged, (clientFinal) => {
        const conversation = ScramConversation.start(user, rfc.clientFirst, rfc.serverNonce);
        expect(() => conversation.finish(clientFinal)).toThrow(ScramFailure);
      }),
      { numRuns: 300 },
    );
  });

  it('fails any random first message with ScramFailure, never another error', async () => {
    const user = await rfcUser();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (clientFirst) => {
        try {
          ScramConversation.start(user, clientFirst);
        } catch (error) {
          expect(error).toBeInstanceOf(ScramFailure);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('credentials', () => {
  it('generates a fresh, strong, URL-safe password at each call', () => {
    const first = generateCredential();
    const second = generateCredential();
    expect(first.password).not.toBe(second.password);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => checkCredential(first)).not.toThrow();
  });

  it('refuses names and passwords that the driver would send differently', () => {
    expect(() => checkCredential({ username: 'a,b', password: 'long enough password' })).toThrow(
      /username/,
    );
    expect(() => checkCredential({ username: 'app', password: 'short' })).toThrow(/password/);
    expect(() => checkCredential({ username: 'app', password: 'pässwörd-long-enough' })).toThrow(
      /password/,
    );
  });

  it('puts the credential, escaped, into the connection string with authSource=admin', () => {
    expect(connectionUri('127.0.0.1', 27017, { username: 'app', password: 'p@ss/word:12' })).toBe(
      'mongodb://app:p%40ss%2Fword%3A12@127.0.0.1:27017/?authSource=admin&directConnection=true',
    );
    expect(connectionUri('::1', 1, false)).toBe('mongodb://[::1]:1/?directConnection=true');
  });
});
