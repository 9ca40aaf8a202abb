using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Identity;

namespace Twinning.Infrastructure.Data;

/// <summary>The one context of the platform, for both providers (each has its own migrations assembly).</summary>
public class TwinningDbContext(DbContextOptions<TwinningDbContext> options)
    : IdentityDbContext<TwinningUser>(options), IDataProtectionKeyContext
{
    /// <summary>Shared by every app instance so that cookies and anti-forgery tokens work on all of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<TwinningLink> TwinningLinks => Set<TwinningLink>();

    public DbSet<OrganisationClaim> Claims => Set<OrganisationClaim>();

    public DbSet<OrganisationOfficer> Officers => Set<OrganisationOfficer>();

    public DbSet<Association> Associations => Set<Association>();

    public DbSet<AssociationValidator> AssociationValidators => Set<AssociationValidator>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TwinningDbContext).Assembly);
    }
}
