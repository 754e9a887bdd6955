import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { parseForm, parseSearch, refuseAddress, refuseForm } from './form.server';

const schema = z.object({
  name: z.string().min(1, 'people:errors.nameRequired'),
  tags: z.array(z.string()),
});

function post(body: URLSearchParams | string) {
  return new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers: typeof body === 'string' ? { 'Content-Type': 'application/json' } : undefined,
  });
}

describe('parseForm', () => {
  it('keeps what was sent on success too, for a refusal the domain module gives later', async () => {
    const form = await parseForm(post(new URLSearchParams('name=Ada&tags=a&tags=b')), schema, {
      lists: ['tags'],
    });
    expect(form).toEqual({
      ok: true,
      data: { name: 'Ada', tags: ['a', 'b'] },
      values: { name: 'Ada', tags: ['a', 'b'] },
    });
  });

  it('reads a body that is not a form as an empty form, so it is refused, not a crash', async () => {
    const form = await parseForm(post('{"name":"Ada"}'), schema, { lists: ['tags'] });
    expect(form).toMatchObject({ ok: false, errors: { name: ['Required'] }, values: { tags: [] } });
  });
});

describe('parseSearch', () => {
  it('refuses an address in the same shape as a form', () => {
    const search = parseSearch(new Request('http://localhost/x?name=&tags=a'), schema);
    expect(search).toEqual({
      ok: false,
      errors: { name: ['people:errors.nameRequired'], tags: ['Expected array, received string'] },
      values: { name: '', tags: 'a' },
    });
  });
});

describe('refuseForm and refuseAddress', () => {
  it('answers 400 with the messages per field, never sending a password back', async () => {
    const response = refuseForm({
      errors: { password: ['auth:errors.short'] },
      values: { email: 'a@b.c', password: 'hunter2', token: 't' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { password: ['auth:errors.short'] },
      values: { email: 'a@b.c' },
    });
  });

  it('answers a refused address with its first message as text, for the error page', async () => {
    const response = refuseAddress({
      errors: { status: ['actions:errors.unknownStatus'], due: ['x'] },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('actions:errors.unknownStatus');
    expect(await refuseAddress({ errors: {} }, 'insights:bad').text()).toBe('insights:bad');
  });
});
