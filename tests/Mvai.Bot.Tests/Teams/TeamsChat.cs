using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>
/// A Teams conversation built from the Agents Playground's captured activities (personal chat or team
/// channel), so what the bot gets is exactly what Teams-shaped clients send, with fresh ids per activity.
/// </summary>
public sealed class TeamsChat(BotTestHost host, bool inChannel = false, string? serviceUrl = null, string? tenantId = null)
{
    public const string BotId = "00000000-0000-0000-0000-00000000000011";
    public const string CaptureTenantId = "00000000-0000-0000-0000-0000000000001";

    public string ConversationId { get; } = inChannel ? $"team-id;messageid={Random.Shared.NextInt64()}" : Guid.NewGuid().ToString();

    /// <summary>A captured activity readdressed to this conversation (and connector, and tenant) with a new id.</summary>
    public Activity FromCapture(string file)
    {
        var body = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("captures", "teams-playground", file)))!["body"]!;
        var activity = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(body.ToJsonString()))!;
        activity.Id = Guid.NewGuid().ToString();
        activity.Conversation!.Id = ConversationId;
        activity.ServiceUrl = serviceUrl ?? activity.ServiceUrl;
        if (tenantId is not null)
        {
            activity.Conversation.TenantId = tenantId;
            activity.ChannelData!["tenant"] = new JsonObject { ["id"] = tenantId };
        }
        return activity;
    }

    /// <summary>A message as the Playground sends it: personal (capture 03) or a channel post that @mentions the bot (capture 06).</summary>
    public Activity Message(string text)
    {
        var activity = FromCapture(inChannel ? "06-message-channel-mention.json" : "03-message-personal.json");
        activity.Text = inChannel ? "<at>Test Bot</at> " + text : text;
        return activity;
    }

    public Task<IList<Activity>> SayAsync(string text) => host.ExpectRepliesAsync(Message(text));

    public Task<IList<Activity>> SendAsync(Activity activity) => host.ExpectRepliesAsync(activity);

    /// <summary>Installing the app: the Playground sends installationUpdate (add), then conversationUpdate.</summary>
    public async Task<IList<Activity>> InstallAsync()
    {
        var replies = new List<Activity>();
        replies.AddRange(await SendAsync(FromCapture("01-installationUpdate.json")));
        replies.AddRange(await SendAsync(ConversationUpdate()));
        return replies;
    }

    public Activity Installation(string action)
    {
        var activity = FromCapture("01-installationUpdate.json");
        activity.Action = action;
        return activity;
    }

    public Activity ConversationUpdate()
    {
        var activity = FromCapture("02-conversationUpdate.json");
        if (inChannel)
        {
            activity.Conversation!.ConversationType = "channel";
            activity.Conversation.IsGroup = true;
        }
        return activity;
    }
}
