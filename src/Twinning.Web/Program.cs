using Twinning.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddTwinningLogging();
builder.AddTwinningData();
builder.AddTwinningIdentity();
builder.AddTwinningEmail();
builder.AddTwinningLocalization();
builder.AddTwinningSecurity();
builder.AddTwinningMvc();
builder.AddTwinningHealthChecks();
builder.AddTwinningDirectory();
builder.AddTwinningRequests();
builder.AddTwinningConversations();
builder.AddTwinningNotifications();
builder.AddTwinningMatching();

var app = builder.Build();
if (await app.RunTwinningCommandAsync(args))
    return;

app.UseTwinningPipeline();
app.MapTwinningRoutes();

await app.InitializeTwinningDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
