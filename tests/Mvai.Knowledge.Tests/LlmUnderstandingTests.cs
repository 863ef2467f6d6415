using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Mvai.Knowledge.Llm;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge.Tests;

/// <summary>
/// With a chat model configured (issue 14, part 6), it reads what the offline understanding is unsure of, over the real
/// Semantic Kernel OpenAI connector and a loopback server speaking the chat-completions wire format. The offline reading
/// stays the floor: a crisis is never taken back, a sure reading never leaves the process, a failure changes nothing.
/// </summary>
public sealed class LlmUnderstandingTests
{
    private const string Message = "we need someone who has been through this, can that happen";

    [Fact]
    public async Task An_unsure_reading_is_decided_by_the_model_which_sees_the_routes_and_the_message()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"route": "person"}""");

        var reading = await Understanding(server, Unsure(MessageRoute.Guidance)).ReadAsync(Message);

        Assert.Equal((MessageRoute.Person, "llm"), (reading.Route, reading.Because));
        using var request = System.Text.Json.JsonDocument.Parse(Assert.Single(server.Requests));
        var messages = request.RootElement.GetProperty("messages").EnumerateArray().Select(m => (Role: m.GetProperty("role").GetString(), Content: m.GetProperty("content").GetString()!)).ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("{\"route\": \"<one route>\"}", messages[0].Content, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<MessageRoute>(), route => Assert.Contains("- " + route.ToLowerInvariant() + ":", messages[0].Content, StringComparison.Ordinal));
        Assert.Equal(Message, messages[1].Content);
    }

    [Fact]
    public async Task The_model_may_add_a_crisis_the_offline_step_was_unsure_of()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"route":"crisis"}""");

        var reading = await Understanding(server, Unsure(MessageRoute.Guidance)).ReadAsync("not sure theres a point anymore to any of it");

        Assert.Equal(MessageRoute.Crisis, reading.Route);
        Assert.True(reading.IsUrgent);
    }

    [Fact]
    public async Task A_crisis_the_offline_step_found_is_never_sent_to_the_model_nor_taken_back()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"route":"guidance"}""");
        var crisis = new MessageReading(MessageRoute.Crisis, SafetyKind.None, false, new Dictionary<MessageRoute, float> { [MessageRoute.Crisis] = 0.4f }, "model: crisis");

        var reading = await Understanding(server, crisis).ReadAsync("i keep thinking everyone would be better off");

        Assert.Equal(MessageRoute.Crisis, reading.Route);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("""{"route":"person"}""", 500)]
    [InlineData("I think this person wants to talk to someone.", 200)]
    [InlineData("""{"route":"banana"}""", 200)]
    public async Task A_failing_or_unreadable_model_keeps_the_offline_route(string reply, int status)
    {
        await using var server = await FakeOpenAIServer.StartAsync(reply, status: status);

        var reading = await Understanding(server, Unsure(MessageRoute.Request)).ReadAsync(Message);

        Assert.Equal(MessageRoute.Request, reading.Route);
        Assert.NotEmpty(server.Requests);
    }

    [Fact]
    public async Task Configured_it_replaces_the_offline_step_and_a_sure_reading_never_leaves_the_process()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"route":"outofscope"}""");
        await using var services = new ServiceCollection().AddKnowledge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = server.Endpoint.AbsoluteUri,
            ["Knowledge:OpenAI:ApiKey"] = "test-key",
            ["Knowledge:OpenAI:ChatModel"] = "test-model",
        }).Build()).BuildServiceProvider();

        var understanding = services.GetRequiredService<IMessageUnderstanding>();
        var reading = await understanding.ReadAsync("what is a family assistance center and who runs it");

        Assert.IsType<LlmAssistedUnderstanding>(understanding);
        Assert.Equal(MessageRoute.Guidance, reading.Route);
        Assert.Empty(server.Requests);
    }

    private static LlmAssistedUnderstanding Understanding(FakeOpenAIServer server, MessageReading offline) =>
        new(new FixedReading(offline), Kernel.CreateBuilder()
            .AddOpenAIChatCompletion("test-model", server.Endpoint, "test-key").Build().GetRequiredService<IChatCompletionService>());

    // An offline reading whose best route is below LlmAssistedUnderstanding.UnsureBelow.
    private static MessageReading Unsure(MessageRoute route) =>
        new(route, SafetyKind.None, false, new Dictionary<MessageRoute, float> { [route] = 0.45f, [MessageRoute.Person] = 0.35f }, "model");

    /// <summary>The offline step's reading, fixed, so each test decides how sure it was.</summary>
    private sealed class FixedReading(MessageReading reading) : IMessageUnderstanding
    {
        public Task<MessageReading> ReadAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(reading);
    }
}
