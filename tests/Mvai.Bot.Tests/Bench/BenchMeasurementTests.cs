using Mvai.Bench;
using Mvai.Bench.LoadClient;
using Mvai.Bench.Measurement;

namespace Mvai.Bot.Tests.Bench;

/// <summary>How the bench reads /proc, its command line and its replies, and what it computes from them.</summary>
public sealed class BenchMeasurementTests
{
    [Fact]
    public void ProcStat_CommandNameWithSpacesAndParentheses_ReadsUtimePlusStime()
    {
        // Fields 14 and 15 (utime 1234, stime 66 ticks of 1/100 s) after a command name that could fool a plain split.
        const string Stat = "4242 (Mvai Bot (x)) S 1 4242 4242 0 -1 4194560 20412 0 12 0 1234 66 0 0 20 0 23 0 3456 5502316544 70123 18446744073709551615";

        Assert.Equal(TimeSpan.FromSeconds(13), ProcFs.CpuOf(Stat));
    }

    [Fact]
    public void ProcStat_Truncated_IsRefused()
    {
        Assert.Throws<FormatException>(() => ProcFs.CpuOf("4242 (dotnet) S 1 2 3"));
        Assert.Throws<FormatException>(() => ProcFs.CpuOf("no parentheses"));
    }

    [Fact]
    public void ProcStatus_PeakAndCurrentResidentSet_InKibibytes()
    {
        const string Status = "Name:\tdotnet\nVmPeak:\t 5502316 kB\nVmHWM:\t  228412 kB\nVmRSS:\t  201004 kB\nThreads:\t23\n";

        Assert.Equal((228412L, 201004L), (ProcFs.Kibibytes(Status, "VmHWM:"), ProcFs.Kibibytes(Status, "VmRSS:")));
        Assert.Throws<FormatException>(() => ProcFs.Kibibytes(Status, "VmSwap:"));
    }

    [Fact]
    public void ThisProcess_ReadFromProc_HasCpuTimeAndAPeakAtLeastItsResidentSet()
    {
        var sample = ProcFs.Read(Environment.ProcessId);

        Assert.True(sample.Cpu > TimeSpan.Zero);
        Assert.True(sample.PeakRssBytes >= sample.RssBytes && sample.RssBytes > 0);
        Assert.Matches(@"^\d+\.\d\d, \d+\.\d\d, \d+\.\d\d$", ProcFs.LoadAverage());
        Assert.Equal("0.91, 3.43, 4.16", ProcFs.LoadAverageOf("0.91 3.43 4.16 3/812 32101\n"));
    }

    [Fact]
    public void LevelResult_PerTurnAndPerCore_FromTheWindow()
    {
        var result = new LevelResult(64, TimeSpan.FromSeconds(10), [.. Enumerable.Range(1, 20000).Select(i => i / 1000.0)], 0, string.Empty,
            AppCpu: TimeSpan.FromSeconds(9), AppPeakRssBytes: 200L * 1048576, LoadCpu: TimeSpan.FromSeconds(1.5), "1.00, 2.00, 3.00");

        Assert.Equal(2000, result.TurnsPerSecond);
        Assert.Equal(450, result.AppCpuMicrosecondsPerTurn);
        Assert.Equal(90, LevelResult.PercentOfOneCore(result.AppCpu, result.Elapsed));
        Assert.Equal(19.8, result.Percentile(0.99), precision: 6);
        Assert.Matches(@"^\s+64\s+2000\s+10\.00\s+18\.00\s+19\.80\s+20\.00\s+0\s+450\s+90\s+200\s+15\s+1\.00, 2\.00, 3\.00$", result.Row());
    }

    [Fact]
    public void WarmStart_FirstSecondAtNinetyPercentOfTheLastTenSeconds()
    {
        long[] turns = [900, 1500, 2100, 2500, 2600, .. Enumerable.Repeat(2600L, 10)];
        var seconds = turns.Select((count, i) => new WarmStartSecond(i + 1, count, TimeSpan.FromSeconds(1), 0)).ToList();

        var summary = WarmStartSecond.Summary(seconds, 0.9);

        Assert.Contains("steady 2600 turns/s", summary, StringComparison.Ordinal);
        Assert.Contains("first reached in second 4", summary, StringComparison.Ordinal);
        Assert.Contains("first 5 s at 74", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DefaultIsTheDeployedAppAtFourLevelsAndFourScenarios()
    {
        var options = BenchOptions.Parse([]);

        Assert.Equal(BenchMode.Deployed, options.Mode);
        Assert.Equal([1, 8, 64, 256], options.Concurrency);
        Assert.Equal(["intake", "realistic", "guidance", "handoff"], options.Scenarios.Select(s => s.Name));
    }

    [Fact]
    public void Options_EnvironmentForTheAppAndModes()
    {
        var options = BenchOptions.Parse(["--warm-start", "--env", "DOTNET_TieredPGO=0", "--env", "Knowledge__X=a=b", "--publish-args", "-p:PublishReadyToRun=true -r linux-x64"]);

        Assert.Equal(BenchMode.WarmStart, options.Mode);
        Assert.Equal((64, "realistic", 30), (options.Concurrency.Single(), options.Scenarios.Single().Name, (int)options.Duration.TotalSeconds));
        Assert.Equal([new("DOTNET_TieredPGO", "0"), new("Knowledge__X", "a=b")], options.AppEnvironment);
        Assert.Equal(["-p:PublishReadyToRun=true", "-r", "linux-x64"], options.PublishArguments);
        Assert.Equal(BenchMode.InProcess, BenchOptions.Parse(["--in-process"]).Mode);
    }

    [Theory]
    [InlineData("--env", "NOEQUALS")]
    [InlineData("--conversations", "0")]
    [InlineData("--conversations", "8,x")]
    [InlineData("--warmup", "-1")]
    [InlineData("--scenario", "nope")]
    [InlineData("--scenario", "js-peer")]
    [InlineData("--storage", "mysql")]
    public void Options_BadValue_IsRefusedWithItsName(string option, string value)
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse([option, value]));
    }

    [Fact]
    public void Options_WarmStartTakesOneScenarioAtOneLevel()
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--warm-start", "--conversations", "8,64"]));
    }

    [Theory]
    [InlineData(2, true, null)]
    [InlineData(0, false, "no reply")]
    public void Reply_ToAPlainMessage_NeedsOne(int activities, bool mentions, string? wrong)
    {
        Assert.Equal(wrong, BenchClient.Unexpected(ScriptTurn.Say("hello"), new ExpectedRepliesScan(activities, mentions)));
    }

    [Fact]
    public void Reply_Expectations_AreChecked()
    {
        Assert.Null(BenchClient.Unexpected(ScriptTurn.Say("3", "how many were injured"), new ExpectedRepliesScan(1, true)));
        Assert.Equal("no reply saying \"how many were injured\"", BenchClient.Unexpected(ScriptTurn.Say("3", "how many were injured"), new ExpectedRepliesScan(1, false)));
        Assert.Null(BenchClient.Unexpected(ScriptTurn.Join, new ExpectedRepliesScan(0, false)));
        var relayed = new ScriptTurn(TurnKind.Message, "to the advisor", Silent: true);
        Assert.Null(BenchClient.Unexpected(relayed, new ExpectedRepliesScan(0, false)));
        Assert.Equal("replied while the advisor held the case", BenchClient.Unexpected(relayed, new ExpectedRepliesScan(1, false)));
    }
}
