using System.Text.Json.Serialization;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>
/// The JSON object the model must answer with. It is also the strict response schema sent to the model, so every
/// property is always present and null when the message does not state it. Nothing here is trusted until
/// <see cref="ModelPrefillValidation"/> has checked it.
/// </summary>
internal sealed record ModelPrefillAnswer(
    [property: JsonPropertyName("requesterName")] string? RequesterName,
    [property: JsonPropertyName("requesterTitle")] string? RequesterTitle,
    [property: JsonPropertyName("agencyName")] string? AgencyName,
    [property: JsonPropertyName("agencyType")] string? AgencyType,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("incidentType")] string? IncidentType,
    [property: JsonPropertyName("incidentDate")] string? IncidentDate);
