import type { AgreementStatus, AgreementType, PartyRole } from '#core/agreement';
import type { ApplicationStatus, AssetKind, AssetStatus, FilingRoute } from '#core/asset';
import type { InventionStatus } from '#core/invention';
import type { CompanyCategory, OrganisationKind } from '#core/organisation';
import type { EmploymentStatus } from '#core/person';
import type { StartupStage } from '#core/startup';
import type { Role } from '#core/user';

type Labels<Prefix extends string, Value extends string> = Record<`${Prefix}.${Value}`, string>;

/** Every value of every API enumeration needs a label in each language: the compiler checks the dictionaries against core. */
export type EnumMessages = Labels<'organisationKind', OrganisationKind> &
  Labels<'companyCategory', CompanyCategory> &
  Labels<'employmentStatus', EmploymentStatus> &
  Labels<'inventionStatus', InventionStatus> &
  Labels<'assetKind', AssetKind> &
  Labels<'assetStatus', AssetStatus> &
  Labels<'applicationStatus', ApplicationStatus> &
  Labels<'filingRoute', FilingRoute> &
  Labels<'agreementType', AgreementType> &
  Labels<'agreementStatus', AgreementStatus> &
  Labels<'partyRole', PartyRole> &
  Labels<'startupStage', StartupStage> &
  Labels<'role', Role>;
