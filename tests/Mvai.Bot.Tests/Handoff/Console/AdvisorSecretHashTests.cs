using Mvai.Bot.Handoff.Console;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>Advisor secrets are stored as salted PBKDF2-SHA256 hashes made by the <c>hash-advisor-secret</c> command.</summary>
public sealed class AdvisorSecretHashTests
{
    [Fact]
    public void Command_PrintsAHashOfTheSecretReadFromStdin_ThatVerifiesOnlyThatSecret()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = HashAdvisorSecretCommand.Run(new StringReader("station-11-lantern\n"), output, error, interactive: false);

        Assert.Equal(0, exitCode);
        var hash = output.ToString().Trim();
        Assert.Matches(@"^pbkdf2-sha256\$600000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$", hash);
        Assert.True(AdvisorSecretHash.Verify("station-11-lantern", hash));
        Assert.False(AdvisorSecretHash.Verify("station-11-lanterN", hash));
        Assert.DoesNotContain("station-11-lantern", output.ToString() + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_RefusesAShortSecret()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = HashAdvisorSecretCommand.Run(new StringReader("hunter2\n"), output, error, interactive: false);

        Assert.Equal((1, string.Empty), (exitCode, output.ToString()));
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SameSecretTwice_GivesDifferentSalts()
    {
        var first = AdvisorSecretHash.Create("the same secret", AdvisorSecretHash.MinimumIterations);
        var second = AdvisorSecretHash.Create("the same secret", AdvisorSecretHash.MinimumIterations);

        Assert.NotEqual(first, second);
        Assert.True(AdvisorSecretHash.Verify("the same secret", first) && AdvisorSecretHash.Verify("the same secret", second));
    }

    [Theory]
    [InlineData("plain-text")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha1$600000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$600000$not base64$aGFzaGhhc2hoYXNoaGFzaA==")]
    public void CheapOrMalformedHashes_AreRefused(string encoded)
    {
        Assert.False(AdvisorSecretHash.IsWellFormed(encoded));
        Assert.False(AdvisorSecretHash.Verify("anything", encoded));
    }
}
