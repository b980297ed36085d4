import { describe, expect, it } from 'vitest';
import { EP_PUBLICATION, namesIn, readFixture } from './reader.fixtures.ts';

async function readOne(file: string) {
  const { records, errors } = await readFixture(`${EP_PUBLICATION}${file}`);
  expect(errors).toEqual([]);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record) throw new Error('no record');
  return record;
}

describe('EP publication server XML (ep-patent-document)', () => {
  it.each([
    ['application/v1-0-A1-1.xml', '1605745', 'A1', '2005-12-21', '04715346.5', '2004-02-27', { country: 'FR', number: '0303587', date: '2003-03-24' }],
    ['application/v1-0-A2-1.xml', '1605748', 'A2', '2005-12-21', '04718673.9', '2004-03-09', { country: 'FR', number: '0303442', date: '2003-03-17' }],
    ['application/v1-4-A1-2.xml', '2139305', 'A1', '2009-12-30', '09305478.1', '2009-05-26', { country: 'FR', number: '0854142', date: '2008-06-23' }],
    ['grant/v1-3-B1-2.xml', '0874348', 'B1', '2008-12-31', '98400796.3', '1998-04-03', { country: 'FR', number: '9705165', date: '1997-04-25' }],
    ['grant/v1-5-B2-1.xml', '1011858', 'B2', '2020-12-16', '98942751.3', '1998-08-18', { country: 'FR', number: '9710535', date: '1997-08-21' }],
    ['grant/v1-5-1-B1-2.xml', '2147172', 'B1', '2023-01-04', '08787967.2', '2008-04-16', { country: 'FR', number: '0702912', date: '2007-04-20' }],
  ])('reads %s: publication, application and priority', async (file, number, kind, published, application, filed, priority) => {
    const record = await readOne(file);
    expect(record).toMatchObject({
      source: 'ep-publication',
      country: 'EP',
      number,
      kind,
      publicationDate: published,
      applicationNumber: application,
      filingDate: filed,
      familyId: null,
      priorities: [priority],
    });
    expect(record.titles.map((title) => title.lang)).toEqual(['de', 'en', 'fr']);
  });

  it('reads the applicants of an application with their residence (DTD 1.4, CEA and Sofileta)', async () => {
    const record = await readOne('application/v1-4-A1-2.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([
      [1, "Commissariat à l'Energie Atomique", 'FR'],
      [2, 'Sofileta', 'FR'],
    ]);
    expect(namesIn(record.inventors, 'original')).toEqual([
      [1, 'Bablet, Jacqueline', 'FR'],
      [2, 'Benwadih, Mohamed', 'FR'],
    ]);
    expect(record.titles).toContainEqual({ lang: 'fr', text: "Procédé d'élimination de défaut de gravure d'une couche métallique déposée sur un support souple" });
    expect(record.classifications).toEqual([
      { scheme: 'IPC', code: 'H05K 3/26' },
      { scheme: 'IPC', code: 'H05K 3/02' },
      { scheme: 'IPC', code: 'B08B 3/02' },
      { scheme: 'IPC', code: 'B41M 7/00' },
    ]);
  });

  it('reads an inventor who is also the applicant, in a bulletin-only record (DTD 1.0, leading space)', async () => {
    const record = await readOne('application/v1-0-A1-1.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([[1, 'Cuadrado, Jean-Claude', 'FR']]);
    expect(namesIn(record.inventors, 'original')).toEqual([[1, 'Cuadrado, Jean-Claude', 'FR']]);
    expect(record.classifications).toEqual([{ scheme: 'IPC', code: 'A01B 45/00' }]);
  });

  it('reads an inventor resident abroad (A2, KUHN S.A.)', async () => {
    const record = await readOne('application/v1-0-A2-1.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([[1, 'KUHN S.A.', 'FR']]);
    expect(namesIn(record.inventors, 'original')).toEqual([[1, 'GEISER, Jens', 'DE']]);
  });

  it('takes the proprietors of a B2 as its applicants, not the opponent (ARKEMA, IFP Energies nouvelles)', async () => {
    const record = await readOne('grant/v1-5-B2-1.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([
      [1, 'ARKEMA FRANCE', 'FR'],
      [2, 'IFP Energies nouvelles', 'FR'],
    ]);
    expect(namesIn(record.inventors, 'original')).toEqual([
      [1, 'PLEE, Dominique', 'FR'],
      [2, 'METHIVIER, Alain', 'FR'],
    ]);
    expect(record.titles).toContainEqual({
      lang: 'en',
      text: 'AGGLOMERATED ZEOLITE ADSORBENTS, METHOD FOR OBTAINING THEM AND USE FOR ADSORBING PARAXYLENE FROM AROMATIC C8 CUT FRACTIONS',
    });
  });

  it('reads a B1 in English with three inventors (DTD 1.3, Thomson Licensing)', async () => {
    const record = await readOne('grant/v1-3-B1-2.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([[1, 'Thomson Licensing, S.A.', 'FR']]);
    expect(record.inventors.map((inventor) => inventor.name)).toEqual(['Doyen, Didier', 'Chevet, Jean-Claude', 'Viellard, Thierry']);
    expect(record.classifications).toEqual([{ scheme: 'IPC', code: 'G09G 3/28' }]);
  });

  it('reads IPC and CPC symbols of a recent B1 (DTD 1.5.1, Normalu)', async () => {
    const record = await readOne('grant/v1-5-1-B1-2.xml');
    expect(namesIn(record.applicants, 'original')).toEqual([[1, 'Normalu', 'FR']]);
    expect(namesIn(record.inventors, 'original')).toEqual([[1, 'MEYER, Yves', 'FR']]);
    expect(record.classifications).toEqual([
      { scheme: 'IPC', code: 'E04B 9/30' },
      { scheme: 'CPC', code: 'E04B 9/303' },
    ]);
    expect(record.titles).toContainEqual({ lang: 'fr', text: 'LISSE POUR FAUSSE-PAROI A TOILE TENDUE' });
  });
});
