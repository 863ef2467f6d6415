using System.Reflection;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Architecture;

/// <summary>Every options class is bound, validated and checked at start-up: a setting that cannot work stops the app, naming itself.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("WebChat:TokensPerMinute", "0", "WebChat:TokensPerMinute")]
    [InlineData("WebChat:DirectLineTimeout", "-00:00:01", "WebChat:DirectLineTimeout")]
    [InlineData("Intake:Prefill:ModelTimeout", "00:00:00", "Intake:Prefill:ModelTimeout")]
    [InlineData("Teams:AllowedTenants:0", " ", "Teams:AllowedTenants")]
    [InlineData("Handoff:TranscriptLength", "0", "TranscriptLength")]
    [InlineData("Handoff:WatchInterval", "00:00:00", "Handoff:WatchInterval")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("DirectLine:NotificationChannel", "x; DROP TABLE requests", "NotificationChannel")]
    [InlineData("DirectLine:ActivitiesPerMinute", "0", "ActivitiesPerMinute")]
    [InlineData("DirectLine:TokenLifetime", "00:00:00", "DirectLine:TokenLifetime")]
    [InlineData("BotHosting:MaxActivityBytes", "0", "BotHosting:MaxActivityBytes")]
    [InlineData("BotAuthentication:ClockSkew", "-00:01:00", "BotAuthentication:ClockSkew")]
    [InlineData("WarmUp:Duration", "00:05:00", "WarmUp:Duration")]
    [InlineData("WarmUp:Conversations", "0", "WarmUp:Conversations")]
    public async Task ASettingThatCannotWork_StopsTheAppAtStartUp_NamingTheSetting(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            BotTestHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        // Options read while another is configured (Web Chat's origins join Direct Line's) fail inside that one's start.
        var validation = Assert.Single(Chain(failure).OfType<OptionsValidationException>());
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryOptionsClassOfTheAppAndTheLayer_HasAValidator()
    {
        await using var host = await BotTestHost.StartAsync();
        var optionsClasses = new[] { typeof(MvaiAssistantApp).Assembly, typeof(CloudAdapter).Assembly, typeof(StorageOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.Name.EndsWith("Options", StringComparison.Ordinal)
                && type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToList();

        var unvalidated = optionsClasses
            .Where(type => !host.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type)).Any())
            .Select(type => type.FullName)
            .ToList();

        Assert.True(optionsClasses.Count >= 12, $"only {optionsClasses.Count} options classes found");
        Assert.Empty(unvalidated);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
