// `npm run bench:insights`: how long each insight loader takes on the embedded engine as an
// organisation grows. Rollups (with their cycles, survey and departments) equivalent to 1,000,
// 100,000 and 1,000,000 responses are seeded into a temporary engine; each loader runs as an HR
// admin over its default range (the latest twelve cycles) and p50/p95 are printed per size; the
// hotspot page too, with half the services' charters published.
// Ends with one line of JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import mongoose, { Types } from 'mongoose';

import { respondentsQuestionId } from '../app/answering/rollups.server';
import { loadHotspots } from '../app/hotspots/hotspots.server';
import { loadDepartment } from '../app/insights/department.server';
import { loadDrivers } from '../app/insights/drivers.server';
import { loadMatrix } from '../app/insights/matrix.server';
import { loadOverview } from '../app/insights/overview.server';
import { forgetCachedRollups } from '../app/insights/rollup-reads.server';
import type { Question } from '../app/surveys/survey-schema';
import { createSurvey } from '../app/surveys/surveys.server';
import { createLogger } from '../app/utils/log.server';
import type { StaffUser } from '../app/utils/permissions.server';
import { CharterModel } from '../models/charter.server';
import { connectDatabase, disconnectDatabase } from '../models/connection.server';
import { CycleModel } from '../models/cycle.server';
import { DepartmentModel } from '../models/department.server';
import { RollupModel } from '../models/rollup.server';
import { SurveyModel } from '../models/survey.server';
import { surveyDefinitionWith } from '../tests/factories/survey';

const RUNS = 30;
const WARM_UP = 3;
const COLD_RUNS = 10;
const log = (line: string) => process.stderr.write(`${line}\n`);
/** `BENCH_ONLY=hotspots,matrix` times only those loaders (all when unset). */
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));

/**
 * Two ways to reach a million responses. The target is about the first: one organisation (20
 * departments, 4 services) whose answers pile up, in bigger groups and a longer history, while
 * a view still covers the latest twelve cycles — the rollups make its cost independent of the
 * answers. The second grows the organisation itself (departments, services and history), which
 * puts more rows on every chart; it is reported, not held to the target.
 */
const scenarios = {
  sameOrganisation: [
    { responses: 1_000, departments: 20, providers: 4, cycles: 12, perGroup: 4 },
    { responses: 100_000, departments: 20, providers: 4, cycles: 24, perGroup: 208 },
    { responses: 1_000_000, departments: 20, providers: 4, cycles: 52, perGroup: 962 },
  ],
  growingOrganisation: [
    { responses: 1_000, departments: 5, providers: 2, cycles: 4, perGroup: 50 },
    { responses: 100_000, departments: 20, providers: 4, cycles: 25, perGroup: 200 },
    { responses: 1_000_000, departments: 40, providers: 6, cycles: 50, perGroup: 500 },
  ],
};
type Size = (typeof scenarios.sameOrganisation)[number];

const drivers = ['Tools', 'Growth', 'Recognition', 'Wellbeing', 'Communication', 'Workspace'];
const questions: Question[] = [
  ...drivers.map((driver, index): Question => ({
    id: `q-${index + 1}`,
    type: 'scale',
    text: { en: `About ${driver}` },
    driver,
    required: false,
    core: true,
    internalService: false,
    archived: false,
  })),
  {
    id: 'q-enps',
    type: 'nps',
    text: { en: 'Would you recommend working here?' },
    required: false,
    core: true,
    internalService: false,
    archived: false,
  },
  ...['Responsiveness', 'Reliability'].map((driver, index): Question => ({
    id: `q-service-${index + 1}`,
    type: 'scale',
    text: { en: `How is {department} on ${driver}?` },
    driver,
    required: false,
    core: true,
    internalService: true,
    archived: false,
  })),
];

/** A plausible histogram of `count` answers on 1–5 (or 0–10), with its sums. */
function answers(count: number, top: number, tilt: number) {
  const histogram: Record<string, number> = {};
  let left = count;
  let sum = 0;
  let sumSquares = 0;
  for (let value = top; value >= (top === 5 ? 1 : 0) && left > 0; value--) {
    const share = value === (top === 5 ? 1 : 0) ? left : Math.round(left * (0.3 + tilt * 0.1));
    if (share <= 0) continue;
    histogram[String(value)] = share;
    sum += share * value;
    sumSquares += share * value * value;
    left -= share;
  }
  return { count, sum, sumSquares, histogram };
}

async function seed(size: Size, scenario: string) {
  const departments = await DepartmentModel.insertMany(
    Array.from({ length: size.departments + size.providers }, (_, index) => ({
      name: `${index < size.departments ? 'Team' : 'Service'} ${index + 1}`,
      nameKey: `${index < size.departments ? 'team' : 'service'} ${index + 1}`,
      kind: index < size.departments ? 'operational' : 'support',
    })),
  );
  const teams = departments.slice(0, size.departments);
  const providers = departments.slice(size.departments);
  const surveyId = await createSurvey(
    surveyDefinitionWith({
      audienceIds: teams.map((team) => team._id),
      providerDepartmentIds: providers.map((provider) => String(provider._id)),
      questions,
    }),
  );
  await SurveyModel.updateOne({ _id: surveyId }, { $set: { status: 'active', hasAnswers: true } });
  const survey = new Types.ObjectId(surveyId);
  const invitedByDepartment = Object.fromEntries(
    teams.map((team) => [String(team._id), Math.round(size.perGroup * 1.25)]),
  );
  const cycles = await CycleModel.insertMany(
    Array.from({ length: size.cycles }, (_, index) => ({
      surveyId: survey,
      number: index + 1,
      opensAt: new Date(Date.UTC(2024, 0, 1 + 7 * index, 8)),
      closesAt: new Date(Date.UTC(2024, 0, 6 + 7 * index, 8)),
      status: index === size.cycles - 1 ? 'open' : 'closed',
      // Closed when their window ended, as the scheduler does; the last one is still open.
      closedAt: index === size.cycles - 1 ? null : new Date(Date.UTC(2024, 0, 6 + 7 * index, 8)),
      questionIds: questions.map((question) => question.id),
      providerDepartmentIds: providers.map((provider) => provider._id),
      kioskId: `bench-${scenario}-${size.responses}-${index}`,
      invitedByDepartment,
    })),
  );
  let documents: object[] = [];
  let stored = 0;
  const flush = async () => {
    if (documents.length === 0) return;
    await RollupModel.collection.insertMany(documents, { ordered: false });
    stored += documents.length;
    documents = [];
  };
  for (const [cycleIndex, cycle] of cycles.entries()) {
    for (const [teamIndex, team] of teams.entries()) {
      const base = { cycleId: cycle._id, surveyId: survey, departmentId: team._id };
      const tilt = (cycleIndex + teamIndex) % 3;
      documents.push({
        ...base,
        questionId: respondentsQuestionId,
        providerDepartmentId: null,
        ...answers(size.perGroup, 5, 0),
        sum: 0,
        sumSquares: 0,
        histogram: {},
        skipped: 0,
      });
      for (const question of questions) {
        const perAnswer = { ...base, questionId: question.id, skipped: 0 };
        if (!question.internalService) {
          const top = question.type === 'nps' ? 10 : 5;
          const count = Math.round(size.perGroup * 0.95);
          documents.push({
            ...perAnswer,
            providerDepartmentId: null,
            ...answers(count, top, tilt),
          });
          continue;
        }
        for (const provider of providers) {
          const count = Math.round(size.perGroup * 0.6);
          documents.push({
            ...perAnswer,
            providerDepartmentId: provider._id,
            ...answers(count, 5, tilt),
          });
        }
      }
      if (documents.length >= 5000) await flush();
    }
  }
  await flush();
  // Half the services publish a charter whose targets the hotspot page reads.
  await CharterModel.insertMany(
    providers
      .filter((_, index) => index % 2 === 0)
      .map((provider) => ({
        departmentId: provider._id,
        published: true,
        standards: ['Responsiveness', 'Reliability'].map((driver) => ({
          key: driver.toLowerCase(),
          text: { en: `${driver} of 4 or better` },
          measure: { driver },
          target: 4,
        })),
      })),
  );
  return { rollups: stored, team: String(teams[0]?._id) };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

async function timed(runs: number, run: () => Promise<unknown>, before?: () => void) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Views as people meet them (settled cycles' rollups already in memory) and first views (memory
 * emptied before each run, as after a restart or a rebuild: every rollup read from the engine).
 */
async function measure(run: () => Promise<unknown>) {
  const first = await timed(COLD_RUNS, run, forgetCachedRollups);
  await timed(WARM_UP, run);
  const warm = await timed(RUNS, run);
  return {
    p50: percentile(warm, 50),
    p95: percentile(warm, 95),
    firstViewP50: percentile(first, 50),
    firstViewP95: percentile(first, 95),
  };
}

const hr: StaffUser = {
  id: new Types.ObjectId().toHexString(),
  name: 'Bench',
  email: 'bench@example.com',
  hrAdmin: true,
  language: 'en',
  leaderOf: [],
  scope: [],
};

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-bench-insights-'));
  // The engine in its own thread, as the app server runs it.
  await connectDatabase({
    dataDir,
    localMongod: null,
    logger: createLogger('silent'),
    engineThread: true,
  });
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  type Figures = Awaited<ReturnType<typeof measure>>;
  const results: Record<string, Record<string, Record<string, Figures>>> = {};
  const shapes: Record<string, Record<string, unknown>> = {};
  try {
    for (const [scenario, sizes] of Object.entries(scenarios)) {
      log(`Scenario: ${scenario}`);
      results[scenario] = {};
      shapes[scenario] = {};
      for (const size of sizes) {
        const db = mongoose.connection.db;
        if (db) {
          const collections = await db.listCollections({}, { nameOnly: true }).toArray();
          await Promise.all(collections.map(({ name }) => db.collection(name).deleteMany({})));
        }
        forgetCachedRollups();
        log(`Seeding rollups for ${size.responses.toLocaleString('en')} responses…`);
        const { rollups, team } = await seed(size, scenario);
        shapes[scenario][size.responses] = { ...size, rollups };
        const params = new URLSearchParams();
        const loaders = {
          overview: () => loadOverview(hr, params),
          matrix: () => loadMatrix(hr, params),
          drivers: () => loadDrivers(hr, params),
          department: () => loadDepartment(hr, team, params),
          hotspots: () => loadHotspots(hr, params),
        };
        const bySize: Record<string, Figures> = {};
        results[scenario][size.responses] = bySize;
        for (const [name, run] of Object.entries(loaders)) {
          if (only.size > 0 && !only.has(name)) continue;
          const figures = await measure(run);
          bySize[name] = figures;
          log(
            `  ${name.padEnd(10)} p50 ${figures.p50} ms  p95 ${figures.p95} ms; first view p50 ${figures.firstViewP50} ms  p95 ${figures.firstViewP95} ms  (${rollups} rollups)`,
          );
        }
      }
    }
  } finally {
    await disconnectDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const small = results.sameOrganisation?.[1_000] ?? {};
  const large = results.sameOrganisation?.[1_000_000] ?? {};
  const targetMet =
    Object.keys(large).length > 0 &&
    Object.keys(large).every((name) => {
      const p95 = large[name]?.p95 ?? Infinity;
      return p95 < 100 && p95 <= 2 * (small[name]?.p95 ?? 0);
    });
  process.stdout.write(`${JSON.stringify({ runs: RUNS, shapes, results, targetMet })}\n`);
}

await main();
