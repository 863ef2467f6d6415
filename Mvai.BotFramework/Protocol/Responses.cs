using System.Text.Json.Nodes;

namespace Mvai.BotFramework.Protocol;

/// <summary>The id a channel gives an activity the bot sent.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of the HTTP answer to an invoke activity.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null);

/// <summary>The body of the HTTP answer to an activity sent with <c>deliveryMode: expectReplies</c>.</summary>
public sealed record ExpectedReplies(IList<Activity> Activities)
{
    /// <summary>For an invoke sent with expectReplies: the invoke's own response body.</summary>
    public JsonNode? Body { get; init; }
}
