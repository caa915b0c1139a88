import {
  type EvaluationResult,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  NoSuchEntityException,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateSimulatePrincipalPolicy,
} from '@aws-sdk/client-iam';
import { type CallOptions, callAws, type ModelledKind } from './call';

export type { EvaluationResult };

export interface RoleInfo {
  arn: string;
  name: string;
  /** The trust policy as JSON text (IAM hands it out URL-encoded; decoded here). */
  trustPolicy: string;
}

export interface SimulationInput {
  policySourceArn: string;
  actions: string[];
  resources: string[];
}

/** A policy document attached to a role, inline or managed, decoded to JSON text. */
export interface RolePolicyDocument {
  name: string;
  kind: 'inline' | 'managed';
  document: string;
}

/** The IAM calls the wiring check makes: read a role, simulate it, or read its policies when simulation is refused. */
export interface IamPort {
  getRole(roleName: string, options: CallOptions): Promise<RoleInfo>;
  simulatePrincipalPolicy(
    input: SimulationInput,
    options: CallOptions
  ): Promise<EvaluationResult[]>;
  listRolePolicyDocuments(roleName: string, options: CallOptions): Promise<RolePolicyDocument[]>;
}

const notFound: ModelledKind = (error) =>
  error instanceof NoSuchEntityException ? 'not_found' : undefined;

/** IAM returns policy documents URL-encoded (RFC 3986); moto and some proxies hand them out plain. */
export function decodePolicyDocument(document: string | undefined): string {
  if (!document) return '';
  const trimmed = document.trim();
  if (trimmed.startsWith('{')) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

/** Managed policies read per role; AWS allows 20 attached by default, more is a quota raise. */
const MAX_MANAGED_POLICIES = 25;

/**
 * `simulationClient` (default: `client`) sends SimulatePrincipalPolicy. The factory gives it one without
 * retries: when simulation fails, reading the role's policies is the better second attempt, and waiting
 * through backoff for the same refusal only delays the report.
 */
export function iamPort(client: IAMClient, simulationClient: IAMClient = client): IamPort {
  return {
    async getRole(roleName, options) {
      const out = await callAws(
        'iam',
        'GetRole',
        options,
        (abortSignal) => client.send(new GetRoleCommand({ RoleName: roleName }), { abortSignal }),
        notFound
      );
      return {
        arn: out.Role?.Arn ?? '',
        name: out.Role?.RoleName ?? roleName,
        trustPolicy: decodePolicyDocument(out.Role?.AssumeRolePolicyDocument),
      };
    },

    async simulatePrincipalPolicy(input, options) {
      return callAws(
        'iam',
        'SimulatePrincipalPolicy',
        options,
        async (abortSignal) => {
          const results: EvaluationResult[] = [];
          const pages = paginateSimulatePrincipalPolicy(
            { client: simulationClient },
            {
              PolicySourceArn: input.policySourceArn,
              ActionNames: input.actions,
              ResourceArns: input.resources,
            },
            { abortSignal }
          );
          for await (const page of pages) results.push(...(page.EvaluationResults ?? []));
          return results;
        },
        notFound
      );
    },

    async listRolePolicyDocuments(roleName, options) {
      return callAws(
        'iam',
        'ListRolePolicies',
        options,
        async (abortSignal) => {
          // Inline and attached policies are listed side by side: two independent listings.
          const [inlineNames, managedArns] = await Promise.all([
            (async () => {
              const names: string[] = [];
              for await (const page of paginateListRolePolicies(
                { client },
                { RoleName: roleName },
                { abortSignal }
              ))
                names.push(...(page.PolicyNames ?? []));
              return names;
            })(),
            (async () => {
              const arns: string[] = [];
              for await (const page of paginateListAttachedRolePolicies(
                { client },
                { RoleName: roleName },
                { abortSignal }
              ))
                arns.push(
                  ...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? '').filter(Boolean)
                );
              return arns;
            })(),
          ]);
          const inline = inlineNames.map(async (name): Promise<RolePolicyDocument> => {
            const out = await client.send(
              new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }),
              {
                abortSignal,
              }
            );
            return { name, kind: 'inline', document: decodePolicyDocument(out.PolicyDocument) };
          });
          const managed = managedArns
            .slice(0, MAX_MANAGED_POLICIES)
            .map(async (arn): Promise<RolePolicyDocument> => {
              const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }), {
                abortSignal,
              });
              const version = await client.send(
                new GetPolicyVersionCommand({
                  PolicyArn: arn,
                  VersionId: policy.Policy?.DefaultVersionId,
                }),
                { abortSignal }
              );
              return {
                name: arn,
                kind: 'managed',
                document: decodePolicyDocument(version.PolicyVersion?.Document),
              };
            });
          return Promise.all([...inline, ...managed]);
        },
        notFound
      );
    },
  };
}
