using System.Reflection;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Tests.Architecture;

/// <summary>Every [LoggerMessage] of the app and the Bot Framework layer, read by reflection, against <see cref="LogEventIds"/>.</summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Logging =
        [typeof(MvaiAssistantApp).Assembly, typeof(CloudAdapter).Assembly, typeof(ConversationState).Assembly, typeof(Knowledge.KnowledgeOptions).Assembly];

    private static List<(string Class, string Method, int Id)> Messages() =>
        [.. Logging.SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(found => found.attribute is not null)
            .Select(found => (found.method.DeclaringType!.FullName!, found.method.Name, found.attribute!.EventId))];

    [Fact]
    public void TheScan_FindsTheLoggingOfEveryLayer()
    {
        var classes = Messages().Select(message => message.Class).ToHashSet();

        Assert.Contains("Mvai.Bot.Handoff.HandoffLog", classes);
        Assert.Contains("Mvai.BotFramework.Hosting.HostingLog", classes);
        Assert.Contains("Mvai.BotFramework.DirectLine.DirectLineLog", classes);
    }

    [Fact]
    public void EveryLogClass_HasARange_AndEveryIdLiesInIt()
    {
        var outside = Messages()
            .Where(message => !LogEventIds.Ranges.TryGetValue(message.Class, out var range) || message.Id < range.First || message.Id > range.Last)
            .Select(message => $"{message.Class}.{message.Method} = {message.Id}")
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void NoTwoMessages_ShareAnId()
    {
        var shared = Messages()
            .GroupBy(message => message.Id)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(message => $"{message.Class}.{message.Method}"))}")
            .ToList();

        Assert.Empty(shared);
    }

    [Fact]
    public void NoTwoRanges_Overlap()
    {
        var ranges = LogEventIds.Ranges.OrderBy(entry => entry.Value.First).ToList();

        var overlapping = ranges.Zip(ranges.Skip(1))
            .Where(pair => pair.Second.Value.First <= pair.First.Value.Last)
            .Select(pair => $"{pair.First.Key} and {pair.Second.Key}")
            .ToList();

        Assert.Empty(overlapping);
        Assert.All(ranges, entry => Assert.True(entry.Value.First <= entry.Value.Last, entry.Key));
    }
}
