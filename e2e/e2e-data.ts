import type { Asset } from '#core/asset';
import type { Organisation } from '#core/organisation';
import type { Person } from '#core/person';
import type { E2eServer } from './e2e-server.ts';

/** A small portfolio: two schools, a researcher, an invention and three families over three years. */
export async function createPortfolio(server: E2eServer) {
  const school = await server.api<Organisation>('POST', '/api/organisations', { kind: 'school', name: 'Télécom Paris', shortName: 'TP', city: 'Palaiseau' });
  const other = await server.api<Organisation>('POST', '/api/organisations', { kind: 'school', name: 'IMT Atlantique', shortName: 'IMTA', city: 'Brest' });
  const partner = await server.api<Organisation>('POST', '/api/organisations', { kind: 'company', companyCategory: 'pme', name: 'Nanogrid SAS', city: 'Grenoble' });
  const person = await server.api<Person>('POST', '/api/people', { firstName: 'Camille', lastName: 'Durand', employmentStatus: 'public_employee', email: 'camille.durand@e2e.valo' });
  const invention = await server.api<{ id: string }>('POST', '/api/inventions', {
    title: 'Capteur souple au graphène',
    status: 'protect',
    schoolId: school.id,
    disclosedOn: '2023-11-02',
    inventors: [{ personId: person.id, contribution: 100 }],
  });
  const family = await server.api<Asset>('POST', '/api/families', {
    title: 'Capteur de graphène',
    reference: 'TP-2024-001',
    status: 'active',
    schoolId: school.id,
    inventionId: invention.id,
    owners: [
      { organisationId: school.id, share: 60 },
      { organisationId: partner.id, share: 40 },
    ],
    applications: [
      { office: 'FR', applicationNumber: 'FR2401234', filingDate: '2024-03-15', publications: [{ number: 'FR3160001', kind: 'A1', date: '2025-09-19' }] },
    ],
  });
  await server.api('POST', '/api/families', {
    title: 'Antenne reconfigurable',
    reference: 'IMTA-2023-004',
    status: 'granted',
    schoolId: other.id,
    owners: [{ organisationId: other.id, share: 100 }],
    applications: [
      { office: 'FR', applicationNumber: 'FR2305678', filingDate: '2023-01-20', status: 'granted', publications: [{ number: 'FR3145678', kind: 'A1', date: '2024-07-26' }] },
      { office: 'EP', applicationNumber: 'EP24150001', filingDate: '2024-01-19', route: 'ep_direct', priorities: [{ country: 'FR', number: 'FR2305678', date: '2023-01-20' }] },
    ],
  });
  await server.api('POST', '/api/families', {
    title: 'Procédé de chiffrement léger',
    status: 'pending',
    schoolId: school.id,
    owners: [{ organisationId: school.id, share: 100 }],
    applications: [{ office: 'FR', applicationNumber: 'FR2509876', filingDate: '2025-02-03' }],
  });
  return { school, family };
}
