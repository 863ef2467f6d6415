namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Polls a condition for things that happen in the background (a dispatcher, a server), instead of sleeping.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
            await Task.Delay(25);
        }
    }
}
