using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Platform;

public sealed class ErrorPageTests(ErrorPageTests.FailingFactory factory) : IClassFixture<ErrorPageTests.FailingFactory>
{
    [Fact]
    public async Task A_missing_page_is_a_404_in_the_readers_language()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/el/no-such-page/here");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"el\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/fr/no-such-page/here\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_shows_a_localized_page_and_no_detail_of_the_exception()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/bg/boom");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<html lang=\"bg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingFactory.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("StackTrace", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", html.Replace("data-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>The real app plus one path that throws, appended at the end of its pipeline.</summary>
    public sealed class FailingFactory : TwinningFactory
    {
        public const string Secret = "connection-string-password-42";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingStartupFilter>());
        }

        private sealed class ThrowingStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate nextDelegate) =>
                    context.Request.Path.Value!.EndsWith("/boom", StringComparison.Ordinal)
                        ? throw new InvalidOperationException(Secret)
                        : nextDelegate(context));
            };
        }
    }
}
