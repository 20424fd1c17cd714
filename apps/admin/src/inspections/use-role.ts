import { useSchema } from '../schema/use-schema';

/** The logged-in user's role, as the schema payload (the auth permissions) names it. */
export function useRole(): string | undefined {
  return useSchema()?.user.role;
}
