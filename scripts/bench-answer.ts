// `npm run bench:answer`: answering throughput of the built app on the embedded engine.
// One open cycle with 20,000 invites is seeded into a temporary DATA_DIR, the built app is
// started on it, and a load generator in a second process (autocannon, 32 connections) posts a
// valid response per request, each with a different token; /healthz is loaded the same way for
// the floor. Afterwards every confirmed response must be stored exactly once and the rollups must
// equal a rebuild. Ends with one line of JSON.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { Types } from 'mongoose';

import { rebuildRollups } from '../app/answering/rollups.server';
import { createSurvey } from '../app/surveys/surveys.server';
import { newToken } from '../app/surveys/tokens.server';
import { createLogger } from '../app/utils/log.server';
import { AnswerClaimModel } from '../models/answer-claim.server';
import { connectDatabase, disconnectDatabase } from '../models/connection.server';
import { CycleModel } from '../models/cycle.server';
import { DepartmentModel } from '../models/department.server';
import { InviteModel } from '../models/invite.server';
import { ResponseModel } from '../models/response.server';
import { RollupModel } from '../models/rollup.server';
import { SurveyModel } from '../models/survey.server';
import { surveyDefinitionWith } from '../tests/factories/survey';

const root = path.resolve(import.meta.dirname, '..');
const INVITES = 20_000;
const CONNECTIONS = 32;
const ANSWER_SECONDS = 20;
const JOURNEY_INVITES = 12_000;
const JOURNEY_SECONDS = 10;
// A server runs for days: before journeys are timed, as many run untimed, so the figure is of
// code V8 has already optimised, not of the compiler warming up (it spends seconds of a core
// compiling the request path in the first seconds of load).
const JOURNEY_WARMUP_SECONDS = 5;
const JOURNEY_WARMUP_INVITES = 4_000;
const LONG_PAGE_REQUESTS = 60;
const HEALTH_SECONDS = 5;
const log = (line: string) => process.stderr.write(`${line}\n`);
// BENCH_ONLY=journey (or long, answer, healthz, floor; comma-separated) runs only those parts, for
// profiling one of them; the figures of the parts left out are reported as 0.
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const runs = (part: 'journey' | 'long' | 'answer' | 'healthz' | 'floor') =>
  !only || only.includes(part);
const skipped: Record<string, number> = { perSecond: 0, p50: 0, p95: 0, p99: 0, stored: 0 };

function buildIfNeeded() {
  const built = path.join(root, 'build', 'server.js');
  const newest = (target: string): number => {
    const stats = statSync(target);
    if (!stats.isDirectory()) return stats.mtimeMs;
    return execFileSync('find', [target, '-type', 'f', '-newer', built], {
      encoding: 'utf8',
    }).trim()
      ? Infinity
      : 0;
  };
  if (
    !existsSync(built) ||
    ['app', 'server', 'models'].some((dir) => newest(path.join(root, dir)) > 0)
  ) {
    log('Building the app (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function seed(dataDir: string) {
  await connectDatabase({ dataDir, localMongod: null, logger: createLogger('silent') });
  const departments = await DepartmentModel.insertMany(
    Array.from({ length: 10 }, (_, index) => ({
      name: `Department ${index + 1}`,
      nameKey: `department ${index + 1}`,
      kind: index < 2 ? 'support' : 'operational',
    })),
  );
  const providers = departments.slice(0, 2).map((department) => department._id);
  const surveyId = await createSurvey(
    surveyDefinitionWith({
      audienceIds: departments.map((department) => department._id),
      providerDepartmentIds: providers.map(String),
    }),
  );
  const survey = await SurveyModel.findByIdAndUpdate(
    surveyId,
    { $set: { status: 'active' } },
    { returnDocument: 'after' },
  ).lean();
  if (!survey) throw new Error('no survey');
  // The factory's NPS question is an internal-service one: rated for each provider.
  await SurveyModel.updateOne(
    { _id: surveyId, 'questions.id': 'q-nps' },
    { $set: { 'questions.$.internalService': true } },
  );
  const { tokens } = await openCycle({
    surveyId,
    questionIds: survey.questions.map((question) => question.id),
    providerDepartmentIds: providers,
    departments,
    invites: INVITES,
    kioskId: 'bench-kiosk',
  });
  const journey = await seedCycle({
    departments,
    providers: departments.slice(0, 2),
    generalScale: 4,
    serviceQuestions: ['q-nps'],
    invites: JOURNEY_INVITES,
  });
  // The flagship internal-service pulse: four general questions and four service questions
  // about each of six departments, 28 slots.
  const longPage = await seedCycle({
    departments,
    providers: departments.slice(0, 6),
    generalScale: 4,
    serviceQuestions: ['q-s1', 'q-s2', 'q-s3', 'q-s4'],
    invites: 1,
  });
  await Promise.all([ResponseModel.init(), RollupModel.init(), InviteModel.init()]);
  await disconnectDatabase();
  const body = new URLSearchParams([
    ['language', 'en'],
    ['q.q-scale', '4'],
    [`q.q-nps.${String(providers[0])}`, '9'],
    [`skip.${String(providers[1])}`, 'on'],
    ['q.q-single', 'office'],
    ['q.q-multi', 'training'],
    ['q.q-multi', 'time'],
    ['q.q-text', 'Fewer meetings on Mondays, please.'],
  ]).toString();
  return { tokens, body, journey, longPage };
}

/**
 * Another open cycle on the same organisation: the factory's questions (or only service ones)
 * plus `generalScale` more scale questions, the named service questions asked about each
 * provider, and `invites` tokens. Returns the tokens and a valid form body.
 */
async function seedCycle(options: {
  departments: { _id: Types.ObjectId }[];
  providers: { _id: Types.ObjectId }[];
  generalScale: number;
  serviceQuestions: string[];
  invites: number;
}) {
  const { departments, providers } = options;
  const extra = Array.from({ length: options.generalScale }, (_, index) => ({
    id: `q-extra-${index}`,
    type: 'scale' as const,
    text: { en: `Extra statement ${index + 1}.` },
    required: true,
    core: true,
    internalService: false,
    archived: false,
  }));
  const service = options.serviceQuestions
    .filter((id) => id !== 'q-nps')
    .map((id) => ({
      id,
      type: 'scale' as const,
      text: { en: `How well does {department} serve you (${id})?` },
      required: true,
      core: true,
      internalService: true,
      archived: false,
    }));
  const base = surveyDefinitionWith({
    audienceIds: departments.map((department) => department._id),
    providerDepartmentIds: providers.map((provider) => String(provider._id)),
  });
  const questions = [
    ...(options.serviceQuestions.includes('q-nps')
      ? base.questions.map((question) =>
          question.id === 'q-nps' ? { ...question, internalService: true } : question,
        )
      : []),
    ...extra,
    ...service,
  ];
  const surveyId = await createSurvey({ ...base, questions });
  await SurveyModel.updateOne({ _id: surveyId }, { $set: { status: 'active' } });
  const { tokens } = await openCycle({
    surveyId,
    questionIds: questions.map((question) => question.id),
    providerDepartmentIds: providers.map((provider) => provider._id),
    departments,
    invites: options.invites,
    kioskId: `bench-kiosk-${String(surveyId)}`,
  });
  const fields: [string, string][] = [['language', 'en']];
  for (const question of questions) {
    if (question.internalService) {
      for (const provider of providers) {
        fields.push([
          `q.${question.id}.${String(provider._id)}`,
          question.type === 'nps' ? '8' : '4',
        ]);
      }
    } else if (question.type === 'scale') fields.push([`q.${question.id}`, '4']);
    else if (question.type === 'single') fields.push([`q.${question.id}`, 'office']);
    else if (question.type === 'multi') fields.push([`q.${question.id}`, 'training']);
  }
  const slots = questions.reduce(
    (sum, question) => sum + (question.internalService ? providers.length : 1),
    0,
  );
  return { tokens, body: new URLSearchParams(fields).toString(), slots };
}

/** An open cycle of a survey, with one delivered invite per token, spread over the departments. */
async function openCycle(options: {
  surveyId: Types.ObjectId | string;
  questionIds: string[];
  providerDepartmentIds: Types.ObjectId[];
  departments: { _id: Types.ObjectId }[];
  invites: number;
  kioskId: string;
}): Promise<{ tokens: string[] }> {
  const { surveyId, departments } = options;
  const now = Date.now();
  const cycle = await CycleModel.create({
    surveyId,
    number: 1,
    opensAt: new Date(now - 3_600_000),
    closesAt: new Date(now + 3 * 86_400_000),
    status: 'open',
    questionIds: options.questionIds,
    providerDepartmentIds: options.providerDepartmentIds,
    kioskId: options.kioskId,
    openedAt: new Date(now - 3_600_000),
  });
  const tokens: string[] = [];
  const invites = Array.from({ length: options.invites }, (_, index) => {
    const { token, hash } = newToken();
    tokens.push(token);
    return {
      cycleId: cycle._id,
      surveyId,
      personId: new Types.ObjectId(),
      departmentId: departments[index % departments.length]?._id,
      language: 'en',
      tokenHash: hash,
      deliveryClaimedAt: new Date(now),
      deliveredAt: new Date(now),
    };
  });
  for (let start = 0; start < invites.length; start += 2000) {
    await InviteModel.insertMany(invites.slice(start, start + 2000), { lean: true });
  }
  return { tokens };
}

/** The server time of one page, one request at a time: the figure a person waits for. */
async function timePage(url: string, requests: number) {
  const times: number[] = [];
  for (let index = 0; index < requests; index++) {
    const start = performance.now();
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    // The first few warm the caches, as a person's first view after a restart would not.
    if (index >= 5) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.floor((p / 100) * (times.length - 1))] ?? 0) * 10) / 10;
  return { p50: at(50), p95: at(95) };
}

/**
 * CPU seconds the app's threads have used so far (Linux /proc): its main thread (the one that
 * answers HTTP requests) and all threads together (the engine's worker, zlib, the rest). Per
 * journey these are steadier than journeys per second on a machine shared with other work,
 * which changes the wall clock but hardly the CPU a journey costs. Null where /proc is missing.
 */
function cpuSeconds(pid: number | undefined): { main: number; all: number } | null {
  if (!pid) return null;
  try {
    const tick = 100; // USER_HZ, 100 on every Linux this runs on
    const of = (file: string) => {
      const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime are fields 14 and 15, here 11 and 12 after the name.
      return (Number(fields[11]) + Number(fields[12])) / tick;
    };
    const all = readdirSync(`/proc/${pid}/task`).reduce(
      (sum, tid) => sum + of(`/proc/${pid}/task/${tid}/stat`),
      0,
    );
    return { main: of(`/proc/${pid}/task/${pid}/stat`), all };
  } catch {
    return null;
  }
}

async function runLoad(job: object): Promise<Record<string, number>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'bench-answer-load.ts'), JSON.stringify(job)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`The load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

async function startApp(dataDir: string, port: number) {
  // BENCH_CPU_PROFILE=<dir> writes the app's CPU profile there, to see where a response's time goes.
  const profile = process.env.BENCH_CPU_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
  // BENCH_APP_FLAGS adds Node flags to the app (say --trace-gc, with BENCH_APP_STDOUT=1 to see it).
  flags.push(...(process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? []));
  const child = spawn(process.execPath, [...flags, path.join(root, 'build', 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'off',
      // It sends no mail; production otherwise insists on a mail server.
      MAIL_OUTBOX: 'on',
      LOG_LEVEL: 'warn',
      MONGODB_URI: '',
    },
    stdio: ['ignore', process.env.BENCH_APP_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('The app did not start');
}

async function verify(dataDir: string, stored: number) {
  await connectDatabase({ dataDir, localMongod: null, logger: createLogger('silent') });
  try {
    const responses = await ResponseModel.countDocuments();
    // Every stored response claimed its invite once (the cycle is still open, so claims stay).
    const used = await AnswerClaimModel.countDocuments();
    const pending = await ResponseModel.countDocuments({
      $or: [{ submissionKey: { $exists: true } }, { rolledUp: false }],
    });
    const snapshot = async () =>
      JSON.stringify(
        (await RollupModel.find({}, { _id: 0 }).lean())
          .map((row) => ({ ...row, histogram: row.histogram ?? {} }))
          .sort((a, b) =>
            `${String(a.departmentId)}${a.questionId}${String(a.providerDepartmentId)}`.localeCompare(
              `${String(b.departmentId)}${b.questionId}${String(b.providerDepartmentId)}`,
            ),
          ),
      );
    const incremental = await snapshot();
    await rebuildRollups();
    const rebuilt = await snapshot();
    if (incremental !== rebuilt) {
      const before = JSON.parse(incremental) as unknown[];
      const after = JSON.parse(rebuilt) as unknown[];
      const index = before.findIndex(
        (row, at) => JSON.stringify(row) !== JSON.stringify(after[at]),
      );
      log(`Rollups differ from a rebuild (${before.length} vs ${after.length} documents); first:`);
      log(`  incremental ${JSON.stringify(before[index])}`);
      log(`  rebuilt     ${JSON.stringify(after[index])}`);
    }
    return {
      // Requests cut off when the generator stopped may be stored without being confirmed: up
      // to one per connection for each of the three runs that answer (posts, warm-up, journeys).
      storedOnce:
        responses >= stored &&
        responses - stored <= 3 * CONNECTIONS &&
        used === responses &&
        pending === 0,
      rollupsEqualRebuild: incremental === rebuilt,
      responsesInDatabase: responses,
    };
  } finally {
    await disconnectDatabase();
  }
}

/**
 * The same journeys against the least a Remix app can be (scripts/bench-floor-app.tsx): what
 * this machine, this load generator and the framework allow before the app does anything.
 */
async function floorJourneys(dataDir: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'bench-floor-app.tsx'), String(port)],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`The floor app exited with ${code}`)));
    });
    const tokensFile = path.join(dataDir, 'bench-floor-tokens.json');
    const fakeTokens = Array.from({ length: 50_000 }, (_, index) => `floor-${index}`);
    writeFileSync(tokensFile, JSON.stringify(fakeTokens));
    const job = {
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      mode: 'journey',
      tokensFile,
      body: 'q.q-0=3',
    };
    await runLoad({ ...job, durationSeconds: JOURNEY_WARMUP_SECONDS });
    const before = cpuSeconds(child.pid);
    const journeys = await runLoad({ ...job, durationSeconds: JOURNEY_SECONDS });
    const after = cpuSeconds(child.pid);
    return {
      journeys,
      cpu: before && after ? { main: after.main - before.main, all: after.all - before.all } : null,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

function cpuPerJourney(seconds: number | undefined, journeys: Record<string, number>) {
  const count = (journeys.stored ?? 0) + (journeys.other ?? 0);
  return seconds === undefined || count === 0 ? null : Math.round((seconds * 10000) / count) / 10;
}

async function main() {
  buildIfNeeded();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-bench-answer-'));
  try {
    log(`Seeding one open cycle with ${INVITES} invites…`);
    const { tokens, body, journey, longPage } = await seed(dataDir);
    const tokensFile = path.join(dataDir, 'bench-tokens.json');
    writeFileSync(tokensFile, JSON.stringify(tokens));
    const journeyTokensFile = path.join(dataDir, 'bench-journey-tokens.json');
    writeFileSync(journeyTokensFile, JSON.stringify(journey.tokens.slice(JOURNEY_WARMUP_INVITES)));
    const warmupTokensFile = path.join(dataDir, 'bench-warmup-tokens.json');
    writeFileSync(
      warmupTokensFile,
      JSON.stringify(journey.tokens.slice(0, JOURNEY_WARMUP_INVITES)),
    );
    const port = await freePort();
    const { child, url } = await startApp(dataDir, port);
    let health: Record<string, number>;
    let answers: Record<string, number>;
    let journeys: Record<string, number>;
    let warmup: Record<string, number> = skipped;
    let journeyCpu: { main: number; all: number } | null = null;
    let longPageMs: { p50: number; p95: number };
    try {
      log(`Timing the ${longPage.slots}-question answer page, one request at a time…`);
      longPageMs = runs('long')
        ? await timePage(`${url}/a/${longPage.tokens[0] ?? ''}`, LONG_PAGE_REQUESTS)
        : { p50: 0, p95: 0 };
      log(`Loading /healthz for ${HEALTH_SECONDS} s with ${CONNECTIONS} connections…`);
      health = !runs('healthz')
        ? skipped
        : await runLoad({
            url,
            connections: CONNECTIONS,
            durationSeconds: HEALTH_SECONDS,
            mode: 'get',
            path: '/healthz',
          });
      log(`Posting responses for up to ${ANSWER_SECONDS} s with ${CONNECTIONS} connections…`);
      answers = !runs('answer')
        ? skipped
        : await runLoad({
            url,
            connections: CONNECTIONS,
            durationSeconds: ANSWER_SECONDS,
            mode: 'answer',
            tokensFile: tokensFile,
            body,
            tokens: undefined,
          });
      // Requests in flight when the generator stopped finish on the server before it stops.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      log(
        `Respondent journeys on a ${journey.slots}-question survey with ${CONNECTIONS} connections: ${JOURNEY_WARMUP_SECONDS} s to warm up, then ${JOURNEY_SECONDS} s timed…`,
      );
      if (runs('journey')) {
        warmup = await runLoad({
          url,
          connections: CONNECTIONS,
          durationSeconds: JOURNEY_WARMUP_SECONDS,
          mode: 'journey',
          tokensFile: warmupTokensFile,
          body: journey.body,
        });
      }
      const cpuBefore = cpuSeconds(child.pid);
      journeys = !runs('journey')
        ? skipped
        : await runLoad({
            url,
            connections: CONNECTIONS,
            durationSeconds: JOURNEY_SECONDS,
            mode: 'journey',
            tokensFile: journeyTokensFile,
            body: journey.body,
          });
      const cpuAfter = cpuSeconds(child.pid);
      if (cpuBefore && cpuAfter) {
        journeyCpu = {
          main: cpuAfter.main - cpuBefore.main,
          all: cpuAfter.all - cpuBefore.all,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    log('The same journeys against a bare Remix app, the floor under the figure above…');
    const floor = runs('floor') ? await floorJourneys(dataDir) : { journeys: skipped, cpu: null };
    log('Checking that every confirmed response is stored once and rollups equal a rebuild…');
    const checked = await verify(
      dataDir,
      (answers.stored ?? 0) + (warmup.stored ?? 0) + (journeys.stored ?? 0),
    );
    const result = {
      invites: INVITES,
      connections: CONNECTIONS,
      responsesPerSec: answers.perSecond,
      p50Ms: answers.p50,
      p95Ms: answers.p95,
      p99Ms: answers.p99,
      confirmed: answers.stored,
      refusedOrFailed: answers.other,
      errors5xx: answers.errors5xx,
      ...checked,
      journeyQuestions: journey.slots,
      journeysPerSec: journeys.perSecond,
      journeyP50Ms: journeys.p50,
      journeyP95Ms: journeys.p95,
      journeyP99Ms: journeys.p99,
      journeysConfirmed: journeys.stored,
      journeysRefusedOrFailed: journeys.other,
      journeyErrors5xx: journeys.errors5xx,
      // The app's CPU per journey completed (main thread; all threads), in ms.
      journeyMainThreadCpuMs: cpuPerJourney(journeyCpu?.main, journeys),
      journeyAllThreadsCpuMs: cpuPerJourney(journeyCpu?.all, journeys),
      // A bare Remix app (no middleware, database or i18n) under the same journeys.
      floorJourneysPerSec: floor.journeys.perSecond,
      floorJourneyP95Ms: floor.journeys.p95,
      floorJourneyMainThreadCpuMs: cpuPerJourney(floor.cpu?.main, floor.journeys),
      floorJourneyAllThreadsCpuMs: cpuPerJourney(floor.cpu?.all, floor.journeys),
      longPageQuestions: longPage.slots,
      longPageP50Ms: longPageMs.p50,
      longPageP95Ms: longPageMs.p95,
      healthzPerSec: health.perSecond,
      healthzP50Ms: health.p50,
      healthzP95Ms: health.p95,
      healthzP99Ms: health.p99,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (
      !checked.storedOnce ||
      !checked.rollupsEqualRebuild ||
      answers.errors5xx ||
      journeys.errors5xx
    )
      process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
