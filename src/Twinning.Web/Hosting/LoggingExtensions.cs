using Serilog;
using Serilog.Formatting.Compact;

namespace Twinning.Web.Hosting;

internal static class LoggingExtensions
{
    /// <summary>Serilog from configuration: readable console lines in development, compact JSON in production.</summary>
    public static void AddTwinningLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Environment.IsProduction();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (json)
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
