import type { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { subtreeOf } from '../people/department-tree';
import type { SurveyDefinition } from './survey-schema';

/** The departments a survey reaches: those chosen, and everything below them when asked. */
export async function audienceDepartments(
  audience: SurveyDefinition['audience'],
): Promise<string[]> {
  if (!audience.includeSubDepartments) return audience.departmentIds;
  const departments = await DepartmentModel.find({}, { parentId: 1, name: 1 }).lean();
  const tree = departments.map((department) => ({
    id: String(department._id),
    parentId: department.parentId ? String(department.parentId) : null,
    name: department.name,
  }));
  const reached = new Set<string>();
  for (const id of audience.departmentIds) {
    for (const below of subtreeOf(tree, id)) reached.add(below);
  }
  return [...reached];
}

export interface AudienceMember {
  _id: Types.ObjectId;
  name: string;
  email: string;
  departmentId: Types.ObjectId;
  language: SurveyDefinition['defaultLanguage'];
}

/** Active people in the survey's audience; people who left (inactive) are never invited. */
export async function audiencePeople(
  audience: SurveyDefinition['audience'],
): Promise<AudienceMember[]> {
  const departmentIds = await audienceDepartments(audience);
  return PersonModel.find(
    { departmentId: { $in: departmentIds }, active: true },
    { name: 1, email: 1, departmentId: 1, language: 1 },
  ).lean();
}
