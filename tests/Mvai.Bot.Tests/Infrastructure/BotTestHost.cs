using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// The real assistant on Kestrel, on a free loopback port, with its own SQLite file (or a PostgreSQL database,
/// <see cref="StartOnPostgresAsync"/>). Starting a second host on the same <see cref="DatabasePath"/> is an app restart.
/// </summary>
public sealed class BotTestHost : IBotEndpoint, IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public string DatabasePath { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host. Settings override appsettings.json (e.g. <c>MicrosoftAppId</c>).</summary>
    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, string? databasePath = null, Action<WebApplicationBuilder>? configure = null)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");
        var app = MvaiAssistantApp.Build(
            ["--urls", "http://127.0.0.1:0", "--contentRoot", RepositoryPaths.BotProject],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = $"Data Source={databasePath}",
                    ["Logging:LogLevel:Default"] = "Warning",
                    // Tests run in local development mode on loopback: no demo advisor unless a test asks for it.
                    ["Desk:DemoAdvisor"] = "false",
                });
                // Tests must not depend on the hour they run at: the advisor desk is closed unless a test opens it.
                builder.Configuration.AddInMemoryCollection(DeskHours.Closed);
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        return new BotTestHost(app, databasePath);
    }

    /// <summary>
    /// Starts a host on PostgreSQL (e.g. a <c>PostgresTestDatabase</c>'s connection string). A second host on the
    /// same database is a second app instance behind the same load balancer.
    /// </summary>
    public static Task<BotTestHost> StartOnPostgresAsync(
        string connectionString, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
        };
        return StartAsync(merged, databasePath: null, configure);
    }

    /// <summary>Posts an activity to /api/messages and returns the raw response.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(ProtocolJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return Client.SendAsync(request);
    }

    /// <summary>Sends with <c>deliveryMode: expectReplies</c> and returns what the bot said this turn.</summary>
    public async Task<IList<Activity>> ExpectRepliesAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies);
        return body!.Activities;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
