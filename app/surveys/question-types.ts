/** Every question type, in the order the designer offers them: the shared vocabulary's list. */
export { questionTypes } from '../../models/vocabulary';

// Their names are staff words: surveys:questionType.<type> in app/locales/<language>/surveys.json.
