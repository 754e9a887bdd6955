import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node';

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
    const message =
      error instanceof MaxPartSizeExceededError
        ? `The file is larger than ${maxUploadBytes / 1024 / 1024} MB. Split the roster into smaller files and import them one after another.`
        : 'The upload could not be read. Choose the file again and send it once more.';
    return { ok: false, errors: { file: [message] }, values: {} };
  }
  const options = parseSubmission(formData, rosterOptionsSchema);
  const values = formValues(formData);
  if (!options.ok) return options;
  const file = formData.get('file');
  // No file chosen: browsers still send the field, with no name and no content.
  if (!(file instanceof File) || (file.size === 0 && !file.name)) {
    return { ok: false, errors: { file: ['Choose a CSV file to upload.'] }, values };
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
