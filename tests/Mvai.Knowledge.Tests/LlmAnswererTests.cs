using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Llm;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

public sealed class LlmAnswererTests
{
    private const string ModelReply = "Speak early and keep a fixed briefing schedule [1].";

    private static ServiceProvider Services(Uri endpoint) => new ServiceCollection().AddKnowledge(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = endpoint.AbsoluteUri,
            ["Knowledge:OpenAI:ApiKey"] = "test-key",
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
        }).Build()).BuildServiceProvider();

    [Fact]
    public async Task Prompt_carries_the_passages_and_the_answer_carries_citations()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelReply);
        await using var services = Services(server.Endpoint);
        var answerer = services.GetRequiredService<IGuidanceAnswerer>();
        Assert.IsType<GroundedLlmAnswerer>(answerer);

        var answer = await answerer.AnswerAsync("what do i tell the press in the first hour");

        var request = Assert.Single(server.Requests);
        Assert.Contains("test-model", request, StringComparison.Ordinal);
        Assert.Contains("Speak early, even with little to say", request, StringComparison.Ordinal);
        Assert.Contains("[1] ", request, StringComparison.Ordinal);
        Assert.Contains("Answer ONLY from the numbered passages", request, StringComparison.Ordinal);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(ModelReply, answer.ShortAnswer);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(answer.Passages.SelectMany(p => p.Sources), s => s == c));
    }

    [Fact]
    public async Task Streaming_reports_the_growing_text_over_the_real_streaming_wire_format_then_the_cited_answer()
    {
        const string Long = "Speak early and keep a fixed briefing schedule [1]; say what is confirmed and what is not yet known [2].";
        await using var server = await FakeOpenAIServer.StartAsync(Long, chunkDelay: TimeSpan.FromMilliseconds(20));
        await using var services = Services(server.Endpoint);
        var answerer = Assert.IsAssignableFrom<IStreamingGuidanceAnswerer>(services.GetRequiredService<IGuidanceAnswerer>());
        var seen = new List<string>();

        var answer = await answerer.AnswerStreamingAsync("what do i tell the press in the first hour", (text, _) =>
        {
            seen.Add(text);
            return Task.CompletedTask;
        });

        Assert.Contains("\"stream\":true", Assert.Single(server.Requests), StringComparison.Ordinal);
        Assert.True(seen.Count > 3, $"{seen.Count} updates");
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal(Long, seen[^1]);
        Assert.Equal((Long, true), (answer.ShortAnswer, answer.ModelWritten));
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task Streaming_from_a_failing_model_falls_back_to_the_quoted_answer_which_is_not_labelled_as_written_by_a_model()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelReply, status: 500);
        await using var services = Services(server.Endpoint);
        var answerer = Assert.IsAssignableFrom<IStreamingGuidanceAnswerer>(services.GetRequiredService<IGuidanceAnswerer>());

        var answer = await answerer.AnswerStreamingAsync("what do i tell the press in the first hour", (_, _) => Task.CompletedTask);

        Assert.Equal((AnswerKind.Answered, false), (answer.Kind, answer.ModelWritten));
    }

    [Fact]
    public async Task Safety_replies_never_reach_the_model()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelReply);
        await using var services = Services(server.Endpoint);
        var answer = await services.GetRequiredService<IGuidanceAnswerer>().AnswerAsync("shooter in the building right now");
        Assert.Equal(SafetyKind.ActiveThreat, answer.Safety);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_failing_model_falls_back_to_the_extractive_answer()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelReply, status: 400);
        await using var services = Services(server.Endpoint);
        var answer = await services.GetRequiredService<IGuidanceAnswerer>().AnswerAsync("wht is a FAC");
        Assert.NotEmpty(server.Requests);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.NotEqual(ModelReply, answer.ShortAnswer);
        Assert.NotEmpty(answer.Citations);
    }
}
