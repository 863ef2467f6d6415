using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Privacy;

/// <summary>A chief's complete request while an advisor is on duty, for tests of what happens to it afterwards.</summary>
internal static class RequestScript
{
    /// <summary>Runs the whole intake up to the stored request (the bot then offers an advisor); returns its reference.</summary>
    public static async Task<string> SubmitRequestAsync(this Conversation chat)
    {
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync();
        return await chat.ConfirmAsync();
    }

    /// <summary>Confirms the summary and returns the new request's reference.</summary>
    public static async Task<string> ConfirmAsync(this Conversation chat)
    {
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, HandoffMessages.OfferAfterIntake);
        return ReferenceNumbers.Find(string.Join(" ", received.Select(IntakeScript.Said)))
            ?? throw new Xunit.Sdk.XunitException("No reference in the confirmation.");
    }
}
