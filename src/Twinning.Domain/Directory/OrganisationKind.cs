namespace Twinning.Domain.Directory;

/// <summary>What an organisation on the platform is. Towns come from GeoNames; the others are created by users and verified.</summary>
public enum OrganisationKind
{
    Municipality = 0,
    CountyOrDepartment = 1,
    Region = 2,
    AssociationOfLocalGovernments = 3,
    CivilSocietyOrganisation = 4,
    Cemr = 5,
}
