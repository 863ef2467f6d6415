using System.Globalization;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Intake.Validation;

namespace Mvai.Bot.Intake.Prefill;

/// <summary>
/// Turns the model's answer into prefilled fields, keeping only values that pass the same validators as a typed
/// answer. Free text (names, agency, city) must also appear in the message itself: a model that "remembers" a
/// name the user never wrote is hallucinating, and a wrongly prefilled field is a question the user never sees.
/// </summary>
internal static class ModelPrefillValidation
{
    public static (AssistanceRequest Request, int Rejected) Validate(ModelPrefillAnswer answer, string message, DateOnly userToday)
    {
        var request = new AssistanceRequest();
        var rejected = 0;
        T? Keep<T>(string? value, Func<string, T?> validate)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return default;
            }
            var valid = validate(value);
            rejected += valid is null ? 1 : 0;
            return valid;
        }

        request.RequesterName = Keep(answer.RequesterName, v => Said(message, v) ? PersonalText.Name(v) : null);
        request.RequesterTitle = Keep(answer.RequesterTitle, v => Said(message, v) ? PersonalText.Name(v) : null);
        request.AgencyName = Keep(answer.AgencyName, v => Said(message, v) ? PersonalText.Agency(v) : null);
        request.AgencyType = Keep(answer.AgencyType, KnownValue<AgencyType>);
        request.IncidentType = Keep(answer.IncidentType, KnownValue<IncidentType>);
        request.IncidentDate = Keep(answer.IncidentDate, v => IncidentDates.Pick([new DateTimeResolution(v.Trim(), null)], userToday));
        var place = Keep(answer.City is null && answer.State is null ? null : $"{answer.City}, {answer.State}",
            v => Said(message, answer.City) ? CityAndState.Parse(v) : null);
        (request.City, request.State) = place is { } p ? (p.City, p.State) : (null, null);
        return (request, rejected);
    }

    public static int CountFilled(AssistanceRequest request) =>
        new object?[] { request.RequesterName, request.RequesterTitle, request.AgencyName, request.AgencyType, request.IncidentType, request.IncidentDate, request.City }
            .Count(v => v is not null);

    /// <summary>An enum value by name; "Other" is refused, since asking is better than a vague guess.</summary>
    private static TEnum? KnownValue<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !value.Trim().Equals("Other", StringComparison.OrdinalIgnoreCase)
            && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? parsed
            : null;

    private static bool Said(string message, string? value) =>
        value is not null && Squash(message).Contains(Squash(value), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\n', '\r', ',', '.'], StringSplitOptions.RemoveEmptyEntries));
}
