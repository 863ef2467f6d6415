using System.Net;
using System.Text.Json;
using Mvai.Bot.Assistant;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.DirectLine;

public abstract class DirectLineActivityTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    [Fact]
    public async Task PostedMessage_IsEchoedWithAServerId_ThenTheReplyFollows_PagedByWatermark()
    {
        await using var host = await Storage.StartHostAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync(userId: "user-42");

        var join = await client.PostActivityAsync(conversationId, token,
            """{"type":"event","name":"webchat/join","value":{"language":"en-US"},"from":{"id":"user-42"}}""");
        Assert.Equal(HttpStatusCode.OK, join.Status);
        var (status, posted) = await client.PostMessageAsync(conversationId, token, "hello bot", "client-7");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{conversationId}|0000003", posted.GetProperty("id").GetString());

        var (_, all) = await client.GetActivitiesAsync(conversationId, token);
        Assert.Equal("4", all.GetProperty("watermark").GetString());
        var activities = all.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(4, activities.Count);
        Assert.Equal(AssistantMessages.Welcome, activities[1].GetProperty("text").GetString());
        AssertBot(activities[1]);

        var echo = activities[2];
        Assert.Equal($"{conversationId}|0000003", echo.GetProperty("id").GetString());
        Assert.Equal("client-7", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user-42", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(conversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out _));

        var (_, page) = await client.GetActivitiesAsync(conversationId, token, watermark: "3");
        var reply = Assert.Single(page.GetProperty("activities").EnumerateArray().ToList());
        Assert.Equal(AssistantMessages.Fallback, reply.GetProperty("text").GetString());
        Assert.Equal($"{conversationId}|0000004", reply.GetProperty("id").GetString());
        AssertBot(reply);

        var (_, empty) = await client.GetActivitiesAsync(conversationId, token, watermark: "4");
        Assert.Empty(empty.GetProperty("activities").EnumerateArray());
        Assert.Equal("4", empty.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task TheLog_SurvivesARestart_AndOldTokensStillWork()
    {
        string conversationId, token;
        await using (var first = await Storage.StartHostAsync())
        {
            (conversationId, token) = await new DirectLineClient(first).GenerateAsync();
            Assert.Equal(HttpStatusCode.OK, (await new DirectLineClient(first).PostMessageAsync(conversationId, token, "hello before restart")).Status);
        }

        await using var second = await Storage.StartHostAsync();
        var client = new DirectLineClient(second);
        var (status, body) = await client.GetActivitiesAsync(conversationId, token);

        Assert.Equal(HttpStatusCode.OK, status);
        var texts = body.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["hello before restart", AssistantMessages.Fallback], texts);
        var (_, next) = await client.PostMessageAsync(conversationId, token, "after restart");
        Assert.Equal($"{conversationId}|0000003", next.GetProperty("id").GetString());
    }

    private static void AssertBot(JsonElement activity)
    {
        var from = activity.GetProperty("from");
        Assert.Equal("mvai-assistant", from.GetProperty("id").GetString());
        Assert.Equal("MVAI Assistant", from.GetProperty("name").GetString());
        Assert.Equal("bot", from.GetProperty("role").GetString());
        Assert.True(activity.TryGetProperty("timestamp", out _));
    }
}

public sealed class DirectLineActivityTestsOnSqlite : DirectLineActivityTests<SqliteTestStorage>;

public sealed class DirectLineActivityTestsOnPostgres : DirectLineActivityTests<PostgresTestStorage>;
