import type { EntityManager } from 'typeorm';
import { DirectoryUser } from '../../orgs/users/directory-user.entity.js';
import { System } from '../../orgs/systems/system.entity.js';

const FIRST_NAMES = ['Ava', 'Liam', 'Mia', 'Noah', 'Emma', 'Lucas', 'Sofia', 'Elias', 'Chloe', 'Mateo', 'Aisha', 'Kenji', 'Priya', 'Omar', 'Lena', 'Tomás', 'Ingrid', 'Yuki', 'Zoe', 'Felix'];
const LAST_NAMES = ['Garcia', 'Nguyen', 'Smith', 'Müller', 'Rossi', 'Kowalski', 'Haddad', 'Tanaka', 'Okafor', 'Larsen', 'Silva', 'Dubois', 'Patel', 'Novak', 'Jensen', 'Costa'];
const OPERATING_SYSTEMS = [
  { osFamily: 'windows', osVersion: '11 23H2' },
  { osFamily: 'windows', osVersion: '10 22H2' },
  { osFamily: 'macos', osVersion: '15.1' },
  { osFamily: 'macos', osVersion: '14.6' },
  { osFamily: 'linux', osVersion: 'Ubuntu 24.04' },
] as const;

const ascii = (value: string) => value.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();

/**
 * A believable directory for a demo org: users with mixed states, MFA and lockouts, and their
 * laptops. Deterministic, so that every demo looks the same.
 */
export async function seedDemoDirectory(manager: EntityManager, orgId: string, domain: string, size: { users: number; systems: number }, now: Date): Promise<void> {
  const day = 86_400_000;
  const users = Array.from({ length: size.users }, (_, index) => {
    const first = FIRST_NAMES[(index * 7) % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(index * 5 + 3) % LAST_NAMES.length]!;
    const username = `${ascii(first)}.${ascii(last)}${index >= FIRST_NAMES.length ? index : ''}`;
    const lockedOut = index % 17 === 5;
    return manager.create(DirectoryUser, {
      orgId,
      username,
      email: `${username}@${domain}`,
      firstName: first,
      lastName: last,
      state: index % 11 === 3 ? 'suspended' : index % 13 === 7 ? 'staged' : 'active',
      mfaEnrolled: index % 4 !== 1,
      lockedOut,
      lockedOutAt: lockedOut ? new Date(now.getTime() - (index % 5) * 3_600_000) : null,
      passwordExpiresAt: new Date(now.getTime() + ((index * 3) % 60) * day - 5 * day),
      createdAt: new Date(now.getTime() - ((index * 37) % 400) * day),
      lastLoginAt: index % 6 === 0 ? null : new Date(now.getTime() - ((index * 11) % 30) * day),
    });
  });
  await manager.save(users, { chunk: 200 });
  const systems = Array.from({ length: size.systems }, (_, index) => {
    const os = OPERATING_SYSTEMS[index % OPERATING_SYSTEMS.length]!;
    return manager.create(System, {
      orgId,
      hostname: `${domain.split('.')[0]}-${os.osFamily === 'macos' ? 'mac' : os.osFamily === 'windows' ? 'pc' : 'srv'}-${String(index + 1).padStart(3, '0')}`,
      ...os,
      agentVersion: index % 9 === 0 ? '2.14.0' : '2.15.1',
      active: index % 10 !== 4,
      lastContactAt: new Date(now.getTime() - ((index * 13) % 72) * 3_600_000),
    });
  });
  await manager.save(systems, { chunk: 200 });
}
