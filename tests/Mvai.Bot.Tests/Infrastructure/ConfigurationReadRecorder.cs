using System.Collections.Concurrent;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// A configuration source that holds no values and notes every key the app asks for. Added last, it is asked
/// first for every lookup (configuration asks its providers from the last one back), so the app's real reads,
/// options binding included, show up in <see cref="Keys"/> and <see cref="Sections"/>.
/// </summary>
public sealed class ConfigurationReadRecorder : IConfigurationSource
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _sections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys whose value was read (<c>Storage:Provider</c>).</summary>
    public IReadOnlyCollection<string> Keys => [.. _keys.Keys];

    /// <summary>Sections whose children were listed, as binding lists and dictionaries does (<c>WebChat:AllowedOrigins</c>).</summary>
    public IReadOnlyCollection<string> Sections => [.. _sections.Keys];

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

    private sealed class Provider(ConfigurationReadRecorder recorder) : ConfigurationProvider
    {
        public override bool TryGet(string key, out string? value)
        {
            recorder._keys.TryAdd(key, 0);
            value = null;
            return false;
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                recorder._sections.TryAdd(parentPath, 0);
            }
            return earlierKeys;
        }
    }
}
