using Microsoft.Extensions.Options;
using Mvai.Bot.Teams;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Hosting;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Hosting;

public sealed class MiddlewarePipelineTests
{
    [Fact]
    public void Pipeline_RunsItsStepsInTheOrderWritten_AndUseFirstGoesOutermost()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var (a, b, c, d) = (new Named("a"), new Named("b"), new Named("c"), new Named("d"));

        var steps = new BotMiddlewarePipeline().Use(a).Use(b).UseFirst(c, d).Build(services);

        Assert.Equal(["c", "d", "a", "b"], steps.Cast<Named>().Select(step => step.Name));
    }

    [Fact]
    public async Task TheAssistant_RunsItsPipelineInTheDocumentedOrder()
    {
        await using var host = await BotTestHost.StartAsync();

        var steps = host.Services.GetRequiredService<IOptions<BotMiddlewarePipeline>>().Value.Build(host.Services);

        Assert.Equal(
            [typeof(AutoSaveStateMiddleware), typeof(TenantAllowListMiddleware), typeof(TeamsSuggestedActionsMiddleware),
             typeof(CardExecuteMiddleware), typeof(TranscriptLoggerMiddleware)],
            steps.Select(step => step.GetType()));
    }

    [Fact]
    public async Task MiddlewareRegisteredAsAService_StopsTheStart_RatherThanNeverRunning()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(configure: builder =>
            builder.Services.AddSingleton<IBotMiddleware>(new FailOnTextMiddleware("boom"))));

        Assert.Contains("AddBotMiddleware", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProactiveSenders_GetTheAdapterThroughItsInterface()
    {
        await using var host = await BotTestHost.StartAsync();

        Assert.Same(host.Services.GetRequiredService<CloudAdapter>(), host.Services.GetRequiredService<IChannelAdapter>());
    }

    private sealed class Named(string name) : IBotMiddleware
    {
        public string Name => name;

        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken) =>
            next(cancellationToken);
    }
}
