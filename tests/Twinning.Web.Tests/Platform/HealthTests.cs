using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Platform;

public sealed class HealthTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_a_login(string path)
    {
        var client = factory.CreateBrowserlikeClient();

        var body = await client.GetPageAsync(path);

        Assert.Equal("Healthy", body);
    }
}
