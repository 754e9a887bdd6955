import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { companyBoard } from '~/board/board.server';
import { BoardView } from '~/board/components/board-view';
import { resolveEmployeeLanguage } from '~/i18n.server';

export async function loader({ request }: LoaderFunctionArgs) {
  // In the language the layout chose for the page, so questions read in the reader's language.
  return json({ board: await companyBoard(await resolveEmployeeLanguage(request)) });
}

/** The company board: published actions raised from whole-company results. */
export default function CompanyBoard() {
  const { board } = useLoaderData<typeof loader>();
  return <BoardView board={board} />;
}
