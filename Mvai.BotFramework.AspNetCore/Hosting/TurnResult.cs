using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Hosting;

/// <summary>What the HTTP side of a turn answers: a status and, for invokes and expectReplies, a body.</summary>
public sealed record TurnResult(int Status, object? Body = null)
{
    public static TurnResult Ok { get; } = new(200);

    /// <summary>The answer to a repeated activity id: accepted, not processed again.</summary>
    public static TurnResult Duplicate { get; } = new(200);

    public static TurnResult ForExpectReplies(IList<Activity> activities, InvokeResponse? invoke) =>
        new(invoke?.Status ?? 200, new ExpectedReplies(activities) { Body = invoke?.Body });

    public static TurnResult ForInvoke(InvokeResponse? invoke) =>
        invoke is null ? new TurnResult(501) : new TurnResult(invoke.Status, invoke.Body);
}
