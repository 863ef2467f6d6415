namespace Mvai.Knowledge.Llm;

/// <summary>
/// Settings of the optional LLM path, bound from <c>Knowledge:OpenAI</c>. Values come from user
/// secrets or the environment only; none are ever committed. With no endpoint or model set the
/// assistant stays fully offline and extractive.
/// </summary>
public sealed class OpenAIKnowledgeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Knowledge:OpenAI";

    /// <summary>Base address of an OpenAI-compatible API, e.g. <c>https://host/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>API key; may be empty for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Chat model id.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Embedding model id (an Azure OpenAI deployment name, too): replaces the local sentence model when set.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Whether the LLM path is configured.</summary>
    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(ChatModel);

    /// <summary>Whether a hosted embedding model is configured.</summary>
    public bool HasEmbeddingModel => Endpoint is not null && !string.IsNullOrWhiteSpace(EmbeddingModel);
}
