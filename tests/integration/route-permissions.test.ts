/// <reference types="vite/types/importMeta.d.ts" />
/**
 * Who may open every route of the app: each route × each role (anonymous, an employee, the
 * leaders of departments A and B, an HR admin), against the real app over HTTP.
 *
 * Adding a route? Give it a rule in a file under tests/integration/route-access/ — one file per
 * product area, each exporting `rules: RouteRule[]` (see route-access/_fixture.ts for the shape
 * and for the records a path may point at; add records there if your path needs one). Files
 * are picked up on their own. The suite fails for a route without a rule, for two rules on one
 * route and for a rule naming no route, so nothing slips through unreviewed.
 *
 * For every rule, each role GETs the rule's path; if the route has an action, each role also
 * POSTs an empty form with this site's Origin (access is decided before input is read, so an
 * allowed role gets 400, not 403). Allowed: any answer except the refusals below, and never 5xx.
 * Refused: a redirect to /login, 403 or 404. Routes without an action must refuse every POST.
 */
import { describe, expect, it } from 'vitest';

import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { startAppForFile } from '../support/app-for-file';
import {
  createRouteFixture,
  type Role,
  roles,
  type RouteFixture,
  type RouteRule,
} from './route-access/_fixture';

const app = startAppForFile('route-permissions');

const ruleFiles = import.meta.glob<{ rules: RouteRule[] }>(
  ['./route-access/*.ts', '!./route-access/_*.ts'],
  { eager: true },
);
const rules = Object.values(ruleFiles).flatMap((file) => file.rules);

let fixture: RouteFixture;

// setupTestDatabase empties the database after each test; each test builds the fixture afresh.
async function fixtureReady(): Promise<RouteFixture> {
  fixture = await createRouteFixture();
  return fixture;
}

const sessionCookie = createSessionCookie({ secrets: [app.secret], secure: false });

/** A fresh session for the role on every request, so a sign-out cannot spoil the next one. */
async function cookieFor(role: Role): Promise<string | undefined> {
  // Employees have no staff session; their employee links arrive in a later issue.
  if (role === 'anonymous' || role === 'employee') return undefined;
  const setCookie = await sessionCookie.serialize(await createSessionRecord(fixture.people[role]));
  return setCookie.split(';', 1)[0];
}

type Outcome = 'allow' | 'deny' | `error ${number}`;

function outcomeOf(response: Response): Outcome {
  if (response.status >= 500) return `error ${response.status}`;
  if ([401, 403, 404, 405].includes(response.status)) return 'deny';
  const location = response.headers.get('location') ?? '';
  if (response.status >= 300 && response.status < 400 && /^\/login(\?|$)/.test(location)) {
    return 'deny';
  }
  return 'allow';
}

async function request(role: Role, path: string, method: 'GET' | 'POST'): Promise<Outcome> {
  const cookie = await cookieFor(role);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const init: RequestInit =
    method === 'GET'
      ? { headers, redirect: 'manual' }
      : {
          method,
          headers: {
            ...headers,
            origin: app.url,
            'sec-fetch-site': 'same-origin',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: '',
          redirect: 'manual',
        };
  const response = await fetch(`${app.url}${path}`, init);
  await response.arrayBuffer();
  return outcomeOf(response);
}

describe('route rules', () => {
  it('cover every route of the app exactly once', () => {
    const routeIds = Object.keys(app.build.routes).sort();
    const ruled = rules.map((rule) => rule.route);
    const duplicates = ruled.filter((id, index) => ruled.indexOf(id) !== index);
    const missing = routeIds.filter((id) => !ruled.includes(id));
    const unknown = ruled.filter((id) => !routeIds.includes(id));
    expect(duplicates, `routes with more than one rule: ${duplicates.join(', ')}`).toEqual([]);
    expect(
      missing,
      `routes without a rule in tests/integration/route-access/: ${missing.join(', ')}`,
    ).toEqual([]);
    expect(unknown, `rules for routes that do not exist: ${unknown.join(', ')}`).toEqual([]);
  });

  it('leave out a path only for layouts that have no address of their own', () => {
    const withoutPath = rules.filter((rule) => rule.path === null).map((rule) => rule.route);
    for (const id of withoutPath) {
      const route = app.build.routes[id];
      expect(route?.index, id).toBeFalsy();
      expect(route?.path ?? '', id).toBe('');
    }
  });
});

describe.each(rules.filter((rule) => rule.path !== null))('$route', (rule) => {
  it('lets exactly the allowed roles open it', async () => {
    const path = rule.path?.(await fixtureReady()) ?? '';
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const role of roles) {
      actual[role] = await request(role, path, 'GET');
      expected[role] = rule.allow.includes(role) ? 'allow' : 'deny';
    }
    expect(actual, `GET ${path}`).toEqual(expected);
  });

  it('lets exactly the allowed roles post to it', async () => {
    const path = rule.path?.(await fixtureReady()) ?? '';
    const hasAction = Boolean(app.build.routes[rule.route]?.module.action);
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const role of roles) {
      actual[role] = await request(role, path, 'POST');
      const allowed = hasAction && (rule.allowPost ?? rule.allow).includes(role);
      expected[role] = allowed ? 'allow' : 'deny';
    }
    expect(actual, `POST ${path}`).toEqual(expected);
  });
});
