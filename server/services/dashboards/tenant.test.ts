/** The tenant read from OpenSearch's authinfo, and install request validation, as the route and CLI see them. */
import { describe, expect, it } from '@jest/globals';
import { parseInstallRequest } from '../../../common/saved_objects/install_types';
import { InvalidInputError } from '../../../common/validation';
import { tenantFromAuthInfo } from './tenant';

describe('tenantFromAuthInfo', () => {
  const tenants = { global_tenant: true, analytics: false, alice: true };
  it('names Private after the user, Global for an empty or absent tenant, custom tenants as named', () => {
    expect(
      tenantFromAuthInfo({ user_name: 'alice', user_requested_tenant: '__user__', tenants })
    ).toEqual({
      multitenancy: true,
      tenant: '__user__',
      label: 'Private (alice)',
      writable: ['Global', 'Private (alice)'],
      username: 'alice',
    });
    expect(
      tenantFromAuthInfo({ user_name: 'alice', user_requested_tenant: null, tenants }).label
    ).toBe('Global');
    expect(
      tenantFromAuthInfo({ user_name: 'alice', user_requested_tenant: 'analytics', tenants }).label
    ).toBe('analytics');
  });
  it('says there are no tenants when the security plugin lists none', () => {
    expect(tenantFromAuthInfo({ user_name: 'x' })).toMatchObject({ multitenancy: false });
  });
});

describe('parseInstallRequest', () => {
  it('accepts nothing, a selection and replacements', () => {
    expect(parseInstallRequest(undefined)).toEqual({});
    const ref = { type: 'visualization', id: 'pinpoint-top-campaigns' };
    expect(parseInstallRequest({ objects: [ref], replaceEdited: [ref] })).toEqual({
      objects: [ref],
      replaceEdited: [ref],
    });
  });
  it.each([
    [[], /must be an object/],
    [{ objects: 'all' }, /objects must be a list/],
    [{ objects: [{ type: 'search', id: 'x' }] }, /objects\[0\]\.type must be one of/],
    [{ objects: [{ type: 'dashboard', id: 'has_underscore' }] }, /objects\[0\]\.id must be/],
    [{ replaceEdited: [{ type: 'dashboard' }] }, /replaceEdited\[0\]\.id must be/],
    [{ overwrite: true }, /unknown field\(s\) overwrite/],
  ])('refuses %j', (body, message) => {
    expect(() => parseInstallRequest(body)).toThrow(InvalidInputError);
    expect(() => parseInstallRequest(body)).toThrow(message);
  });
});
