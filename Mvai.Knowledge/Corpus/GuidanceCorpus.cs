namespace Mvai.Knowledge.Corpus;

/// <summary>The loaded guidance: every document, and all their passages flattened for retrieval.</summary>
public sealed class GuidanceCorpus
{
    private readonly Dictionary<string, GuidanceDocument> _byId;

    /// <summary>Creates a corpus from documents whose ids are already known to be unique.</summary>
    /// <param name="documents">The documents, in load order.</param>
    public GuidanceCorpus(IReadOnlyList<GuidanceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = documents;
        Passages = [.. documents.SelectMany(d => d.Passages)];
        _byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>All documents, ordered by file path.</summary>
    public IReadOnlyList<GuidanceDocument> Documents { get; }

    /// <summary>All passages of all documents, in document then file order.</summary>
    public IReadOnlyList<GuidancePassage> Passages { get; }

    /// <summary>Finds a document by id.</summary>
    /// <param name="id">Document id, e.g. <c>media-first-hour</c>.</param>
    /// <returns>The document, or <see langword="null"/> when no document has that id.</returns>
    public GuidanceDocument? FindDocument(string id) => _byId.GetValueOrDefault(id);
}
