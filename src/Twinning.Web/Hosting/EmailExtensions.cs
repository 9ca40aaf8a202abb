using Microsoft.Extensions.Options;
using Twinning.Infrastructure.Email;
using Twinning.Web.Email;
using Twinning.Web.Features.Account;

namespace Twinning.Web.Hosting;

internal static class EmailExtensions
{
    public static void AddTwinningEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.SectionName));
        builder.Services.AddSingleton(sp => new EmailPickupDirectory(Path.GetFullPath(
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory,
            sp.GetRequiredService<DataDirectory>().Path)));
        builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
        builder.Services.AddScoped<EmailComposer>();
        builder.Services.AddScoped<AccountEmails>();
    }
}
