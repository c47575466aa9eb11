import type { Actor } from '../../context';
import type { ParkScope } from '../parks/scope';

/**
 * Which enterprises a caller may reach: an enterprise user only its own enterprise (none when
 * the account is not linked), park staff every enterprise of their parks and sub-parks.
 */
export type EnterpriseScope = { kind: 'own'; enterpriseId: string | null } | { kind: 'parks'; parks: ParkScope };

export async function enterpriseScopeOf(actor: Actor, parkScopeOf: (a: Actor) => Promise<ParkScope>): Promise<EnterpriseScope> {
  if (actor.roles.includes('enterprise')) return { kind: 'own', enterpriseId: actor.enterpriseId };
  return { kind: 'parks', parks: await parkScopeOf(actor) };
}

/** Whether a park may hold enterprises the caller manages (own-scope callers manage none). */
export const parkInScope = (scope: EnterpriseScope, parkId: string) => scope.kind === 'parks' && (scope.parks.all || scope.parks.ids.has(parkId));
