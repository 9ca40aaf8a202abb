using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Identity;

namespace Twinning.Infrastructure.Data;

internal sealed class OrganisationClaimConfiguration : IEntityTypeConfiguration<OrganisationClaim>
{
    public void Configure(EntityTypeBuilder<OrganisationClaim> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.NewOrganisationName).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(c => c.NewOrganisationKind).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(c => c.Function).HasMaxLength(OrganisationClaim.FunctionMaxLength).IsRequired();
        builder.Property(c => c.OfficialEmail).HasMaxLength(OrganisationClaim.EmailMaxLength);
        builder.Property(c => c.Evidence).HasMaxLength(OrganisationClaim.EvidenceMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DecidedByUserId).HasMaxLength(450);
        builder.Property(c => c.Reason).HasMaxLength(OrganisationClaim.ReasonMaxLength);
        builder.HasIndex(c => new { c.Status, c.CountryCode });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationOfficerConfiguration : IEntityTypeConfiguration<OrganisationOfficer>
{
    public void Configure(EntityTypeBuilder<OrganisationOfficer> builder)
    {
        builder.HasKey(o => new { o.OrganisationId, o.UserId });
        builder.Property(o => o.Function).HasMaxLength(OrganisationClaim.FunctionMaxLength);
        builder.HasIndex(o => o.UserId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Association.NameMaxLength).IsRequired();
        builder.Property(a => a.Countries)
            .HasCommaSeparatedConversion()
            .HasMaxLength(400);
    }
}

internal sealed class AssociationValidatorConfiguration : IEntityTypeConfiguration<AssociationValidator>
{
    public void Configure(EntityTypeBuilder<AssociationValidator> builder)
    {
        builder.HasKey(v => new { v.AssociationId, v.UserId });
        builder.HasIndex(v => v.UserId);
        builder.HasOne<Association>().WithMany().HasForeignKey(v => v.AssociationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // The actor is kept as an id only: the log outlives deleted accounts.
        builder.Property(a => a.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.HasIndex(a => new { a.CountryCode, a.Id });
    }
}
