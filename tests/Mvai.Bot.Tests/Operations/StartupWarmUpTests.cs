using Mvai.Bot.Operations.WarmUp;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Operations;

/// <summary>
/// The start-up warm-up runs the synthetic conversations through a throwaway copy of the app: every turn answered,
/// and the configured database never touched (nor created).
/// </summary>
public sealed class StartupWarmUpTests
{
    private readonly string _realDatabase = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}-real.db");

    [Fact]
    public async Task WarmUp_AnswersEverySyntheticTurn_WithoutTouchingTheConfiguredDatabase()
    {
        var result = await StartupWarmUp.RunAsync(Args("--WarmUp:Duration=00:00:02", "--WarmUp:Conversations=3"));

        Assert.Equal((null, null), (result.SkippedBecause, result.FailedWith));
        // The three scripts, each at least begun, every turn answered 200.
        Assert.True(result.Turns >= 3, $"only {result.Turns} turns");
        Assert.Equal(0, result.Failures);
        Assert.False(File.Exists(_realDatabase));
    }

    [Fact]
    public async Task WarmUp_Disabled_IsSkippedAndSaysWhy()
    {
        var result = await StartupWarmUp.RunAsync(Args("--WarmUp:Enabled=false"));

        Assert.Equal((0, "WarmUp:Enabled is false"), (result.Turns, result.SkippedBecause));
        Assert.False(File.Exists(_realDatabase));
    }

    [Fact]
    public async Task WarmUp_WithAHostedModel_IsSkipped_SoNoSyntheticQuestionLeavesTheProcess()
    {
        var result = await StartupWarmUp.RunAsync(Args("--Knowledge:OpenAI:Endpoint=http://127.0.0.1:9/v1", "--Knowledge:OpenAI:ChatModel=unused"));

        Assert.Equal(0, result.Turns);
        Assert.Contains("Knowledge:OpenAI:Endpoint", result.SkippedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarmUp_WithAnInvalidSetting_LeavesTheRefusalToTheRealStart()
    {
        var result = await StartupWarmUp.RunAsync(Args("--WarmUp:Conversations=0"));

        Assert.Equal((0, "its settings are invalid"), (result.Turns, result.SkippedBecause));
    }

    private string[] Args(params string[] more) =>
        ["--contentRoot", RepositoryPaths.BotProject, $"--Storage:ConnectionString=Data Source={_realDatabase}", "--Desk:DemoAdvisor=false", .. more];
}
