import { OrganisationTime } from './organisation-time';

/**
 * @deprecated Moments are shown in the organisation's time zone now: use OrganisationTime. Kept
 * for one merge so branches written against the old name still compile; it renders the same.
 */
export const UtcTime = OrganisationTime;
