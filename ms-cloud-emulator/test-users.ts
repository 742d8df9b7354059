/** The tenant id of every personal Microsoft account (`tid` / `utid`). */
export const PERSONAL_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** The password of every test user. */
export const TEST_USER_PASSWORD = 'password';

/** A fixed personal-account test user. */
export interface TestUser {
  /** Sign-in name, `preferred_username`, Graph `userPrincipalName` and `mail`. */
  email: string;
  displayName: string;
  givenName: string;
  surname: string;
  /** Object id (`oid` claim, `uid` in client_info); personal accounts' shape. */
  oid: string;
}

/** Test users shown on the sign-in page. Fixed ids so data dirs stay valid across versions. */
export const TEST_USERS: readonly TestUser[] = [
  { email: 'alice@example.com', displayName: 'Alice Example', givenName: 'Alice', surname: 'Example', oid: '00000000-0000-0000-a11c-e00000000001' },
  { email: 'bob@example.com', displayName: 'Bob Example', givenName: 'Bob', surname: 'Example', oid: '00000000-0000-0000-b0b0-000000000002' },
  { email: 'carol@example.com', displayName: 'Carol Example', givenName: 'Carol', surname: 'Example', oid: '00000000-0000-0000-ca20-100000000003' },
];

/** The user with this email (case-insensitive), if any. */
export function findUserByEmail(email: string): TestUser | undefined {
  const wanted = email.trim().toLowerCase();
  return TEST_USERS.find((user) => user.email === wanted);
}

/** The user with this object id, if any. */
export function findUserByOid(oid: string): TestUser | undefined {
  return TEST_USERS.find((user) => user.oid === oid);
}

/**
 * Graph's id of a personal account: the last 16 hex digits of the oid (how personal-account
 * oids and Graph ids relate).
 */
export function graphUserId(user: TestUser): string {
  return user.oid.replaceAll('-', '').slice(-16);
}

/** The id of the user's OneDrive (Graph user id, upper case, as personal drive ids look). */
export function driveIdOf(user: TestUser): string {
  return graphUserId(user).toUpperCase();
}
