import { describe, expect, it } from 'vitest';

import { surveyDefinitionWith } from '../../tests/factories/survey';
import { applyEdit, designerIds, parseEditIntent, withChoiceRows } from './designer-edits';
import { draftFromDefinition } from './designer-form';

const draft = () =>
  draftFromDefinition(surveyDefinitionWith({ audienceIds: ['64b7f0c2a1b2c3d4e5f60718'] }));
const ids = (value: ReturnType<typeof draft>) => value.questions.map((question) => question.id);
const none = new Set<string>();

describe('parseEditIntent', () => {
  it('reads the button pressed, and nothing else', () => {
    expect(parseEditIntent('move-up:3', null)).toEqual({ kind: 'move-up', question: 3 });
    expect(parseEditIntent('remove-choice:1:2', null)).toEqual({
      kind: 'remove-choice',
      question: 1,
      choice: 2,
    });
    expect(parseEditIntent('add-question', 'nps')).toEqual({ kind: 'add-question', type: 'nps' });
    expect(parseEditIntent('add-question', 'slider')).toBeNull();
    expect(parseEditIntent('move-up:-1', null)).toBeNull();
    expect(parseEditIntent('drop-table', null)).toBeNull();
  });
});

describe('applyEdit', () => {
  it('moves questions up and down, keeping their ids, and focuses the button still usable', () => {
    const moved = applyEdit(draft(), { kind: 'move-up', question: 1 }, none);
    expect(ids(moved.draft)).toEqual(['q-nps', 'q-scale', 'q-single', 'q-multi', 'q-text']);
    expect(moved.focus).toBe(designerIds.moveDown('q-nps'));
    const down = applyEdit(draft(), { kind: 'move-down', question: 0 }, none);
    expect(ids(down.draft)).toEqual(['q-nps', 'q-scale', 'q-single', 'q-multi', 'q-text']);
    expect(down.focus).toBe(designerIds.moveDown('q-scale'));
    expect(ids(applyEdit(draft(), { kind: 'move-down', question: 4 }, none).draft)).toEqual(
      ids(draft()),
    );
  });

  it('adds a question of the chosen type with a fresh id and two empty choices for choice types', () => {
    const added = applyEdit(draft(), { kind: 'add-question', type: 'multi' }, none);
    const question = added.draft.questions[5];
    expect(question).toMatchObject({ type: 'multi', core: true, archived: false });
    expect(question.id).toMatch(/^q-[a-f\d]{10}$/);
    expect(question.choices).toHaveLength(2);
    expect(added.focus).toBe(designerIds.questionText(question.id));
  });

  it('removes a question without answers, but archives one with answers', () => {
    expect(
      ids(applyEdit(draft(), { kind: 'remove-question', question: 0 }, none).draft),
    ).not.toContain('q-scale');
    const archived = applyEdit(
      draft(),
      { kind: 'remove-question', question: 0 },
      new Set(['q-scale']),
    );
    expect(archived.draft.questions[0]).toMatchObject({ id: 'q-scale', archived: true });
    expect(archived.notice).toMatch(/archived/);
    const restored = applyEdit(archived.draft, { kind: 'restore-question', question: 0 }, none);
    expect(restored.draft.questions[0].archived).toBe(false);
  });

  it('adds and removes choices', () => {
    const added = applyEdit(draft(), { kind: 'add-choice', question: 2 }, none);
    expect(added.draft.questions[2].choices).toHaveLength(3);
    const removed = applyEdit(added.draft, { kind: 'remove-choice', question: 2, choice: 0 }, none);
    expect(removed.draft.questions[2].choices.map((choice) => choice.id)).toEqual([
      'home',
      added.draft.questions[2].choices[2].id,
    ]);
  });

  it('gives every question at least two choice rows', () => {
    const rows = withChoiceRows(draft());
    expect(rows.questions.every((question) => question.choices.length >= 2)).toBe(true);
    expect(rows.questions[3].choices).toHaveLength(3);
  });
});
