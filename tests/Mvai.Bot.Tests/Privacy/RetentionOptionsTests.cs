using Microsoft.Extensions.Options;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Privacy;

public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("Retention:Days", "0", "Days")]
    [InlineData("Retention:TranscriptDays", "-5", "TranscriptDays")]
    [InlineData("Retention:Interval", "00:00:00", "Retention:Interval must be positive")]
    public async Task ARetentionThatCannotWork_StopsTheAppAtStartUp_NamingTheSetting(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
