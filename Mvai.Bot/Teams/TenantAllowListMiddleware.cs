using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Teams;

/// <summary>
/// With <see cref="TeamsOptions.AllowedTenants"/> set, Teams activities from any other tenant stop here: a message
/// or an install gets one polite refusal, an invoke gets 403, and the bot never runs, so no state is written.
/// </summary>
internal sealed class TenantAllowListMiddleware(IOptions<TeamsOptions> options, ILogger<TenantAllowListMiddleware> logger) : IBotMiddleware
{
    private readonly HashSet<string> _allowed = new(options.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_allowed.Count == 0 || !activity.IsTeams() || IsProactive(turnContext) || activity.TenantId() is { } tenant && _allowed.Contains(tenant))
        {
            await next(cancellationToken);
            return;
        }
        TeamsLog.TenantRefused(logger, activity.Type, activity.TenantId());
        if (activity.IsType(ActivityTypes.Invoke))
        {
            await turnContext.SendInvokeResponseAsync(new InvokeResponse(403, new JsonObject
            {
                ["statusCode"] = 403,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new JsonObject { ["code"] = "Forbidden", ["message"] = TeamsMessages.TenantNotAllowed },
            }), cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Message) || IsInstall(activity))
        {
            await turnContext.SendActivityAsync(TeamsMessages.TenantNotAllowed, cancellationToken);
        }
    }

    /// <summary>
    /// The bot's own proactive turns (IChannelAdapter.ContinueConversationAsync) only reach conversations it already
    /// served. They carry no caller identity, so a channel cannot pass one off as such.
    /// </summary>
    private static bool IsProactive(ITurnContext turnContext) =>
        !turnContext.Identity.IsAuthenticated
        && turnContext.Activity.IsType(ActivityTypes.Event) && turnContext.Activity.Name == ActivityEventNames.ContinueConversation;

    private static bool IsInstall(Activity activity) =>
        activity.IsType(ActivityTypes.InstallationUpdate) && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase);
}
