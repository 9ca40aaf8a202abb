using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Platform;

public sealed class FirstAdminTests(FirstAdminTests.AdminFactory factory) : IClassFixture<FirstAdminTests.AdminFactory>
{
    [Fact]
    public async Task The_first_admin_comes_from_configuration_with_a_confirmed_address()
    {
        var (isAdmin, confirmed) = await factory.WithServiceAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<TwinningUser>>();
            var admin = await users.FindByEmailAsync(AdminFactory.Email) ?? throw new InvalidOperationException("No admin.");
            return (await users.IsInRoleAsync(admin, Roles.Admin), admin.EmailConfirmed);
        });

        Assert.True(isAdmin);
        Assert.True(confirmed);
    }

    [Fact]
    public async Task Restarting_does_not_create_the_admin_twice()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Twinning.Web.Security.IdentitySeeder>().SeedAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<TwinningUser>>();
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
    }

    public sealed class AdminFactory : TwinningFactory
    {
        public const string Email = "platform@cemr.example";

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Admin:Email"] = Email;
                settings["Admin:Password"] = "a long admin passphrase";
                return settings;
            }
        }
    }
}
