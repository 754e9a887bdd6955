import { describe, expect, it } from 'vitest';

import { questionWording } from './question-wording';

describe('questionWording', () => {
  it('fills in the rated department where the figure is about one', () => {
    expect(questionWording('How responsive is {department} when you need it?', 'IT')).toBe(
      'How responsive is IT when you need it?',
    );
    expect(questionWording('{department} answers; {department} fixes.', 'Facilities')).toBe(
      'Facilities answers; Facilities fixes.',
    );
  });

  it('words it neutrally where the figure adds every rated department up', () => {
    expect(questionWording('How responsive is {department} when you need it?')).toBe(
      'How responsive is the department when you need it? (each rated department)',
    );
    expect(questionWording('{department} responds quickly when I need help.', null)).toBe(
      'The department responds quickly when I need help. (each rated department)',
    );
    expect(questionWording('Fast. {department} is kind.')).toBe(
      'Fast. The department is kind. (each rated department)',
    );
  });

  it('leaves other questions as they are', () => {
    expect(questionWording('I have the tools I need.', 'IT')).toBe('I have the tools I need.');
    expect(questionWording('I have the tools I need.')).toBe('I have the tools I need.');
  });
});
