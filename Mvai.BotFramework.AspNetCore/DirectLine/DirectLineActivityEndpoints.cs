using System.Security.Claims;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// <c>POST /conversations/{id}/activities</c>: stamps the user's activity, appends it to the log (the echo
/// Web Chat waits for), runs the turn and answers <c>{id}</c> once the bot is done.
/// <c>GET</c> on the same path pages through the log by watermark. Uploads are not supported (501).
/// </summary>
internal static class DirectLineActivityEndpoints
{
    public static async Task PostAsync(
        HttpContext http, string conversationId, DirectLineAuthorizer authorizer, IActivityLog log, ActivityNotifier notifier,
        DirectLineChannel channel, CloudAdapter adapter, IOptions<BotHostingOptions> hosting, IHostApplicationLifetime lifetime,
        TimeProvider clock)
    {
        var caller = await DirectLineConversationEndpoints.ScopedCallerAsync(http, conversationId, authorizer, log);
        if (caller is null)
        {
            return;
        }
        var (ok, activity) = await DirectLineHttp.ReadJsonAsync(http, ProtocolJson.Default.Activity, hosting.Value.MaxActivityBytes);
        if (!ok)
        {
            return;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            await DirectLineHttp.ErrorAsync(http, 400, "MissingType", "The body must be an activity with a 'type'.");
            return;
        }
        activity.From ??= new ChannelAccount();
        activity.From.Id = caller.Token?.UserId ?? activity.From.Id;
        if (string.IsNullOrWhiteSpace(activity.From.Id))
        {
            await DirectLineHttp.ErrorAsync(http, 400, "MissingFrom", "The activity needs 'from.id'.");
            return;
        }
        // Whatever the client claims, what it posts comes from the user: a "bot" role would pass it off as the bot's.
        activity.From.Role = RoleTypes.User;
        activity.Timestamp = clock.GetUtcNow();
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.ServiceUrl = channel.ServiceUrl;
        activity.Recipient = channel.Bot;
        activity.ChannelId = Channels.Directline;

        if (activity.IsType(ActivityTypes.Typing))
        {
            activity.Id = $"{conversationId}|typing-{Guid.NewGuid():N}";
            notifier.Publish(conversationId, activity);
        }
        else
        {
            await log.AppendAsync(conversationId, activity, http.RequestAborted);
            notifier.Publish(conversationId, transient: null);
        }

        var identity = new ClaimsIdentity([new Claim("directline:conversation", conversationId)], "DirectLine");
        // The turn finishes even if the client hangs up: its replies still belong in the log.
        await adapter.ProcessActivityAsync(activity, identity, channel, lifetime.ApplicationStopping);
        await http.Response.WriteAsJsonAsync(new ResourceResponse(activity.Id), ProtocolJson.Default.ResourceResponse, cancellationToken: http.RequestAborted);
    }

    public static async Task GetAsync(
        HttpContext http, string conversationId, DirectLineAuthorizer authorizer, IActivityLog log, IOptions<DirectLineOptions> options)
    {
        if (await DirectLineConversationEndpoints.ScopedCallerAsync(http, conversationId, authorizer, log) is null)
        {
            return;
        }
        if (!ActivityIds.TryParseWatermark(http.Request.Query["watermark"], out var watermark))
        {
            await DirectLineHttp.ErrorAsync(http, 400, "BadArgument", "The watermark is not valid.");
            return;
        }
        var page = await log.ReadAsync(conversationId, watermark, options.Value.MaxActivitiesPerRead, http.RequestAborted);
        await http.Response.WriteAsJsonAsync(
            new ActivitySet(page.Activities, ActivityIds.FormatWatermark(page.Watermark)),
            DirectLineJson.Default.ActivitySet,
            cancellationToken: http.RequestAborted);
    }

    public static async Task UploadAsync(HttpContext http, string conversationId, DirectLineAuthorizer authorizer, IActivityLog log)
    {
        if (await DirectLineConversationEndpoints.ScopedCallerAsync(http, conversationId, authorizer, log) is null)
        {
            return;
        }
        await DirectLineHttp.ErrorAsync(http, 501, "NotImplemented", "File uploads are not supported by this Direct Line; send text instead.");
    }
}
