/**
 * The plugin's keys in opensearch_dashboards.yml (config path `pinpoint`):
 *
 *   pinpoint.wiring.assumableRoleArns: ['arn:aws:iam::123456789012:role/PinpointWiringCheck']
 *
 * Assuming a role with the server's credentials is an administrator's decision: the wiring route assumes only
 * the roles listed here, and none by default.
 *
 * OSD reads a plugin's keys only when the plugin exports `config = { schema }`, and the schema must be an
 * `@osd/config-schema` Type, a package that exists only inside OSD (it is not on npm). So the descriptor is
 * built when that package resolves (inside Dashboards) and is absent elsewhere (the development host, the
 * conformance suite), where the defaults apply: no role may be assumed.
 */
import { validateRoleArn } from '../common/aws_validation';
import { InvalidInputError } from '../common/validation';

export interface PinpointConfig {
  wiring: {
    /** Exact role ARNs the wiring route may assume; empty: the route assumes none. */
    assumableRoleArns: readonly string[];
  };
}

export const DEFAULT_PINPOINT_CONFIG: PinpointConfig = { wiring: { assumableRoleArns: [] } };

export const ASSUMABLE_ROLES_KEY = 'pinpoint.wiring.assumableRoleArns';

/** A role ARN of the list, or the reason it is not one (config-schema's validate contract). */
export function roleArnConfigError(value: string): string | undefined {
  try {
    validateRoleArn(value, `${ASSUMABLE_ROLES_KEY} entry`);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
}

/** The subset of @osd/config-schema used here, described so nothing else depends on OSD's types. */
interface ConfigSchemaModule {
  schema: {
    object(props: Record<string, unknown>, options?: Record<string, unknown>): unknown;
    arrayOf(item: unknown, options?: Record<string, unknown>): unknown;
    string(options?: { validate?: (value: string) => string | void }): unknown;
  };
}

export interface ConfigDescriptor {
  schema: unknown;
}

function loadSchemaModule(): ConfigSchemaModule | undefined {
  try {
    // A runtime require: the package is OSD's own (see the module comment) and must not be bundled or declared.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@osd/config-schema') as ConfigSchemaModule;
  } catch {
    return undefined;
  }
}

export function buildConfigDescriptor(
  module: ConfigSchemaModule | undefined = loadSchemaModule()
): ConfigDescriptor | undefined {
  if (!module) return undefined;
  const { schema } = module;
  return {
    schema: schema.object({
      wiring: schema.object({
        assumableRoleArns: schema.arrayOf(schema.string({ validate: roleArnConfigError }), {
          defaultValue: [],
        }),
      }),
    }),
  };
}

/** The config as OSD hands it over (already validated by the schema), with the defaults filled in. */
export function readPinpointConfig(raw: unknown): PinpointConfig {
  const wiring = (raw as { wiring?: { assumableRoleArns?: unknown } } | undefined)?.wiring;
  const list = Array.isArray(wiring?.assumableRoleArns) ? wiring.assumableRoleArns : [];
  return {
    wiring: {
      assumableRoleArns: list.filter(
        (arn): arn is string => typeof arn === 'string' && roleArnConfigError(arn) === undefined
      ),
    },
  };
}
