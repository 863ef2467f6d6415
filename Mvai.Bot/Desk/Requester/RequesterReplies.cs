using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requester;

/// <summary>
/// A message naming a request reference, from the agency: "status of MVAI-2026-0001" answers from the real status,
/// "cancel my request MVAI-…" withdraws it, "add to MVAI-…: …" adds to it. Only the conversation or user that made
/// the request gets anything but "not found", so references cannot be probed.
/// </summary>
public sealed partial class RequesterReplies(IRequestDeskStore store, RequestDesk desk, PeerAdvisorRoster roster, IOptions<DeskOptions> options)
{
    public async Task ReplyAsync(ITurnContext turn, string reference, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(text);
        var activity = turn.Activity;
        var request = await store.GetAsync(reference, cancellationToken);
        if (request is null || request.Stored.ChannelId != activity.ChannelId
            || (request.Stored.ConversationId != activity.Conversation?.Id && request.Stored.UserId != activity.From?.Id))
        {
            await turn.SendActivityAsync(RequesterMessages.NotFound, cancellationToken);
            return;
        }
        // An addition first: what is added may well say "we don't need the media part any more".
        var reply = AddWords().Match(text) is { Success: true } add ? await AddAsync(request, add.Groups["text"].Value.Trim(), cancellationToken)
            : WithdrawWords().IsMatch(text) ? await WithdrawAsync(request, cancellationToken)
            : RequesterMessages.Status(request.Stored, await roster.FindAsync(request.Progress.PeerAdvisorId, cancellationToken));
        await turn.SendActivityAsync(reply, cancellationToken);
    }

    private async Task<string> WithdrawAsync(DeskRequest request, CancellationToken cancellationToken)
    {
        if (request.Status.IsFinished())
        {
            return RequesterMessages.AlreadyFinished(request.Reference, request.Status);
        }
        return await desk.WithdrawAsync(request, cancellationToken) == DeskOutcome.Done
            ? RequesterMessages.Withdrawn(request.Reference)
            : RequesterMessages.TryAgain;
    }

    private async Task<string> AddAsync(DeskRequest request, string addition, CancellationToken cancellationToken)
    {
        if (addition.Length == 0)
        {
            return RequesterMessages.WhatToAdd(request.Reference);
        }
        if (addition.Length > options.Value.MaxNoteLength)
        {
            return RequesterMessages.TooLong(request.Reference, options.Value.MaxNoteLength);
        }
        await desk.AddNoteAsync(request.Reference, RequestDesk.RequesterActor, addition, cancellationToken);
        return RequesterMessages.Added(request.Reference);
    }

    [GeneratedRegex(@"\b(cancel|withdraw|retract)\b|\bno longer need\b|\bdon'?t need\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithdrawWords();

    // "add to MVAI-2026-0001: …", "update MVAI-2026-0001 - …", "more info for MVAI-2026-0001: …": the text after the reference.
    [GeneratedRegex(@"^\s*(please\s+)?(add|update|more info(rmation)?|also)\b.*?MVAI[\s\-–#]*20\d\d[\s\-–#]*\d{1,9}\b\s*[:\-–—,]?\s*(?<text>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AddWords();
}
