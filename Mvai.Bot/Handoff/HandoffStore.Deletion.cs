using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Handoff;

/// <summary>Retention and deletion on demand: a case goes with its messages and audit, in one transaction.</summary>
internal sealed partial class HandoffStore
{
    public async Task<IReadOnlyList<HandoffCase>> ListForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await QueryCasesAsync("channel_id = @p0 AND conversation_id = @p1", new { p0 = channelId, p1 = conversationId }, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteClosedForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var closed = await QueryCasesAsync(write, "channel_id = @p0 AND conversation_id = @p1 AND state = 'Closed'", new { p0 = channelId, p1 = conversationId });
            foreach (var handoff in closed)
            {
                await DeleteCasesAsync(write, "id = @value", new { value = handoff.Id });
            }
            return ((IReadOnlyList<string>)[.. closed.Select(c => c.Id)], true);
        }, cancellationToken);

    public Task<int> PurgeClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        // Requests live in the same database; a case that follows one up is part of it and goes when it goes.
        database.WriteAsync(async write => (await DeleteCasesAsync(write, """
            state = 'Closed' AND closed_at < @value
            AND (request_reference IS NULL OR request_reference NOT IN (SELECT reference FROM assistance_requests))
            """, new { value = cutoff }), true), cancellationToken);

    /// <summary>Deletes the messages, audit and rows of the cases matching <paramref name="where"/> (from this class); returns how many cases.</summary>
    private static async Task<int> DeleteCasesAsync(SqlTransaction write, string where, object parameters)
    {
        await write.ExecuteAsync($"DELETE FROM handoff_messages WHERE case_id IN (SELECT id FROM handoff_cases WHERE {where})", parameters);
        await write.ExecuteAsync($"DELETE FROM handoff_audit WHERE case_id IN (SELECT id FROM handoff_cases WHERE {where})", parameters);
        return await write.ExecuteAsync($"DELETE FROM handoff_cases WHERE {where}", parameters);
    }
}
