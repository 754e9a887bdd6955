import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node';

import { message } from '../utils/message';
import { formValues, parseSubmission, type Submission } from '../utils/submission';
import { maxUploadBytes } from './roster-import.server';
import { rosterOptionsSchema } from './schemas';

export interface RosterUpload {
  fileName: string;
  content: Uint8Array;
  createDepartments: boolean;
}

/**
 * Reads the roster upload form: the CSV file (kept in memory, at most 5 MB) and the choice to
 * create missing departments. Anything wrong comes back as a message beside the file field.
 */
export async function readRosterUpload(request: Request): Promise<Submission<RosterUpload>> {
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({
        maxPartSize: maxUploadBytes,
        // Text fields pass; of the files, only the roster is read, anything else is dropped.
        filter: ({ name, filename }) => filename === undefined || name === 'file',
      }),
    );
  } catch (error) {
    const refusal =
      error instanceof MaxPartSizeExceededError
        ? message('people:import.errors.tooLarge', { megabytes: maxUploadBytes / 1024 / 1024 })
        : 'people:import.errors.unreadable';
    return { ok: false, errors: { file: [refusal] }, values: {} };
  }
  const options = parseSubmission(formData, rosterOptionsSchema);
  const values = formValues(formData);
  if (!options.ok) return options;
  const file = formData.get('file');
  // No file chosen: browsers still send the field, with no name and no content.
  if (!(file instanceof File) || (file.size === 0 && !file.name)) {
    return { ok: false, errors: { file: ['people:import.errors.noFile'] }, values };
  }
  return {
    ok: true,
    data: {
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
      createDepartments: options.data.createDepartments,
    },
  };
}
