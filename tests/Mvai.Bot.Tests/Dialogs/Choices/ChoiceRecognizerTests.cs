using Mvai.BotFramework.Dialogs.Choices;

namespace Mvai.Bot.Tests.Dialogs.Choices;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Choices =
    [
        new("Victim and family services") { Synonyms = ["family liaison"] },
        new("Victim impact statement"),
        new("Legal advice"),
    ];

    [Theory]
    [InlineData("Victim and family services", 0, 1.0)]
    [InlineData("family liaison", 0, 1.0)]
    [InlineData("legal", 2, 0.5)]
    [InlineData("impact statement", 1, 2.0 / 3)]
    [InlineData("the first one", 0, 1.0)]
    [InlineData("3", 2, 1.0)]
    [InlineData("second to last", 1, 1.0)]
    [InlineData("the last one", 2, 1.0)]
    public void Recognize_PicksTheMatchingChoice(string utterance, int index, double score)
    {
        var found = ChoiceRecognizer.Recognize(utterance, Choices, "en-us");

        Assert.NotNull(found);
        Assert.Equal(index, found.Index);
        Assert.Equal(score, found.Score, 3);
    }

    [Theory]
    [InlineData("victim")]
    [InlineData("")]
    [InlineData("something else")]
    [InlineData("0")]
    public void Recognize_AmbiguousOrUnknown_IsNull(string utterance) =>
        Assert.Null(ChoiceRecognizer.Recognize(utterance, Choices, "en-us"));
}
