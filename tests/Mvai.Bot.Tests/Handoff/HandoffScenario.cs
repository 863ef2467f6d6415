using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>
/// The real app at a chosen moment with chosen advisor hours, and a stand-in channel that receives what is sent
/// outside a user's turn (advisor replies, "an advisor has joined").
/// </summary>
internal sealed class HandoffScenario : IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 10:00 in New York: inside weekday hours.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Saturday 28 November 2026, 2:00 in New York: the desk is closed.</summary>
    public static readonly DateTimeOffset SaturdayNight = new(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

    private HandoffScenario(BotTestHost host, ChannelConnectorServer channel, ManualClock clock)
    {
        Host = host;
        Channel = channel;
        Clock = clock;
    }

    public BotTestHost Host { get; }
    public ChannelConnectorServer Channel { get; }
    public ManualClock Clock { get; }
    public IHandoffStore Store => Host.Services.GetRequiredService<IHandoffStore>();
    public AdvisorDesk Desk => Host.Services.GetRequiredService<AdvisorDesk>();

    /// <summary>Weekday hours, 08:00-18:00 New York time, with a default on-call contact.</summary>
    public static Dictionary<string, string?> WeekdayHours(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(DeskHours.Closed)
        {
            ["Handoff:Hours:Weekly:Monday"] = "08:00-18:00",
            ["Handoff:Hours:Weekly:Tuesday"] = "08:00-18:00",
            ["Handoff:Hours:Weekly:Wednesday"] = "08:00-18:00",
            ["Handoff:Hours:Weekly:Thursday"] = "08:00-18:00",
            ["Handoff:Hours:Weekly:Friday"] = "08:00-18:00",
            ["Handoff:Hours:DefaultOnCall:Name"] = "Duty Advisor",
            ["Handoff:Hours:DefaultOnCall:Email"] = "duty@mvai.example",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The scenario on a given storage (SQLite file or PostgreSQL database).</summary>
    public static async Task<HandoffScenario> StartAsync(TestStorage storage, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var clock = new ManualClock { Now = now };
        var channel = await ChannelConnectorServer.StartAsync();
        var host = await storage.StartHostAsync(settings ?? WeekdayHours(), builder => builder.Services.AddSingleton<TimeProvider>(clock));
        return new HandoffScenario(host, channel, clock);
    }

    public static async Task<HandoffScenario> StartAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        var clock = new ManualClock { Now = now };
        var channel = await ChannelConnectorServer.StartAsync();
        var host = await BotTestHost.StartAsync(settings ?? WeekdayHours(), databasePath,
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        return new HandoffScenario(host, channel, clock);
    }

    /// <summary>A user whose later messages (from advisors) arrive at <see cref="Channel"/>.</summary>
    public Conversation NewChat(string userId = "user-1") => new(Host, "test", null, userId, Channel.ServiceUrl);

    public async Task<HandoffCase> OpenCaseAsync(Conversation chat) =>
        await Store.FindOpenAsync("test", chat.Id, default) ?? throw new Xunit.Sdk.XunitException($"No open handoff for {chat.Id}.");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
