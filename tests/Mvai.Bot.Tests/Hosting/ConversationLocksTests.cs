using Mvai.BotFramework.Hosting;

namespace Mvai.Bot.Tests.Hosting;

public sealed class ConversationLocksTests
{
    [Fact]
    public async Task TurnsOfOneConversation_RunOneAtATime()
    {
        var locks = new ConversationLocks();
        var first = await locks.AcquireAsync("test/conversations/a", default);

        var second = locks.AcquireAsync("test/conversations/a", default);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task DifferentConversations_DoNotWaitForEachOther()
    {
        var locks = new ConversationLocks();
        using var a = await locks.AcquireAsync("a", default);

        using var b = await locks.AcquireAsync("b", default).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(b);
    }

    [Fact]
    public async Task ACancelledWaiter_DoesNotBlockLaterTurns()
    {
        var locks = new ConversationLocks();
        var holder = await locks.AcquireAsync("a", default);
        using var cancel = new CancellationTokenSource(20);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locks.AcquireAsync("a", cancel.Token));

        holder.Dispose();

        using var next = await locks.AcquireAsync("a", default).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(next);
    }
}
