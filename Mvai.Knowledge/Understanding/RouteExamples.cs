using System.Text.Json;
using System.Text.Json.Serialization;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Understanding;

/// <summary>Reads labelled messages (<c>{"text": ..., "route": "crisis", "refuse": "tactical"}</c> per line).</summary>
public static class RouteExamples
{
    /// <summary>Folder, under the application's base directory, of the examples the build ships.</summary>
    public const string DefaultFolder = "Understanding/Examples";

    /// <summary>Every <c>*.jsonl</c> file of the shipped examples folder.</summary>
    /// <returns>The examples, in file order.</returns>
    public static IReadOnlyList<RouteExample> LoadDefault() => LoadFolder(Path.Combine(AppContext.BaseDirectory, DefaultFolder));

    /// <summary>Every <c>*.jsonl</c> file of a folder, files in name order.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The examples.</returns>
    public static IReadOnlyList<RouteExample> LoadFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(LoadFile)];

    /// <summary>
    /// One JSON-lines file; a line that is not a labelled message fails with its file and line number.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The examples.</returns>
    public static IEnumerable<RouteExample> LoadFile(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = JsonSerializer.Deserialize<Row>(line, Options)
                ?? throw new FormatException($"{path}:{number}: empty line");
            if (string.IsNullOrWhiteSpace(row.Text) || !TryParseRoute(row.Route, out var route))
            {
                throw new FormatException($"{path}:{number}: needs a text and a known route");
            }

            yield return new RouteExample(row.Text, route, ParseRefusal(row.Refuse));
        }
    }

    /// <summary>Reads a route as the sets write it ("crisis", "outofscope").</summary>
    /// <param name="name">The name.</param>
    /// <param name="route">The route.</param>
    /// <returns>Whether the name is a route.</returns>
    public static bool TryParseRoute(string? name, out MessageRoute route) =>
        Enum.TryParse(name, ignoreCase: true, out route) && Enum.IsDefined(route);

    private static SafetyKind ParseRefusal(string? name) => name?.ToLowerInvariant() switch
    {
        "tactical" => SafetyKind.Tactical,
        "legal" => SafetyKind.Legal,
        "medical" => SafetyKind.Medical,
        "offtopic" => SafetyKind.OffTopic,
        _ => SafetyKind.None,
    };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record Row([property: JsonPropertyName("text")] string? Text, [property: JsonPropertyName("route")] string? Route, [property: JsonPropertyName("refuse")] string? Refuse);
}
