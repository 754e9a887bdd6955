// The floor under `npm run bench:answer`'s journey figure: the least any Remix 2 app on Express
// can do for the same two requests on this machine. One route at the answer page's address,
// whose loader returns a 10-question form without touching a database and whose action returns
// "stored" without storing anything, rendered by the same React and Remix versions as the app,
// with no middleware, no compression, no i18n and no layout. Whatever the app adds (headers,
// anonymity, validation, the engine) comes on top of what this process spends per journey.
// Run by bench-answer.ts with the port on argv[2]; prints "listening" once it is.
import { createRequestHandler } from '@remix-run/express';
import type { EntryContext, ServerBuild } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Links, Meta, Outlet, RemixServer, Scripts, useLoaderData } from '@remix-run/react';
import express from 'express';
import { renderToString } from 'react-dom/server';

const routeId = 'routes/_employee.a.$token';
const questions = Array.from({ length: 10 }, (_, index) => ({
  key: `q-${index}`,
  text: `Statement ${index + 1}.`,
}));

function loader() {
  return json({ title: 'Weekly pulse', questions });
}

function action() {
  return json({ status: 'stored' }, { headers: { 'Set-Cookie': 'innerloop_answered=1; Path=/' } });
}

function Root() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}

function AnswerPage() {
  const form = useLoaderData<typeof loader>();
  return (
    <Form method="post">
      <h1>{form.title}</h1>
      {form.questions.map((question) => (
        <fieldset key={question.key}>
          <legend>{question.text}</legend>
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value}>
              <input type="radio" name={`q.${question.key}`} value={value} required />
              {value}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit">Send</button>
    </Form>
  );
}

function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): Response {
  const html = renderToString(<RemixServer context={context} url={request.url} />);
  headers.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(`<!DOCTYPE html>${html}`, { status, headers });
}

const manifestEntry = {
  caseSensitive: undefined,
  index: undefined,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: false,
  imports: [],
};

const build = {
  mode: 'production',
  entry: { module: { default: handleRequest } },
  routes: {
    root: {
      ...manifestEntry,
      id: 'root',
      parentId: undefined,
      path: '',
      module: { default: Root },
    },
    [routeId]: {
      ...manifestEntry,
      id: routeId,
      parentId: 'root',
      path: 'a/:token',
      module: { default: AnswerPage, loader, action },
    },
  },
  assets: {
    entry: { module: '/build/entry.client.js', imports: [] },
    routes: {
      root: {
        ...manifestEntry,
        id: 'root',
        parentId: undefined,
        path: '',
        module: '/build/root.js',
        hasAction: false,
        hasLoader: false,
      },
      [routeId]: {
        ...manifestEntry,
        id: routeId,
        parentId: 'root',
        path: 'a/:token',
        module: '/build/answer.js',
        hasAction: true,
        hasLoader: true,
      },
    },
    version: 'floor',
    url: '/build/manifest-floor.js',
  },
  publicPath: '/build/',
  assetsBuildDirectory: 'public/build',
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
  isSpaMode: false,
} as unknown as ServerBuild;

const app = express();
app.disable('x-powered-by');
const remix = createRequestHandler({ build, mode: 'production' });
app.all('*', (request, response, next) => {
  void remix(request, response, next);
});
const port = Number(process.argv[2]);
app.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
