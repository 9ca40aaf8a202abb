using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// The whole platform in memory, against its own fresh PostgreSQL database and a real SMTP server.
/// Only configuration differs from production; no service is replaced.
/// </summary>
public class TwinningFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("twinning-test-").FullName;

    public TestSmtpServer Smtp { get; } = new();

    /// <summary>Settings layered over appsettings.json; subclasses add their own.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Twinning"] = PostgresServer.Instance.CreateDatabase(),
        ["Database:DataDirectory"] = DataDirectory,
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["RateLimiting:Authentication:PermitLimit"] = "10000",
        ["RateLimiting:Messaging:PermitLimit"] = "10000",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // Loading 66,780 towns takes seconds; only the hosts that test the directory do it.
        ["Directory:ImportOnStartup"] = "false",
        // Notification e-mails (claim decisions among them) go out within a second, as tests wait for them.
        ["Notifications:MailerIntervalSeconds"] = "1",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = Settings;
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    /// <summary>This host's database, for a second instance on the same data.</summary>
    public string ConnectionString => Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetConnectionString("Twinning")!;

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A confirmed account, created directly (for tests about something other than registration).</summary>
    public async Task<TwinningUser> CreateUserAsync(string email, string culture = "en", params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TwinningUser>>();
        var user = new TwinningUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test " + email.Split('@')[0],
            PreferredCulture = culture,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Officer);
        foreach (var role in roles)
            await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A client whose cookie jar holds a session of the given account, with its second factor when it has one.</summary>
    public async Task<HttpClient> LoggedInClientAsync(string email, string? authenticatorKey = null)
    {
        var client = CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync("/en/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        if (authenticatorKey is not null)
        {
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();
            response = await client.SubmitFormAsync(response.Location(), new Dictionary<string, string> { ["Code"] = code }, action: "/en/account/loginwith2fa");
        }
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Location().Contains("/account/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>An account with two-factor on and a known authenticator key (returned), created directly.</summary>
    public async Task<string> CreateTwoFactorUserAsync(string email, params string[] roles)
    {
        var user = await CreateUserAsync(email, "en", roles);
        return await WithServiceAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<TwinningUser>>();
            var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("User vanished.");
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            return (await users.GetAuthenticatorKeyAsync(stored))!;
        });
    }

    /// <summary>A town added directly (for tests that do not need the whole imported directory), visible to search at once.</summary>
    public async Task<int> CreateTownAsync(string name, string countryCode, long population = 12_000, double latitude = 48.0, double longitude = 10.0)
    {
        var id = await WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<Twinning.Infrastructure.Data.TwinningDbContext>();
            var town = Twinning.Domain.Directory.Organisation.FromGeoNames(
                Random.Shared.Next(100_000_000, int.MaxValue), name, countryCode, null, population, latitude, longitude, true, DateTimeOffset.UtcNow);
            db.Organisations.Add(town);
            await db.SaveChangesAsync();
            return town.Id;
        });
        await Services.GetRequiredService<Twinning.Web.Features.Directory.DirectoryIndexLoader>().ReloadAsync();
        await Services.GetRequiredService<Twinning.Web.Features.Matching.MatchingIndexLoader>().ReloadAsync();
        return id;
    }

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans it eventually.
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A platform host with the whole shipped directory imported, as on a real first start.</summary>
public class DirectoryFactory : TwinningFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Directory:ImportOnStartup"] = "true";
            return settings;
        }
    }
}
