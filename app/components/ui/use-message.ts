import { useTranslation } from 'react-i18next';

import { readMessage } from '~/utils/message';

/**
 * Turns a message from the server (see ~/utils/message) into words in the page's language. A
 * text that is not a message key is shown as it came, so a message not yet moved to the locale
 * files still reads.
 */
export function useMessage(): (text: string | undefined | null) => string | undefined {
  const { t } = useTranslation();
  return (text) => {
    if (!text) return undefined;
    const message = readMessage(text);
    if (!message) return text;
    return t(`${message.namespace}:${message.key}`, {
      ...message.values,
      defaultValue: text,
    });
  };
}
