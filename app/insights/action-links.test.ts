import { describe, expect, it } from 'vitest';

import { commentRaiseLink, mayRaiseAction, raiseActionHref, raiseLink } from './action-links';
import type { ActionAccess } from './types';

const survey = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const cycle = 'cccccccccccccccccccccccc';
const kitchen = '111111111111111111111111';
const itDesk = '222222222222222222222222';
const floor = '333333333333333333333333';

const hr: ActionAccess = { surveyId: survey, cycleId: cycle, scope: null };
const kitchenLeader: ActionAccess = { surveyId: survey, cycleId: cycle, scope: [kitchen] };

const paramsOf = (href: string) => {
  const url = new URL(href, 'https://innerloop.test');
  expect(url.pathname).toBe('/actions/new');
  return Object.fromEntries(url.searchParams);
};

describe('raiseActionHref', () => {
  it('links a department bar to its score in the latest cycle', () => {
    expect(paramsOf(raiseActionHref(hr, { metric: 'score', departmentId: kitchen }))).toEqual({
      survey,
      cycle,
      metric: 'score',
      department: kitchen,
    });
  });

  it('links a matrix cell to the answering department and the rated one', () => {
    const href = raiseActionHref(hr, {
      metric: 'service',
      departmentId: floor,
      providerDepartmentId: itDesk,
    });
    expect(paramsOf(href)).toEqual({
      survey,
      cycle,
      metric: 'service',
      department: floor,
      provider: itDesk,
    });
  });

  it('links a driver cell and a question row by their ids', () => {
    expect(
      paramsOf(raiseActionHref(hr, { metric: 'driver', departmentId: kitchen, driver: 'Tools' })),
    ).toEqual({ survey, cycle, metric: 'driver', department: kitchen, driver: 'Tools' });
    expect(paramsOf(raiseActionHref(hr, { metric: 'question', questionId: 'q-tools' }))).toEqual({
      survey,
      cycle,
      metric: 'question',
      question: 'q-tools',
    });
  });
});

describe('who may raise an action', () => {
  it('lets HR admins raise one anywhere, company-wide included', () => {
    expect(mayRaiseAction(null, { metric: 'score' })).toBe(true);
    expect(raiseLink(hr, { metric: 'enps' }, 'the overall eNPS')).toEqual({
      href: `/actions/new?survey=${survey}&cycle=${cycle}&metric=enps`,
      subject: 'the overall eNPS',
    });
  });

  it('lets a leader raise one on their department, as answering or as rated, and nowhere else', () => {
    const on = (target: Parameters<typeof mayRaiseAction>[1]) =>
      raiseLink(kitchenLeader, target, 'x') !== null;
    expect(on({ metric: 'score', departmentId: kitchen })).toBe(true);
    expect(on({ metric: 'service', departmentId: floor, providerDepartmentId: kitchen })).toBe(
      true,
    );
    expect(on({ metric: 'service', departmentId: kitchen, providerDepartmentId: itDesk })).toBe(
      true,
    );
    expect(on({ metric: 'score', departmentId: floor })).toBe(false);
    expect(on({ metric: 'service', departmentId: floor, providerDepartmentId: itDesk })).toBe(
      false,
    );
    // Their totals cover part of the company only: company-wide actions are HR's.
    expect(on({ metric: 'score' })).toBe(false);
  });

  it('offers nothing before a cycle has run', () => {
    expect(raiseLink(null, { metric: 'score', departmentId: kitchen }, 'Kitchen')).toBeNull();
  });
});

describe('commentRaiseLink', () => {
  it('links a comment to its question, department, rated department and own cycle', () => {
    const own = 'dddddddddddddddddddddddd';
    const link = commentRaiseLink(
      survey,
      { cycleId: own, questionId: 'q-text', departmentId: kitchen, providerDepartmentId: itDesk },
      'comment 1',
    );
    expect(paramsOf(link?.href ?? '')).toEqual({
      survey,
      cycle: own,
      metric: 'question',
      question: 'q-text',
      department: kitchen,
      provider: itDesk,
    });
    expect(commentRaiseLink(survey, undefined, 'comment 2')).toBeNull();
  });
});
