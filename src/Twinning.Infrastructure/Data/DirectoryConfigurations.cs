using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Domain.Directory;

namespace Twinning.Infrastructure.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.SearchName).HasMaxLength(Organisation.NameMaxLength * 2).IsRequired();
        builder.Property(o => o.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(o => o.AdminCode).HasMaxLength(Organisation.AdminCodeMaxLength);
        builder.Property(o => o.Band).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(o => o.WorkingLanguages)
            .HasCommaSeparatedConversion()
            .HasMaxLength(200);
        builder.HasIndex(o => o.GeoNamesId).IsUnique();
        builder.HasIndex(o => o.CountryCode);
        builder.HasMany(o => o.Descriptions).WithOne().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Themes).WithOne().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Descriptions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationDescriptionConfiguration : IEntityTypeConfiguration<OrganisationDescription>
{
    public void Configure(EntityTypeBuilder<OrganisationDescription> builder)
    {
        builder.Property(d => d.Language).HasMaxLength(8).IsRequired();
        builder.Property(d => d.Text).HasMaxLength(OrganisationDescription.TextMaxLength).IsRequired();
        builder.HasIndex(d => new { d.OrganisationId, d.Language }).IsUnique();
    }
}

internal sealed class OrganisationThemeConfiguration : IEntityTypeConfiguration<OrganisationTheme>
{
    public void Configure(EntityTypeBuilder<OrganisationTheme> builder)
    {
        builder.HasKey(t => new { t.OrganisationId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(Theme.KeyMaxLength).IsRequired();
        builder.HasIndex(t => t.Key).IsUnique();
        builder.OwnsMany(t => t.Names, names =>
        {
            names.WithOwner().HasForeignKey(n => n.ThemeId);
            names.HasKey(n => new { n.ThemeId, n.Language });
            names.Property(n => n.Language).HasMaxLength(8);
            names.Property(n => n.Name).HasMaxLength(Theme.NameMaxLength).IsRequired();
            names.ToTable("ThemeNames");
        });
        builder.Navigation(t => t.Names).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TwinningLinkConfiguration : IEntityTypeConfiguration<TwinningLink>
{
    public void Configure(EntityTypeBuilder<TwinningLink> builder)
    {
        builder.Property(l => l.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => new { l.OrganisationAId, l.OrganisationBId }).IsUnique();
        builder.HasIndex(l => l.OrganisationBId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationAId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationBId).OnDelete(DeleteBehavior.Cascade);
    }
}
