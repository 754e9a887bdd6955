import { type HeadersFunction, json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { z } from 'zod';

import { departmentBoard } from '~/board/board.server';
import { BoardNotFound } from '~/board/components/board-not-found';
import { BoardView } from '~/board/components/board-view';
import { resolveEmployeeLanguage } from '~/i18n.server';

// The key is the only way to a department's board: kept out of shared caches (the server sends
// no referrer from any page).
const boardHeaders = { 'Cache-Control': 'private, no-cache' };
export const headers: HeadersFunction = () => boardHeaders;

const boardParams = z.object({ boardKey: z.string().catch('') });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { boardKey } = boardParams.parse(params);
  const board = await departmentBoard(boardKey, await resolveEmployeeLanguage(request));
  // Every bad key gets the same page and status, so keys cannot be probed.
  return json({ board }, { status: board ? 200 : 404, headers: boardHeaders });
}

/** A department's board: its own published actions, then the company's. */
export default function DepartmentBoard() {
  const { board } = useLoaderData<typeof loader>();
  return board ? <BoardView board={board} /> : <BoardNotFound />;
}
