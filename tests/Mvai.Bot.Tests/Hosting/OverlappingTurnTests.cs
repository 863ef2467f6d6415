using System.Text.Json.Nodes;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Hosting;

/// <summary>
/// Two turns of one conversation overlapping (two instances, or a turn and a proactive turn): the one that saves
/// second must not overwrite the first, and must not silently lose the user's message either.
/// </summary>
public sealed class OverlappingTurnTests
{
    [Fact]
    public async Task ATurnWhoseStateWasSavedByAnotherTurnMeanwhile_KeepsTheOtherState_AndAsksTheUserToRepeat()
    {
        AnotherTurnSavesFirst storage = null!;
        await using var host = await BotTestHost.StartAsync(configure: builder => builder.Services.AddSingleton<IStorage>(sp =>
            storage = new AnotherTurnSavesFirst(sp.GetRequiredService<StorageBackend>().Select<IStorage>(sqlite => sqlite, postgres => throw new NotSupportedException()))));
        var chat = new Conversation(host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        storage.SaveFirst = $"test/conversations/{chat.Id}";

        var overlapped = await chat.SayAsync("Pat Rivera");

        Assert.Equal(HostingMessages.TurnOverlapped, overlapped[^1].Text);
        var stored = await storage.ReadAsync([$"test/conversations/{chat.Id}"], default);
        Assert.Equal("the other turn", stored.Single().Value.Document["savedBy"]?.GetValue<string>());
    }

    /// <summary>Stands in for the other turn: saves the conversation's state just before this turn does.</summary>
    private sealed class AnotherTurnSavesFirst(IStorage inner) : IStorage
    {
        public string? SaveFirst { get; set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
            inner.ReadAsync(keys, cancellationToken);

        public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> items, CancellationToken cancellationToken)
        {
            if (SaveFirst is { } key && items.ContainsKey(key))
            {
                SaveFirst = null;
                await inner.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(new JsonObject { ["savedBy"] = "the other turn" }, "*") }, cancellationToken);
            }
            return await inner.WriteAsync(items, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);

        public Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteIdleAsync(cutoff, cancellationToken);
    }
}
