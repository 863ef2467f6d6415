using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Builder;

/// <summary>Conveniences over <see cref="ITurnContext.SendActivitiesAsync"/>.</summary>
public static class TurnContextExtensions
{
    public static async Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var responses = await turnContext.SendActivitiesAsync([activity], cancellationToken);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(null);
    }

    public static Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Sets the answer an invoke activity gets in the HTTP response body.</summary>
    public static Task SendInvokeResponseAsync(this ITurnContext turnContext, InvokeResponse response, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(
            new Activity { Type = ActivityTypes.InvokeResponse, Value = System.Text.Json.JsonSerializer.SerializeToNode(response, ProtocolJson.Default.InvokeResponse) },
            cancellationToken);
}
