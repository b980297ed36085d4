import type { Application, Asset } from '#core/asset';
import type { ApplicationRecord, AssetRecord } from './asset.repository.ts';

/** The answer for an asset, every field listed, so that a new column never leaks. */
export function presentAsset(record: AssetRecord): Asset {
  const { asset } = record;
  const filingDates = record.applications.map((application) => application.filingDate).sort();
  return {
    id: asset.id,
    kind: asset.kind,
    reference: asset.reference,
    title: asset.title,
    status: asset.status,
    schoolId: asset.schoolId,
    schoolName: record.schoolName,
    inventionId: asset.inventionId,
    familyId: asset.familyId,
    depositReference: asset.depositReference,
    depositDate: asset.depositDate,
    ownershipAgreementId: asset.ownershipAgreementId,
    owners: record.owners.map((owner) => ({
      organisationId: owner.organisationId,
      organisationName: owner.organisationName,
      share: owner.share,
    })),
    applications: record.applications.map(presentApplication),
    firstFilingDate: filingDates[0] ?? null,
    createdAt: asset.createdAt,
    updatedAt: asset.updatedAt,
  };
}

function presentApplication(application: ApplicationRecord): Application {
  return {
    id: application.id,
    office: application.office,
    applicationNumber: application.applicationNumber,
    filingDate: application.filingDate,
    route: application.route,
    status: application.status,
    grantNumber: application.grantNumber,
    grantDate: application.grantDate,
    priorities: application.priorities.map((claim) => ({ country: claim.country, number: claim.number, date: claim.date })),
    publications: application.publications.map((publication) => ({
      number: publication.number,
      kind: publication.kind,
      date: publication.date,
    })),
    statusHistory: application.statusHistory.map((event) => ({ status: event.status, date: event.date, note: event.note })),
  };
}
