using System.Net;
using System.Security.Cryptography;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Desk.QuickStart;

/// <summary>
/// The quick start's advisor: in local development mode (no <c>MicrosoftAppId</c>, every configured URL on loopback,
/// no advisor accounts and no Entra ID) a <c>demo</c> account with a fresh random password is added and printed at
/// start-up, with two fictional peer advisors when the roster is empty, so a newcomer can open <c>/advisor</c>, watch a
/// request and a handoff arrive, and reply. A deployed app has an app id and listens beyond loopback: it never has it.
/// </summary>
internal static class DemoAdvisor
{
    public const string Id = "demo";
    public const string DisplayName = "Demo Advisor";

    public static bool Applies(IConfiguration configuration)
    {
        var console = configuration.GetSection(AdvisorConsoleOptions.SectionName);
        return configuration.GetValue($"{DeskOptions.SectionName}:{nameof(DeskOptions.DemoAdvisor)}", true)
            && string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
            && !console.GetSection(nameof(AdvisorConsoleOptions.Accounts)).GetChildren().Any()
            && string.IsNullOrWhiteSpace(console[$"{nameof(AdvisorConsoleOptions.Entra)}:{nameof(AdvisorEntraOptions.TenantId)}"])
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()
            && OnlyLoopback(configuration["urls"]);
    }

    public static void Add(IServiceCollection services)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        services.PostConfigure<AdvisorConsoleOptions>(o => o.Accounts.Add(new AdvisorAccount
        {
            Id = Id,
            DisplayName = DisplayName,
            SecretHash = AdvisorSecretHash.Create(secret, AdvisorSecretHash.MinimumIterations),
        }));
        services.PostConfigure<DeskOptions>(o =>
        {
            if (o.PeerAdvisors.Count == 0)
            {
                o.PeerAdvisors.AddRange(FictionalRoster());
            }
        });
        services.AddHostedService(sp => new DemoAdvisorAnnouncement(secret, sp));
    }

    private static bool OnlyLoopback(string? urls) =>
        (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
            Uri.TryCreate(url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));

    private static IEnumerable<PeerAdvisor> FictionalRoster() =>
    [
        new() { Id = "demo-peer-1", Name = "Chief Dana Example", Role = "Chief of Police (retired)", Agency = "Example City Police Department",
            Email = "dana.example@example.org", State = "CO", Incidents = ["school", "shooting"], Topics = ["media", "families", "wellness"] },
        new() { Id = "demo-peer-2", Name = "Sheriff Lee Sample", Role = "Sheriff", Agency = "Sample County Sheriff's Office",
            Phone = "(555) 010-0199", State = "FL", Incidents = ["mass-gathering", "shooting"], Topics = ["partners", "recovery"] },
    ];

    /// <summary>Prints the account once the app listens: on the console, not in the logs, which may be collected.</summary>
    private sealed class DemoAdvisorAnnouncement(string secret, IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStarted.Register(() =>
            {
                DeskLog.DemoAdvisorOffered(services.GetRequiredService<ILogger<DemoAdvisorAnnouncement>>());
                var urls = services.GetRequiredService<IConfiguration>()["urls"] ?? "http://localhost:5000";
                Console.Out.WriteLine($"""

                    Advisor console (local development only): {urls.Split(';')[0].TrimEnd('/')}/advisor
                      sign in as '{Id}' with the password '{secret}' (new at every start)

                    """);
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
