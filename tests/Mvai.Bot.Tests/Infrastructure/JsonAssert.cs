using System.Globalization;
using System.Text.Json.Nodes;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Deep JSON comparison that names the first path where two documents differ.</summary>
public static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (name, value) in expectedObject)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} was lost");
                    Equivalent(value, actualObject[name], $"{path}.{name}");
                }
                Assert.True(expectedObject.Count == actualObject.Count,
                    $"{path}: properties added: {string.Join(", ", actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key)))}");
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: {expectedArray.Count} items expected, {actualArray.Count} found");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Equivalent(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }
                break;
            default:
                Assert.True(ScalarsEqual(expected, actual!), $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }

    /// <summary>Equal text, or the same instant and offset written two ways ("Z" and "+00:00").</summary>
    private static bool ScalarsEqual(JsonNode expected, JsonNode actual)
    {
        if (expected.ToJsonString() == actual.ToJsonString())
        {
            return true;
        }
        return expected.GetValueKind() == System.Text.Json.JsonValueKind.String
            && actual.GetValueKind() == System.Text.Json.JsonValueKind.String
            && DateTimeOffset.TryParse(expected.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            && DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
            && a == b && a.Offset == b.Offset;
    }
}
