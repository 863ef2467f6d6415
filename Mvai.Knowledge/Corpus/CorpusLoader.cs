namespace Mvai.Knowledge.Corpus;

/// <summary>
/// Loads the curated guidance corpus from a folder of Markdown files. The content is data: a new
/// file in the folder is picked up on the next load with no code change.
/// </summary>
public static class CorpusLoader
{
    /// <summary>Name of the content folder that the build copies next to the assembly.</summary>
    public const string ContentFolderName = "Content";

    /// <summary>The default content folder: <c>Content</c> under the application's base directory.</summary>
    public static string DefaultContentPath => Path.Combine(AppContext.BaseDirectory, ContentFolderName);

    /// <summary>Loads the corpus shipped with the application from <see cref="DefaultContentPath"/>.</summary>
    /// <returns>The validated corpus.</returns>
    public static GuidanceCorpus LoadDefault() => LoadDirectory(DefaultContentPath);

    /// <summary>Loads and validates every <c>*.md</c> file under a folder, recursively.</summary>
    /// <param name="path">The content folder.</param>
    /// <returns>The corpus, documents ordered by their path inside the folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="CorpusFormatException">A file is malformed; the message names file and line.</exception>
    public static GuidanceCorpus LoadDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Guidance content folder not found: {root}");
        }

        // Messages show paths from the folder's own name down ("Content/media/x.md"), which is
        // what an editor recognizes, rather than a long machine-specific absolute path.
        var displayBase = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

        var documents = new List<GuidanceDocument>(files.Count);
        var idOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filePath in files)
        {
            var displayPath = Path.GetRelativePath(displayBase, filePath).Replace('\\', '/');
            var file = new SourceFile(displayPath, File.ReadAllText(filePath));
            var (document, idLine) = DocumentReader.Read(file, filePath);
            if (!idOwners.TryAdd(document.Id, displayPath))
            {
                throw file.Error(idLine, $"duplicate id '{document.Id}' (already used by {idOwners[document.Id]})");
            }

            documents.Add(document);
        }

        return new GuidanceCorpus(documents);
    }
}
