namespace Mvai.Knowledge.Corpus;

/// <summary>
/// One parsed front-matter value with the 1-based line it came from: a scalar, an inline list,
/// or a block list of maps (only <c>sources:</c> uses the latter).
/// </summary>
internal sealed class FrontMatterValue
{
    public required int Line { get; init; }

    public string? Scalar { get; init; }

    public IReadOnlyList<string>? List { get; init; }

    public IReadOnlyList<IReadOnlyDictionary<string, FrontMatterValue>>? Maps { get; init; }
}
