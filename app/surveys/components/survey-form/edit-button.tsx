import type { ButtonHTMLAttributes } from 'react';

/**
 * One of the designer's edits (move, add, remove, restore): a submit button whose `intent` the
 * server applies to the draft, so the edit works without JavaScript.
 */
export function EditButton({
  intent,
  danger = false,
  ...button
}: { intent: string; danger?: boolean } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'name' | 'value' | 'className'
>) {
  return (
    <button
      {...button}
      type="submit"
      name="intent"
      value={intent}
      className={`button button-quiet button-small${danger ? ' button-danger' : ''}`}
    />
  );
}
