import { useMessage } from './use-message';

/** A message about a whole form (e.g. a refused sign-in), announced as soon as it appears. */
export function FormAlert({ message }: { message?: string }) {
  const text = useMessage()(message);
  if (!text) return null;
  return (
    <p className="form-alert" role="alert">
      {text}
    </p>
  );
}
