using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Moderation;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Identity;

namespace Twinning.Infrastructure.Data;

internal sealed class PartnerRequestConfiguration : IEntityTypeConfiguration<PartnerRequest>
{
    public void Configure(EntityTypeBuilder<PartnerRequest> builder)
    {
        builder.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.WantedCountries).HasCommaSeparatedConversion().HasMaxLength(400);
        builder.Property(r => r.WantedBands).HasCommaSeparatedConversion().HasMaxLength(200);
        builder.Property(r => r.Themes).HasCommaSeparatedConversion().HasMaxLength(400);
        builder.Property(r => r.WorkingLanguages).HasCommaSeparatedConversion().HasMaxLength(200);
        builder.Property(r => r.FundingCall).HasMaxLength(PartnerRequest.FundingCallMaxLength);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(450);
        builder.Property(r => r.RejectionReason).HasMaxLength(PartnerRequest.ReasonMaxLength);
        builder.Property(r => r.HiddenReason).HasMaxLength(PartnerRequest.ReasonMaxLength);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(r => r.IsHidden);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.IsEditable);
        builder.HasIndex(r => new { r.Status, r.CountryCode });
        builder.HasIndex(r => r.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.MatchedOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Texts).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Texts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RequestTextConfiguration : IEntityTypeConfiguration<RequestText>
{
    public void Configure(EntityTypeBuilder<RequestText> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(8).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(RequestText.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(RequestText.DescriptionMaxLength).IsRequired();
        builder.HasIndex(t => new { t.RequestId, t.Language }).IsUnique();
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.AnswerState).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => c.InitiatorOrganisationId);
        builder.HasIndex(c => c.RecipientOrganisationId);
        // One conversation per request and answering organisation (contacts, without a request, are not concerned: NULLs differ).
        builder.HasIndex(c => new { c.RequestId, c.InitiatorOrganisationId }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.InitiatorOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.RecipientOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.SenderUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength).IsRequired();
        builder.Property(m => m.HiddenReason).HasMaxLength(PartnerRequest.ReasonMaxLength);
        builder.Ignore(m => m.IsHidden);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
    }
}

internal sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> builder)
    {
        builder.HasKey(r => new { r.ConversationId, r.UserId });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.TextKey).HasMaxLength(Notification.KeyMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        // The values may contain commas (titles, names): JSON, not a comma list.
        builder.Property(n => n.Arguments)
            .HasConversion(
                values => JsonSerializer.Serialize(values, JsonSerializerOptions.Default),
                stored => JsonSerializer.Deserialize<string[]>(stored, JsonSerializerOptions.Default) ?? Array.Empty<string>(),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToArray()))
            .HasMaxLength(Notification.ArgumentsMaxLength);
        builder.Ignore(n => n.IsRead);
        builder.HasIndex(n => new { n.UserId, n.Id });
        builder.HasIndex(n => new { n.EmailedAt, n.EmailDueAt });
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.NameMaxLength).IsRequired();
        builder.Property(s => s.QueryJson).HasMaxLength(SavedSearch.QueryMaxLength).IsRequired();
        builder.Property(s => s.QueryString).HasMaxLength(SavedSearch.QueryMaxLength).IsRequired();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<TwinningUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentReportConfiguration : IEntityTypeConfiguration<ContentReport>
{
    public void Configure(EntityTypeBuilder<ContentReport> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ReporterUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(ContentReport.ReasonMaxLength).IsRequired();
        builder.Property(r => r.DecidedByUserId).HasMaxLength(450);
        builder.HasIndex(r => new { r.Status, r.Id });
    }
}
