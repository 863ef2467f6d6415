using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Understanding;

namespace Mvai.Knowledge.Tests;

/// <summary>
/// <c>Knowledge:OpenAI:EmbeddingModel</c> replaces the local sentence model by a hosted one speaking the OpenAI
/// <c>/v1/embeddings</c> wire format, for retrieval and for the understanding step alike.
/// </summary>
public sealed class HostedEmbeddingTests
{
    [Fact]
    public async Task A_configured_embedding_model_serves_retrieval_understanding_and_answers()
    {
        await using var server = await FakeOpenAIServer.StartAsync("unused");
        await using var services = new ServiceCollection().AddKnowledge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:OpenAI:Endpoint"] = server.Endpoint.AbsoluteUri,
            ["Knowledge:OpenAI:ApiKey"] = "test-key",
            ["Knowledge:OpenAI:EmbeddingModel"] = "test-embedding",
        }).Build()).BuildServiceProvider();

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.IsNotType<LocalEmbeddingGenerator>(generator);
        Assert.Null(generator.GetService<LocalEmbeddingGenerator>());
        Assert.Equal(FakeOpenAIServer.EmbeddingDimensions, (await generator.GenerateAsync(["staging area"]))[0].Vector.Length);

        // The understanding step embeds its labelled examples and each message through the server.
        var beforeExamples = server.EmbeddingRequests.Count;
        var understanding = services.GetRequiredService<MessageUnderstanding>();
        var examplesEmbedded = server.EmbeddingRequests.Count;
        Assert.True(examplesEmbedded > beforeExamples);
        Assert.All(server.EmbeddingRequests, r => Assert.Contains("\"test-embedding\"", r, StringComparison.Ordinal));
        var reading = await understanding.ReadAsync("what is a family assistance center");
        Assert.True(server.EmbeddingRequests.Count > examplesEmbedded);
        Assert.Equal(MessageRoute.Guidance, reading.Route);

        // Retrieval embeds the passages, then the question; the chat model is not configured, so the answer is extractive.
        var beforeRetrieval = server.EmbeddingRequests.Count;
        Assert.True(services.GetRequiredService<GuidanceIndex>().IsHybrid);
        var answer = await services.GetRequiredService<IGuidanceAnswerer>().AnswerAsync("what is a family assistance center");
        Assert.True(server.EmbeddingRequests.Count > beforeRetrieval);
        Assert.Empty(server.Requests);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.NotEmpty(answer.Citations);

        // The passages, sentences and examples go in batches the hosted endpoints accept (at most 2,048 inputs a request).
        Assert.All(server.EmbeddingRequests, r => Assert.InRange(InputCount(r), 1, BatchingEmbeddingGenerator.DefaultBatchSize));
        Assert.True(server.EmbeddingRequests.Sum(InputCount) > BatchingEmbeddingGenerator.DefaultBatchSize);
    }

    private static int InputCount(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var input = json.RootElement.GetProperty("input");
        return input.ValueKind == System.Text.Json.JsonValueKind.Array ? input.GetArrayLength() : 1;
    }
}
