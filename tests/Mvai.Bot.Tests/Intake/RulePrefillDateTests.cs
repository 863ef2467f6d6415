using Mvai.Bot.Intake.Prefill;

namespace Mvai.Bot.Tests.Intake;

/// <summary>
/// The rule prefill asks the (costly) date recognizer only when a message holds a word a date can be made of; every
/// usual way of naming the incident's day must still get through that check.
/// </summary>
public sealed class RulePrefillDateTests
{
    private static readonly DateTime UserNow = new(2026, 3, 18, 14, 0, 0, DateTimeKind.Unspecified); // a Wednesday

    [Theory]
    [InlineData("We had a shooting last night in Springfield, IL", "2026-03-17")]
    [InlineData("there was a bombing yesterday and we need help", "2026-03-17")]
    [InlineData("a vehicle ramming this morning at the parade", "2026-03-18")]
    [InlineData("We had a stabbing last Friday", "2026-03-13")]
    [InlineData("shooting two days ago, need MVAI help", "2026-03-16")]
    [InlineData("our incident was on March 3, 2026", "2026-03-03")]
    [InlineData("the arson on 3/14/2026 at the school", "2026-03-14")]
    [InlineData("We need MVAI help after the shooting today", "2026-03-18")]
    public void AMessageNamingTheDay_IsPrefilledWithIt(string message, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RulePrefill.Extract(message, UserNow).IncidentDate);

    [Theory]
    [InlineData("We need MVAI help")]
    [InlineData("Request assistance")]
    [InlineData("we had a shooting and need help with the press")]
    public void AMessageWithoutADay_HasNoDate(string message) =>
        Assert.Null(RulePrefill.Extract(message, UserNow).IncidentDate);
}
