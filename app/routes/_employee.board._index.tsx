import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { companyBoard } from '~/board/board.server';
import { BoardView } from '~/components/board/board-view';

export async function loader() {
  return json({ board: await companyBoard() });
}

/** The company board: published actions raised from whole-company results. */
export default function CompanyBoard() {
  const { board } = useLoaderData<typeof loader>();
  return <BoardView board={board} />;
}
