using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twinning.Infrastructure.Identity;

namespace Twinning.Infrastructure.Data;

internal sealed class TwinningUserConfiguration : IEntityTypeConfiguration<TwinningUser>
{
    public void Configure(EntityTypeBuilder<TwinningUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TwinningUser.DisplayNameMaxLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(TwinningUser.CultureMaxLength);
    }
}
