using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Moderation;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
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

    public DbSet<PartnerRequest> Requests => Set<PartnerRequest>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<ContentReport> Reports => Set<ContentReport>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TwinningDbContext).Assembly);
    }
}
