import { describe, expect, it } from 'vitest';

import { CharterModel } from '../../models/charter.server';
import { makeInsightSurvey, staffUser } from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { listCharters, saveCharter, setCharterPublished } from './charters.server';

setupTestDatabase('charters');

async function world() {
  const organisation = await makeInsightSurvey({ departments: 2, providers: 2, cycles: 1 });
  const provider = String(organisation.providers[0]?._id);
  const question = `question:${String(organisation.survey._id)}:q-service`;
  return { ...organisation, provider, question };
}

const standard = (fields: Record<string, string>) => ({
  key: '',
  text: { en: '', nb: '' },
  measure: '',
  target: '',
  ...fields,
});

describe('service charters', () => {
  it('stores standards with a measure the surveys know and keeps their keys across edits', async () => {
    const { provider, question } = await world();
    const hr = staffUser({ hrAdmin: true });
    const saved = await saveCharter(hr, provider, {
      standards: [
        {
          ...standard({ measure: 'driver:Responsiveness', target: '4,2' }),
          text: { en: 'Quick answers' },
        },
        { ...standard({ measure: question, target: '4' }), text: { nb: 'Løser det første gang' } },
        // The blank row the form always ends with is dropped.
        standard({}),
      ],
    });
    expect(saved).toEqual({ ok: true });
    const stored = await CharterModel.findOne({}).lean();
    expect(stored?.published).toBe(false);
    expect(stored?.standards.map((item) => [item.target, item.measure.driver])).toEqual([
      [4.2, 'Responsiveness'],
      [4, null],
    ]);
    const [first, second] = stored?.standards ?? [];
    // Edited: the first reworded, the second removed, a new one added.
    await saveCharter(hr, provider, {
      standards: [
        {
          key: first?.key,
          text: { en: 'Answers within a day' },
          measure: 'driver:Responsiveness',
          target: '4.5',
        },
        { key: second?.key, text: { nb: 'x' }, measure: question, target: '4', remove: 'on' },
        {
          key: second?.key,
          text: { en: 'Fixed right' },
          measure: 'driver:Reliability',
          target: '4',
        },
      ],
    });
    const edited = await CharterModel.findOne({}).lean();
    expect(edited?.standards.map((item) => item.key)).toEqual([
      first?.key,
      // A removed standard's key is not taken over by a new one.
      expect.not.stringMatching(second?.key ?? ''),
    ]);
    expect(edited?.standards[0]?.text).toEqual({ en: 'Answers within a day' });
  });

  it('refuses unknown measures, targets off the scale and standards without text, storing nothing', async () => {
    const { provider, question, survey } = await world();
    const hr = staffUser({ hrAdmin: true });
    const result = await saveCharter(hr, provider, {
      standards: [
        { text: {}, measure: 'driver:Responsiveness', target: '4' },
        { text: { en: 'a' }, measure: 'driver:Nonsense', target: '4' },
        { text: { en: 'b' }, measure: `question:${String(survey._id)}:q-tools`, target: '4' },
        { text: { en: 'c' }, measure: question, target: '7' },
        { text: { en: 'd' }, measure: question, target: 'soon' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: { 'standards.4.target': ['charters:errors.targetNumber'] },
    });
    const checked = await saveCharter(hr, provider, {
      standards: [
        { text: {}, measure: 'driver:Responsiveness', target: '4' },
        { text: { en: 'a' }, measure: 'driver:Nonsense', target: '4' },
        { text: { en: 'b' }, measure: `question:${String(survey._id)}:q-tools`, target: '4' },
        { text: { en: 'c' }, measure: question, target: '7' },
      ],
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        'standards.0.text': ['charters:errors.textRequired'],
        'standards.1.measure': ['charters:errors.unknownMeasure'],
        'standards.2.measure': ['charters:errors.unknownMeasure'],
        'standards.3.target': ['charters:errors.targetScoreRange'],
      },
    });
    expect(await CharterModel.countDocuments()).toBe(0);
  });

  it('lets HR admins and the provider’s leaders edit and publish, and nobody else', async () => {
    const { provider, providers, departments } = await world();
    const input = {
      standards: [{ text: { en: 'Quick' }, measure: 'driver:Responsiveness', target: '4' }],
    };
    const stranger = staffUser({ scope: [String(departments[0]?._id)] });
    await expect(saveCharter(stranger, provider, input)).rejects.toMatchObject({ status: 403 });
    await expect(setCharterPublished(stranger, provider, true)).rejects.toMatchObject({
      status: 403,
    });
    const leader = staffUser({ scope: [provider] });
    expect(await setCharterPublished(leader, provider, true)).toEqual({
      ok: false,
      errors: { form: ['charters:errors.nothingToPublish'] },
    });
    expect(await saveCharter(leader, provider, input)).toEqual({ ok: true });
    expect(await setCharterPublished(leader, provider, true)).toEqual({ ok: true });
    const list = await listCharters(stranger);
    const other = String(providers[1]?._id);
    expect(list.filter((item) => [provider, other].includes(item.department.id))).toEqual([
      expect.objectContaining({ standards: 1, published: true, canEdit: false }),
      expect.objectContaining({ standards: 0, published: false, canEdit: false }),
    ]);
  });
});
