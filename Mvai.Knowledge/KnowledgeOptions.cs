namespace Mvai.Knowledge;

/// <summary>
/// Settings of the guidance knowledge base. The corpus is loaded by
/// <see cref="Corpus.CorpusLoader"/>; retrieval and answering build on it.
/// </summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Folder of the curated guidance Markdown files; a relative path is resolved against the
    /// application's base directory, where the build copies <c>Content/**/*.md</c>.
    /// </summary>
    /// <value>Defaults to <c>Content</c>, the folder name the build uses (paths are case-sensitive on Linux).</value>
    public string ContentPath { get; set; } = Corpus.CorpusLoader.ContentFolderName;

    /// <summary>
    /// The content folder as an absolute path: <see cref="ContentPath"/> itself when rooted,
    /// otherwise combined with <see cref="AppContext.BaseDirectory"/> so the result does not
    /// depend on the process's working directory.
    /// </summary>
    /// <returns>The folder to pass to <see cref="Corpus.CorpusLoader.LoadDirectory"/>.</returns>
    public string ResolveContentPath() => Path.Combine(AppContext.BaseDirectory, ContentPath);
}
