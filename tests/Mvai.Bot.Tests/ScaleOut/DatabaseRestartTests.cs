using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.ScaleOut;

/// <summary>The PostgreSQL server restarts (a failover, maintenance) under a running instance.</summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartOwnAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AfterTheDatabaseComesBack_TheUserContinuesTheIntakeWhereTheyWere()
    {
        await using var host = await BotTestHost.StartOnPostgresAsync(await _cluster.CreateDatabaseAsync());
        var chat = new Conversation(host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);

        await _cluster.StopAsync();
        var whileDown = await host.PostActivityAsync(WithText(chat, "Chief of Police"));
        await _cluster.StartAsync();

        Assert.False(whileDown.IsSuccessStatusCode && (await whileDown.Content.ReadAsStringAsync()).Contains(IntakeMessages.AskAgency, StringComparison.Ordinal));
        await chat.ExpectAsync("Chief of Police", IntakeMessages.AskAgency);
        await chat.ExpectAsync("Springfield Police Department", IntakeMessages.AskAgencyType);
    }

    private static Activity WithText(Conversation chat, string text)
    {
        var message = chat.NewActivity(ActivityTypes.Message);
        message.Text = text;
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        return message;
    }
}
