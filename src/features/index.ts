/**
 * The feature registry: each capability of DESIGN.md §3 adds its routes here, in its own folder
 * (`features/<name>/routes.ts`). The platform foundation has none yet.
 */
import { type FastifyInstance } from "fastify";

type FeatureRegistration = (app: FastifyInstance) => Promise<void> | void;

const features: FeatureRegistration[] = [];

/** Registers every feature's routes on the app. */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  for (const register of features) await register(app);
}
