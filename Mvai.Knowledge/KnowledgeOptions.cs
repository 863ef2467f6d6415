namespace Mvai.Knowledge;

/// <summary>
/// Settings of the guidance knowledge base. The corpus, retrieval and answering arrive with the
/// knowledge issue; the section name is fixed now so configuration files can carry it.
/// </summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>Folder of the curated guidance Markdown files, relative to the app.</summary>
    /// <value>Defaults to <c>content</c>.</value>
    public string ContentPath { get; set; } = "content";
}
