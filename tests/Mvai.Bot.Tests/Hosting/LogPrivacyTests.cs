using Mvai.BotFramework.Builder;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task MessageTextAndNames_NeverReachTheLogs_EvenWhenATurnFails()
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            configure: builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Services.AddBotMiddleware(pipeline => pipeline.UseFirst(new FailOnTextMiddleware("Officer Jane Roe 555-0142 fail")));
            });
        var chat = new Conversation(host);

        await chat.SayAsync("Our victim Maria Doe, call me at 555-0199");
        await chat.SayAsync("Officer Jane Roe 555-0142 fail");

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Maria", StringComparison.Ordinal) || line.Contains("555-01", StringComparison.Ordinal)
            || line.Contains("Jane", StringComparison.Ordinal) || line.Contains("Chief Test", StringComparison.Ordinal));
    }
}
