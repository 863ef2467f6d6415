using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.Bot.Intake.Requests;

/// <summary>How requests are written to the database: camelCase, enums as names, readable by people exporting them.</summary>
internal static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
